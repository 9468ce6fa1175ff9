#pragma once

#include "CliContext.h"
#include "schema/ExtensionSchema.h"
#include "schema/SchemaVerdict.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace convdesk {

// The team's JSON Schema in convdesk-cli (set-extension, check-extension): read when used,
// its problems and a value's errors printed on standard error, one line each.
class SchemaCheck
{
    Q_DECLARE_TR_FUNCTIONS(SchemaCheck)
public:
    // The schema; nullopt after printing the sentence that names the file and what is wrong.
    static std::optional<ExtensionSchema> load(const CliContext &context, const QString &path);
    // Checks `value`; a Failed verdict comes with its "/pointer: message" lines printed.
    static SchemaVerdict check(const CliContext &context, const ExtensionSchema &schema, const QString &value);
};

} // namespace convdesk
