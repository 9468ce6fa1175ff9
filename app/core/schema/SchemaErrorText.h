#pragma once

#include "json/JsonDocument.h"
#include "schema/ExtensionSchema.h"

#include <QCoreApplication>
#include <QList>

#include <string>
#include <vector>

namespace convdesk {

// One error as valijson reports it: its context ("<root>", "[contact]", "[0]") and an English
// description.
struct RawSchemaError
{
    std::vector<std::string> context;
    std::string description;
};

// Turns valijson's report into SchemaErrors: the RFC 6901 pointer of the value (of the missing
// or unwanted key for "required" and "additionalProperties": false), a translated sentence
// with the schema's own values filled in (valijson's texts carry no enum values, types or
// patterns, and print numbers as "10.000000"), and only the errors that say something: the
// parent notes valijson adds for each failing child ("Failed to validate against schema
// associated with property name 'x'") are dropped, and the alternatives of a failed "anyOf"/
// "oneOf" fold into one error.
class SchemaErrorText
{
    Q_DECLARE_TR_FUNCTIONS(SchemaErrorText)
public:
    static QList<SchemaError> explain(const std::vector<RawSchemaError> &raw,
                                      const OrderedJson &schema, const nlohmann::json &value);
    // The sentence for a valijson text no mapping knows, with that text in it. Tests use it to
    // tell that every claimed keyword has a sentence of its own.
    static QString unmapped(const QString &valijsonText);
    // "a string", "an integer", ... for a JSON Schema type name.
    static QString typeNoun(const std::string &type);
};

} // namespace convdesk
