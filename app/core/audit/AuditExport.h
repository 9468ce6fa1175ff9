#pragma once

#include "audit/AuditRecord.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace convdesk {

// Audit records as files for a spreadsheet or a ticket. Both formats carry the same fields,
// named as in the log (AuditRecord::toJson()) and in its order, except that the fields added
// for write-ahead (phase, attempt_id, verified_by, value_after) come after the older ones, and
// the reason (null when none was given) after those.
// History exports rows, attempts joined with their outcomes (AuditJoin): such a row has the
// phase "complete" and its attempt_id; an Attempt alone keeps "attempt".
class AuditExport
{
public:
    // RFC 4180: a header row, CRLF line ends, fields with a comma, quote, CR or LF quoted and
    // quotes doubled. UTF-8 without a byte order mark; a missing value is an empty field.
    static QByteArray toCsv(const QList<AuditRecord> &records);
    // A JSON array of the records, indented, UTF-8.
    static QByteArray toJson(const QList<AuditRecord> &records);

    static QStringList fieldNames();
    // record.toJson() with its fields in fieldNames() order.
    static OrderedJson exportedJson(const AuditRecord &record);
    static QByteArray csvField(const QString &value);
};

} // namespace convdesk
