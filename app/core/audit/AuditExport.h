#pragma once

#include "audit/AuditRecord.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace convdesk {

// Audit records as files for a spreadsheet or a ticket. Both formats carry the same fields,
// named and ordered as in the log (AuditRecord::toJson()).
class AuditExport
{
public:
    // RFC 4180: a header row, CRLF line ends, fields with a comma, quote, CR or LF quoted and
    // quotes doubled. UTF-8 without a byte order mark; a missing value is an empty field.
    static QByteArray toCsv(const QList<AuditRecord> &records);
    // A JSON array of the records, indented, UTF-8.
    static QByteArray toJson(const QList<AuditRecord> &records);

    static QStringList fieldNames();
    static QByteArray csvField(const QString &value);
};

} // namespace convdesk
