#include "schema/SchemaVerdict.h"

namespace convdesk {

SchemaVerdict SchemaVerdict::of(const ExtensionSchema &schema, const QList<SchemaError> &errors)
{
    SchemaVerdict verdict;
    verdict.schemaPath = schema.filePath();
    verdict.schemaSha256 = schema.sha256Hex();
    verdict.check = errors.isEmpty() ? Passed : Failed;
    for (const SchemaError &error : errors)
        verdict.errors << line(error);
    return verdict;
}

SchemaVerdict SchemaVerdict::skipped(const QString &schemaPath, const QString &schemaSha256)
{
    SchemaVerdict verdict;
    verdict.schemaPath = schemaPath;
    verdict.schemaSha256 = schemaSha256;
    verdict.check = Skipped;
    return verdict;
}

QString SchemaVerdict::line(const SchemaError &error)
{
    return (error.pointer.isEmpty() ? tr("(root)") : error.pointer) + QStringLiteral(": ") + error.message;
}

} // namespace convdesk
