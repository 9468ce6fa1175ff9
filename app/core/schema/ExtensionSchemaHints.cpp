// The parts of ExtensionSchema that read the schema for the form: hints, names, required keys.
#include "schema/ExtensionSchema.h"
#include "schema/ExtensionSchemaData.h"

#include "schema/SchemaNavigator.h"

namespace convdesk {

namespace {

std::vector<const OrderedJson *> schemasAtPointer(const OrderedJson &document, const QString &pointer)
{
    const std::optional<std::vector<std::string>> tokens = SchemaNavigator::pointerTokens(pointer);
    return tokens ? SchemaNavigator::schemasAt(document, *tokens) : std::vector<const OrderedJson *>();
}

QString stringMember(const OrderedJson &schema, const char *key)
{
    const auto it = schema.find(key);
    return it != schema.end() && it->is_string() ? Json::toQString(it->get<std::string>()) : QString();
}

std::optional<double> numberMember(const OrderedJson &schema, const char *key)
{
    const auto it = schema.find(key);
    return it != schema.end() && it->is_number() ? std::optional<double>(it->get<double>()) : std::nullopt;
}

std::optional<qint64> countMember(const OrderedJson &schema, const char *key)
{
    const auto it = schema.find(key);
    if (it == schema.end() || !it->is_number())
        return std::nullopt;
    return it->is_number_integer() ? it->get<qint64>() : qint64(it->get<double>());
}

// Merges what one subschema says into `hints`; the first subschema to say a thing wins,
// except bounds, where the tighter one wins.
void merge(SchemaFieldHints &hints, const OrderedJson &schema)
{
    if (hints.title.isEmpty())
        hints.title = stringMember(schema, "title");
    if (hints.description.isEmpty())
        hints.description = stringMember(schema, "description");
    if (hints.format.isEmpty())
        hints.format = stringMember(schema, "format");
    if (hints.pattern.isEmpty())
        hints.pattern = stringMember(schema, "pattern");
    if (hints.types.isEmpty()) {
        if (const auto type = schema.find("type"); type != schema.end()) {
            if (type->is_string())
                hints.types << Json::toQString(type->get<std::string>());
            else if (type->is_array())
                for (const OrderedJson &t : *type)
                    if (t.is_string())
                        hints.types << Json::toQString(t.get<std::string>());
        }
    }
    if (hints.enumValues.isEmpty()) {
        if (const auto values = schema.find("enum"); values != schema.end() && values->is_array())
            hints.enumValues = QList<OrderedJson>(values->begin(), values->end());
        else if (const auto constant = schema.find("const"); constant != schema.end())
            hints.enumValues = {*constant};
    }
    if (!hints.defaultValue)
        if (const auto value = schema.find("default"); value != schema.end())
            hints.defaultValue = *value;
    if (hints.examples.isEmpty())
        if (const auto values = schema.find("examples"); values != schema.end() && values->is_array())
            hints.examples = QList<OrderedJson>(values->begin(), values->end());
    const auto tighter = [](auto &current, auto candidate, bool lower) {
        if (candidate && (!current || (lower ? *candidate > *current : *candidate < *current)))
            current = candidate;
    };
    tighter(hints.minimum, numberMember(schema, "minimum"), true);
    tighter(hints.maximum, numberMember(schema, "maximum"), false);
    tighter(hints.exclusiveMinimum, numberMember(schema, "exclusiveMinimum"), true);
    tighter(hints.exclusiveMaximum, numberMember(schema, "exclusiveMaximum"), false);
    tighter(hints.minLength, countMember(schema, "minLength"), true);
    tighter(hints.maxLength, countMember(schema, "maxLength"), false);
}

} // namespace

std::optional<SchemaFieldHints> ExtensionSchema::hintsFor(const QString &pointer) const
{
    const std::vector<const OrderedJson *> schemas = schemasAtPointer(d->document, pointer);
    if (schemas.empty())
        return std::nullopt;
    SchemaFieldHints hints;
    for (const OrderedJson *schema : schemas)
        merge(hints, *schema);
    const qsizetype slash = pointer.lastIndexOf(u'/');
    if (slash >= 0) {
        const std::optional<std::vector<std::string>> key =
            SchemaNavigator::pointerTokens(pointer.mid(slash));
        hints.required = key && key->size() == 1
            && requiredNames(pointer.left(slash)).contains(Json::toQString(key->front()));
    }
    return hints;
}

QStringList ExtensionSchema::propertyNames(const QString &objectPointer) const
{
    QStringList names;
    for (const OrderedJson *schema : schemasAtPointer(d->document, objectPointer)) {
        const auto properties = schema->find("properties");
        if (properties == schema->end() || !properties->is_object())
            continue;
        for (auto it = properties->begin(); it != properties->end(); ++it) {
            const QString name = Json::toQString(it.key());
            if (!names.contains(name))
                names << name;
        }
    }
    return names;
}

QStringList ExtensionSchema::requiredNames(const QString &objectPointer) const
{
    QStringList names;
    for (const OrderedJson *schema : schemasAtPointer(d->document, objectPointer)) {
        const auto required = schema->find("required");
        if (required == schema->end() || !required->is_array())
            continue;
        for (const OrderedJson &name : *required)
            if (name.is_string() && !names.contains(Json::toQString(name.get<std::string>())))
                names << Json::toQString(name.get<std::string>());
    }
    return names;
}

bool ExtensionSchema::allowsAdditionalProperties(const QString &objectPointer) const
{
    for (const OrderedJson *schema : schemasAtPointer(d->document, objectPointer)) {
        const auto additional = schema->find("additionalProperties");
        if (additional != schema->end() && additional->is_boolean() && !additional->get<bool>())
            return false;
    }
    return true;
}

} // namespace convdesk
