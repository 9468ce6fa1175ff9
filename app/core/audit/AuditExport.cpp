#include "audit/AuditExport.h"

#include <QRegularExpression>

namespace convdesk {

namespace {

QString fieldText(const OrderedJson &value)
{
    if (value.is_null())
        return {};
    if (value.is_string())
        return Json::toQString(value.get<std::string>());
    return Json::toText(value);
}

QByteArray csvRow(const QStringList &fields)
{
    QByteArray row;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            row += ',';
        row += AuditExport::csvField(fields.at(i));
    }
    return row + "\r\n";
}

// The fields that write-ahead added to the log: exports list them after the older ones, so that
// a spreadsheet or script reading columns by position keeps working.
const QStringList &writeAheadFields()
{
    static const QStringList fields{QStringLiteral("phase"), QStringLiteral("attempt_id"),
                                    QStringLiteral("verified_by"), QStringLiteral("value_after")};
    return fields;
}

} // namespace

QStringList AuditExport::fieldNames()
{
    QStringList names;
    const OrderedJson sample = AuditRecord().toJson();
    for (auto it = sample.begin(); it != sample.end(); ++it) {
        const QString name = Json::toQString(it.key());
        if (!writeAheadFields().contains(name))
            names << name;
    }
    for (const QString &name : writeAheadFields()) {
        if (sample.contains(Json::toStdString(name)))
            names << name;
    }
    // Added after write-ahead, and written to the log only when given: always exported, last.
    names << QStringLiteral("reason") << QStringLiteral("revert_of");
    return names;
}

OrderedJson AuditExport::exportedJson(const AuditRecord &record)
{
    const OrderedJson json = record.toJson();
    OrderedJson ordered = OrderedJson::object();
    for (const QString &name : fieldNames()) {
        const std::string key = Json::toStdString(name);
        ordered[key] = json.value(key, OrderedJson());
    }
    return ordered;
}

QByteArray AuditExport::csvField(const QString &value)
{
    static const QRegularExpression plainNumber(QStringLiteral("^[-+]?\\d+(\\.\\d+)?$"));
    const bool formulaLike = !value.isEmpty() && QStringView(u"=+-@\t\r").contains(value.front())
                          && !plainNumber.match(value).hasMatch();
    QByteArray utf8 = formulaLike ? "'" + value.toUtf8() : value.toUtf8();
    const bool needsQuotes = formulaLike || utf8.contains(',') || utf8.contains('"') || utf8.contains('\r')
                          || utf8.contains('\n');
    if (!needsQuotes)
        return utf8;
    utf8.replace("\"", "\"\"");
    return '"' + utf8 + '"';
}

QByteArray AuditExport::toCsv(const QList<AuditRecord> &records)
{
    const QStringList names = fieldNames();
    QByteArray csv = csvRow(names);
    for (const AuditRecord &record : records) {
        const OrderedJson json = exportedJson(record);
        QStringList fields;
        for (const QString &name : names)
            fields << fieldText(json.value(Json::toStdString(name), OrderedJson()));
        csv += csvRow(fields);
    }
    return csv;
}

QByteArray AuditExport::toCsvFile(const QList<AuditRecord> &records)
{
    return QByteArray(Utf8ByteOrderMark) + toCsv(records);
}

QByteArray AuditExport::toJson(const QList<AuditRecord> &records)
{
    OrderedJson array = OrderedJson::array();
    for (const AuditRecord &record : records)
        array.push_back(exportedJson(record));
    return Json::serialize(array, 2) + '\n';
}

} // namespace convdesk
