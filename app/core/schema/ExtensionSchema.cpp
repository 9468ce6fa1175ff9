#include "schema/ExtensionSchema.h"
#include "schema/ExtensionSchemaData.h"

#include "schema/SchemaErrorText.h"
#include "schema/SchemaNavigator.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <cmath>
#include <regex>

namespace convdesk {

namespace {

// A team's schema is a few kilobytes; anything this large is the wrong file.
constexpr qint64 MaxSchemaFileBytes = 1024 * 1024;

// valijson reads nlohmann::json (key order does not matter to validation). Draft-07 counts
// 1.0 as an integer, which nlohmann parses as a float: such floats become integers here.
nlohmann::json toValidationJson(const OrderedJson &v)
{
    if (v.is_object()) {
        nlohmann::json out = nlohmann::json::object();
        for (auto it = v.begin(); it != v.end(); ++it)
            out[it.key()] = toValidationJson(it.value());
        return out;
    }
    if (v.is_array()) {
        nlohmann::json out = nlohmann::json::array();
        for (const OrderedJson &item : v)
            out.push_back(toValidationJson(item));
        return out;
    }
    if (v.is_number_float()) {
        const double d = v.get<double>();
        if (std::isfinite(d) && d == std::floor(d) && std::abs(d) < 9007199254740992.0)
            return nlohmann::json(static_cast<std::int64_t>(d));
    }
    return nlohmann::json(v);
}

// "format" is a hint only here (valijson would check date, time and date-time), so it is
// taken out of the copy valijson reads, at every place that holds a schema. Patterns are
// compiled the way valijson will (std::regex, ECMAScript) so a bad one is named at load
// instead of failing every validation.
void prepareForValijson(nlohmann::json &schema, std::vector<std::string> &place,
                        std::optional<std::pair<QString, QString>> &badPattern)
{
    if (!schema.is_object())
        return;
    const auto checkPattern = [&](const std::string &pattern, const std::vector<std::string> &at) {
        try {
            std::regex compiled(pattern, std::regex::ECMAScript);
        } catch (const std::regex_error &) {
            if (!badPattern)
                badPattern = std::make_pair(SchemaNavigator::pointerFromTokens(at),
                                            Json::toQString(pattern));
        }
    };
    if (const auto f = schema.find("format"); f != schema.end() && f->is_string())
        schema.erase(f);
    if (const auto p = schema.find("pattern"); p != schema.end() && p->is_string()) {
        place.push_back("pattern");
        checkPattern(p->get<std::string>(), place);
        place.pop_back();
    }
    const auto descend = [&](nlohmann::json &child, std::initializer_list<std::string> steps) {
        place.insert(place.end(), steps);
        prepareForValijson(child, place, badPattern);
        place.resize(place.size() - steps.size());
    };
    for (const char *single : {"additionalProperties", "additionalItems", "items", "not", "contains",
                               "propertyNames", "if", "then", "else"}) {
        if (const auto it = schema.find(single); it != schema.end() && it->is_object())
            descend(*it, {single});
    }
    for (const char *list : {"items", "allOf", "anyOf", "oneOf"}) {
        if (const auto it = schema.find(list); it != schema.end() && it->is_array())
            for (size_t i = 0; i < it->size(); ++i)
                descend(it->at(i), {list, std::to_string(i)});
    }
    for (const char *map : {"properties", "patternProperties", "definitions", "dependencies"}) {
        const auto it = schema.find(map);
        if (it == schema.end() || !it->is_object())
            continue;
        for (auto member = it->begin(); member != it->end(); ++member) {
            if (std::string(map) == "patternProperties")
                checkPattern(member.key(), {place.begin(), place.end()});
            descend(member.value(), {map, member.key()});
        }
    }
}

} // namespace

namespace {

std::vector<RawSchemaError> runValijson(const valijson::Schema &schema, const nlohmann::json &value)
{
    valijson::Validator validator;
    valijson::ValidationResults results;
    const valijson::adapters::NlohmannJsonAdapter adapter(value);
    if (validator.validate(schema, adapter, &results))
        return {};
    std::vector<RawSchemaError> raw;
    for (auto it = results.begin(); it != results.end(); ++it)
        raw.push_back({it->context, it->description});
    if (raw.empty()) // invalid without a word (a "false" schema at the root)
        raw.push_back({{"<root>"}, std::string()});
    return raw;
}

// The official draft-07 meta-schema (app/core/schema/draft-07-schema.json, embedded): a
// team's schema is checked against it before valijson reads it.
QByteArray metaSchemaText()
{
    QFile file(QStringLiteral(":/schema/draft-07-schema.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("the embedded draft-07 meta-schema is missing");
    return file.readAll();
}

const OrderedJson &metaSchemaDocument()
{
    static const OrderedJson document = *Json::parse(metaSchemaText());
    return document;
}

const nlohmann::json &metaSchemaJson()
{
    static const nlohmann::json document = toValidationJson(metaSchemaDocument());
    return document;
}

// The one document a "$ref" may name outside the file: the meta-schema itself, by its URL
// ({"$ref": "http://json-schema.org/draft-07/schema#"} says "a schema goes here"). Nothing
// is ever fetched from the network.
const nlohmann::json *fetchKnownDocument(const std::string &uri)
{
    const std::string withoutFragment = uri.substr(0, uri.find('#'));
    if (withoutFragment == "http://json-schema.org/draft-07/schema")
        return new nlohmann::json(metaSchemaJson());
    return nullptr;
}

void freeKnownDocument(const nlohmann::json *document)
{
    delete document;
}

void parseSchema(const nlohmann::json &document, valijson::Schema &schema)
{
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    parser.populateSchema(valijson::adapters::NlohmannJsonAdapter(document), schema,
                          fetchKnownDocument, freeKnownDocument);
}

const valijson::Schema &metaSchema()
{
    static const std::unique_ptr<valijson::Schema> schema = [] {
        auto s = std::make_unique<valijson::Schema>();
        parseSchema(metaSchemaJson(), *s);
        return s;
    }();
    return *schema;
}

} // namespace

ExtensionSchema::ExtensionSchema(std::shared_ptr<const Data> data) : d(std::move(data)) {}
ExtensionSchema::ExtensionSchema(const ExtensionSchema &) = default;
ExtensionSchema &ExtensionSchema::operator=(const ExtensionSchema &) = default;
ExtensionSchema::ExtensionSchema(ExtensionSchema &&) noexcept = default;
ExtensionSchema &ExtensionSchema::operator=(ExtensionSchema &&) noexcept = default;
ExtensionSchema::~ExtensionSchema() = default;

std::optional<ExtensionSchema> ExtensionSchema::load(const QString &filePath, QString *error)
{
    QString scratch;
    QString &err = error ? *error : scratch;
    QFile file(filePath);
    const QFileInfo info(filePath);
    if (!info.exists()) {
        err = tr("The schema file %1 does not exist.").arg(filePath);
        return std::nullopt;
    }
    if (info.isDir() || !file.open(QIODevice::ReadOnly)) {
        err = tr("The schema file %1 cannot be read: %2")
                  .arg(filePath, info.isDir() ? tr("it is a folder") : file.errorString());
        return std::nullopt;
    }
    if (file.size() > MaxSchemaFileBytes) {
        err = tr("The schema file %1 is larger than 1 MiB; a schema is much smaller.").arg(filePath);
        return std::nullopt;
    }
    std::optional<ExtensionSchema> schema = fromText(file.read(MaxSchemaFileBytes), filePath, error);
    if (schema) {
        // fromText() made it just now: this is its only owner.
        std::const_pointer_cast<Data>(schema->d)->filePath = filePath;
    }
    return schema;
}

std::optional<ExtensionSchema> ExtensionSchema::fromText(const QByteArray &text, const QString &sourceName,
                                                         QString *error)
{
    QString scratch;
    QString &err = error ? *error : scratch;
    JsonParseError parseError;
    const std::optional<OrderedJson> document = Json::parse(text, &parseError);
    if (!document) {
        err = tr("The schema %1 is not JSON: %2").arg(sourceName, parseError.describe());
        return std::nullopt;
    }
    nlohmann::json forValijson = toValidationJson(*document);
    const std::vector<RawSchemaError> metaErrors = runValijson(metaSchema(), forValijson);
    if (!metaErrors.empty()) {
        const QList<SchemaError> errors =
            SchemaErrorText::explain(metaErrors, metaSchemaDocument(), forValijson);
        const SchemaError first = errors.value(0);
        err = tr("The schema %1 is not a valid JSON Schema (draft-07): %2: %3")
                  .arg(sourceName, first.pointer.isEmpty() ? QStringLiteral("/") : first.pointer,
                       first.message);
        return std::nullopt;
    }
    std::vector<std::string> place;
    std::optional<std::pair<QString, QString>> badPattern;
    prepareForValijson(forValijson, place, badPattern);
    if (badPattern) {
        err = tr("The schema %1 is not a valid JSON Schema (draft-07): %2: %3 is not a regular expression")
                  .arg(sourceName, badPattern->first.isEmpty() ? QStringLiteral("/") : badPattern->first,
                       badPattern->second);
        return std::nullopt;
    }
    auto data = std::make_shared<Data>();
    try {
        parseSchema(forValijson, data->schema);
    } catch (const std::exception &e) {
        err = tr("The schema %1 cannot be used: %2").arg(sourceName, QString::fromUtf8(e.what()));
        return std::nullopt;
    }
    data->document = *document;
    data->sha256 = QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex());
    return ExtensionSchema(std::move(data));
}

QString ExtensionSchema::filePath() const { return d->filePath; }
QString ExtensionSchema::sha256Hex() const { return d->sha256; }

QString ExtensionSchema::title() const
{
    const auto it = d->document.is_object() ? d->document.find("title") : d->document.end();
    return it != d->document.end() && it->is_string() ? Json::toQString(it->get<std::string>()) : QString();
}

QList<SchemaError> ExtensionSchema::validate(const QString &valueText) const
{
    JsonParseError parseError;
    const std::optional<OrderedJson> value = Json::parse(valueText.toUtf8(), &parseError);
    if (!value)
        return {{QString(), tr("is not JSON: %1").arg(parseError.describe())}};
    return validate(*value);
}

QList<SchemaError> ExtensionSchema::validate(const OrderedJson &value) const
{
    const nlohmann::json forValijson = toValidationJson(value);
    std::vector<RawSchemaError> raw;
    try {
        raw = runValijson(d->schema, forValijson);
    } catch (const std::exception &e) {
        return {{QString(), tr("cannot be checked against the schema: %1").arg(QString::fromUtf8(e.what()))}};
    }
    if (raw.empty())
        return {};
    QList<SchemaError> errors = SchemaErrorText::explain(raw, d->document, forValijson);
    if (errors.isEmpty())
        errors.append({QString(), tr("does not pass the schema")});
    return errors;
}

} // namespace convdesk
