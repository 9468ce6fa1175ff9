#include "SchemaCheck.h"

namespace convdesk {

std::optional<ExtensionSchema> SchemaCheck::load(const CliContext &context, const QString &path)
{
    QString problem;
    std::optional<ExtensionSchema> schema = ExtensionSchema::load(path, &problem);
    if (!schema)
        context.printErr(tr("convdesk-cli: %1").arg(problem));
    return schema;
}

SchemaVerdict SchemaCheck::check(const CliContext &context, const ExtensionSchema &schema, const QString &value)
{
    const SchemaVerdict verdict = SchemaVerdict::of(schema, schema.validate(value));
    for (const QString &line : verdict.errors)
        context.printErr(line);
    return verdict;
}

} // namespace convdesk
