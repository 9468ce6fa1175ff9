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
    // quotes doubled. UTF-8 without a byte order mark (for pipes and scripts); a missing value
    // is an empty field. A text that a spreadsheet would run as a formula (it starts with =,
    // +, -, @, a tab or a CR and is not a plain number) gets a leading ' (OWASP's advice
    // against CSV injection): values are written by app users and end up in Excel.
    static QByteArray toCsv(const QList<AuditRecord> &records);
    // toCsv() for a file a person opens: with a UTF-8 byte order mark, without which Excel
    // reads the file in the local code page and Chinese text turns into garbage.
    static QByteArray toCsvFile(const QList<AuditRecord> &records);
    static constexpr char Utf8ByteOrderMark[] = "\xEF\xBB\xBF";
    // A JSON array of the records, indented, UTF-8.
    static QByteArray toJson(const QList<AuditRecord> &records);

    static QStringList fieldNames();
    // record.toJson() with its fields in fieldNames() order.
    static OrderedJson exportedJson(const AuditRecord &record);
    static QByteArray csvField(const QString &value);
};

} // namespace convdesk
