#include "schema/SchemaErrorText.h"

#include "schema/SchemaNavigator.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <regex>

namespace convdesk {

namespace {

// What a valijson description says, recognised by its fixed English text
// (valijson/validation_visitor.hpp).
enum class Kind {
    Type, Enum, Const, Required, UnwantedKey, TupleTooLong, MaxItems, MinItems, Unique,
    Maximum, ExclusiveMaximum, Minimum, ExclusiveMinimum, MultipleOf, MaxLength, MinLength,
    Pattern, AnyOf, OneOfNone, OneOfMany, Not,
    // Notes valijson adds above a failing child; `childTokens` says where that child is.
    PropertyNote, ItemNote, MemberNote, PatternNote, AdditionalNote,
    Unknown
};

struct Entry
{
    std::vector<std::string> tokens; // the value's place
    std::string text;                // valijson's description
    Kind kind = Kind::Unknown;
    std::string name;                // a key (Required, UnwantedKey, PropertyNote)
    long long index = -1;            // ItemNote, MemberNote; Unique: the first index
    long long otherIndex = -1;       // Unique: the second index
    double number = 0;               // bounds and counts as valijson prints them
    int firstAlternative = -1;       // AnyOf/OneOfNone: the first alternative's own error
    bool dropped = false;
};

bool startsWith(const std::string &text, const char *prefix)
{
    return text.rfind(prefix, 0) == 0;
}

double numberAfter(const std::string &text, const char *prefix)
{
    try {
        return std::stod(text.substr(std::char_traits<char>::length(prefix)));
    } catch (const std::exception &) {
        return 0;
    }
}

// The text between the first and the last single quote: valijson's quoted key.
std::string quoted(const std::string &text)
{
    const size_t first = text.find('\'');
    const size_t last = text.rfind('\'');
    return first != std::string::npos && last > first ? text.substr(first + 1, last - first - 1)
                                                      : std::string();
}

void classify(Entry &e)
{
    const std::string &t = e.text;
    std::smatch m;
    static const std::regex itemNote("^Failed to validate item #(\\d+) (in array|against).*");
    static const std::regex memberNote("^Failed to validate against child schema #(\\d+)\\.$");
    static const std::regex unique("^Elements at indexes #(\\d+) and #(\\d+) violate.*");
    if (t == "Value type not permitted by 'type' constraint.") e.kind = Kind::Type;
    else if (t == "Failed to match against any enum values.") e.kind = Kind::Enum;
    else if (t == "Failed to match expected value set by 'const' constraint.") e.kind = Kind::Const;
    else if (startsWith(t, "Missing required property ")) { e.kind = Kind::Required; e.name = quoted(t); }
    else if (startsWith(t, "Object contains a property that could not be validated")) {
        e.kind = Kind::UnwantedKey;
        e.name = t.substr(t.find(": '") + 3);
        e.name.resize(e.name.size() >= 2 ? e.name.size() - 2 : 0); // "'."
    }
    else if (startsWith(t, "Array contains more items than allowed")) e.kind = Kind::TupleTooLong;
    else if (startsWith(t, "Array should contain no more than ")) { e.kind = Kind::MaxItems; e.number = numberAfter(t, "Array should contain no more than "); }
    else if (startsWith(t, "Array should contain no fewer than ")) { e.kind = Kind::MinItems; e.number = numberAfter(t, "Array should contain no fewer than "); }
    else if (std::regex_match(t, m, unique)) { e.kind = Kind::Unique; e.index = std::stoll(m[1]); e.otherIndex = std::stoll(m[2]); }
    else if (startsWith(t, "Expected number less than or equal to ")) { e.kind = Kind::Maximum; e.number = numberAfter(t, "Expected number less than or equal to "); }
    else if (startsWith(t, "Expected number less than ")) { e.kind = Kind::ExclusiveMaximum; e.number = numberAfter(t, "Expected number less than "); }
    else if (startsWith(t, "Expected number greater than or equal to ")) { e.kind = Kind::Minimum; e.number = numberAfter(t, "Expected number greater than or equal to "); }
    else if (startsWith(t, "Expected number greater than ")) { e.kind = Kind::ExclusiveMinimum; e.number = numberAfter(t, "Expected number greater than "); }
    else if (startsWith(t, "Value should be a multiple of ")) { e.kind = Kind::MultipleOf; e.number = numberAfter(t, "Value should be a multiple of "); }
    else if (startsWith(t, "String should be no more than ")) { e.kind = Kind::MaxLength; e.number = numberAfter(t, "String should be no more than "); }
    else if (startsWith(t, "String should be no fewer than ")) { e.kind = Kind::MinLength; e.number = numberAfter(t, "String should be no fewer than "); }
    else if (t == "Failed to match regex specified by 'pattern' constraint.") e.kind = Kind::Pattern;
    else if (startsWith(t, "Failed to validate against any schemas allowed by anyOf")) e.kind = Kind::AnyOf;
    else if (startsWith(t, "Failed to validate against any child schemas allowed by oneOf")) e.kind = Kind::OneOfNone;
    else if (startsWith(t, "Failed to validate against exactly one child schema")) e.kind = Kind::OneOfMany;
    else if (startsWith(t, "Target should not validate against schema specified in 'not'")) e.kind = Kind::Not;
    else if (startsWith(t, "Failed to validate against schema associated with property name ")) { e.kind = Kind::PropertyNote; e.name = quoted(t); }
    else if (std::regex_match(t, m, itemNote)) { e.kind = Kind::ItemNote; e.index = std::stoll(m[1]); }
    else if (std::regex_match(t, m, memberNote)) { e.kind = Kind::MemberNote; e.index = std::stoll(m[1]); }
    else if (startsWith(t, "Failed to validate against schema associated with pattern")) e.kind = Kind::PatternNote;
    else if (startsWith(t, "Failed to validate against additional properties schema")
             || startsWith(t, "Failed to validate against dependent schema")) e.kind = Kind::AdditionalNote;
}

bool isNote(Kind kind)
{
    return kind == Kind::PropertyNote || kind == Kind::ItemNote || kind == Kind::MemberNote
        || kind == Kind::PatternNote || kind == Kind::AdditionalNote;
}

// Where the child a note speaks for sits (the note itself is at its parent).
std::vector<std::string> childTokens(const Entry &e)
{
    std::vector<std::string> tokens = e.tokens;
    if (e.kind == Kind::PropertyNote)
        tokens.push_back(e.name);
    else if (e.kind == Kind::ItemNote)
        tokens.push_back(std::to_string(e.index));
    return tokens;
}

bool isAtOrBelow(const std::vector<std::string> &tokens, const std::vector<std::string> &base)
{
    return tokens.size() >= base.size() && std::equal(base.begin(), base.end(), tokens.begin());
}

// A failed anyOf/oneOf comes after its alternatives' errors, each closed by a note "child
// schema #i" at the same place: fold them into the summary, keeping the first one's own
// error as an example. Errors of other keywords at the same place stop the walk at their
// own member notes; a nested combinator may leave a few of its errors standing, never hide one.
void foldAlternatives(std::vector<Entry> &entries)
{
    for (size_t s = 0; s < entries.size(); ++s) {
        Entry &summary = entries[s];
        if (summary.kind != Kind::AnyOf && summary.kind != Kind::OneOfNone)
            continue;
        bool passedFirst = false;
        for (size_t j = s; j-- > 0;) {
            Entry &e = entries[j];
            if (!isAtOrBelow(e.tokens, summary.tokens))
                break;
            if (e.kind == Kind::MemberNote && e.tokens == summary.tokens) {
                if (passedFirst)
                    break;
                passedFirst = e.index == 0;
            } else if (passedFirst && e.tokens == summary.tokens && !isNote(e.kind)
                       && e.kind != Kind::AnyOf && e.kind != Kind::OneOfNone) {
                summary.firstAlternative = int(j);
            }
            e.dropped = true;
        }
    }
}

void dropAnsweredNotes(std::vector<Entry> &entries)
{
    for (Entry &note : entries) {
        if (!isNote(note.kind) || note.dropped)
            continue;
        const std::vector<std::string> child = childTokens(note);
        for (const Entry &other : entries) {
            if (&other != &note && !isNote(other.kind) && !other.dropped
                && isAtOrBelow(other.tokens, child)) {
                note.dropped = true;
                break;
            }
        }
    }
}

const nlohmann::json *valueAt(const nlohmann::json &root, const std::vector<std::string> &tokens)
{
    const nlohmann::json *node = &root;
    for (const std::string &token : tokens) {
        if (node->is_object() && node->contains(token))
            node = &node->at(token);
        else if (node->is_array() && !token.empty() && token.size() < 10
                 && token.find_first_not_of("0123456789") == std::string::npos
                 && std::stoul(token) < node->size())
            node = &node->at(std::stoul(token));
        else
            return nullptr;
    }
    return node;
}

std::string typeOf(const nlohmann::json &v)
{
    if (v.is_number_integer()) return "integer";
    if (v.is_number()) return "number";
    if (v.is_string()) return "string";
    if (v.is_boolean()) return "boolean";
    if (v.is_object()) return "object";
    if (v.is_array()) return "array";
    return "null";
}

QString jsonText(const OrderedJson &v)
{
    return Json::toText(v);
}

QStringList typeNames(const OrderedJson &type)
{
    QStringList names;
    if (type.is_string())
        names << SchemaErrorText::typeNoun(type.get<std::string>());
    else if (type.is_array())
        for (const OrderedJson &t : type)
            if (t.is_string())
                names << SchemaErrorText::typeNoun(t.get<std::string>());
    return names;
}

bool typeAllows(const OrderedJson &type, const std::string &actual)
{
    const auto allows = [&](const OrderedJson &t) {
        return t.is_string() && (t == actual || (t == "number" && actual == "integer"));
    };
    if (type.is_array())
        return std::any_of(type.begin(), type.end(), allows);
    return allows(type);
}

// The subschema whose `keyword` the value fails: the first that has it and `fails`, else the
// first that has it.
const OrderedJson *keywordSchema(const std::vector<const OrderedJson *> &schemas, const char *keyword,
                                 const std::function<bool(const OrderedJson &)> &fails)
{
    const OrderedJson *first = nullptr;
    for (const OrderedJson *s : schemas) {
        const auto it = s->find(keyword);
        if (it == s->end())
            continue;
        if (!first)
            first = &*it;
        if (fails(*it))
            return &*it;
    }
    return first;
}

} // namespace

QString SchemaErrorText::typeNoun(const std::string &type)
{
    if (type == "string") return tr("a string");
    if (type == "integer") return tr("an integer");
    if (type == "number") return tr("a number");
    if (type == "boolean") return tr("a boolean");
    if (type == "object") return tr("an object");
    if (type == "array") return tr("an array");
    if (type == "null") return tr("null");
    return Json::toQString(type);
}

QString SchemaErrorText::unmapped(const QString &valijsonText)
{
    return tr("does not pass the schema (%1)").arg(valijsonText);
}

QList<SchemaError> SchemaErrorText::explain(const std::vector<RawSchemaError> &raw,
                                            const OrderedJson &schema, const nlohmann::json &value)
{
    std::vector<Entry> entries;
    for (const RawSchemaError &r : raw) {
        Entry e;
        for (size_t i = 1; i < r.context.size(); ++i) // [0] is "<root>"
            e.tokens.push_back(r.context[i].size() >= 2 ? r.context[i].substr(1, r.context[i].size() - 2)
                                                        : r.context[i]);
        e.text = r.description;
        classify(e);
        entries.push_back(std::move(e));
    }
    foldAlternatives(entries);
    dropAnsweredNotes(entries);

    const auto sentence = [&](const Entry &e) -> SchemaError {
        const QString here = SchemaNavigator::pointerFromTokens(e.tokens);
        const nlohmann::json *v = valueAt(value, e.tokens);
        const std::string actualType = v ? typeOf(*v) : std::string("null");
        const std::vector<const OrderedJson *> schemas = SchemaNavigator::schemasAt(schema, e.tokens);
        const auto numberFrom = [&](const char *keyword) {
            const OrderedJson *n = keywordSchema(schemas, keyword, [&](const OrderedJson &k) {
                return k.is_number() && std::abs(k.get<double>() - e.number) <= 1e-6 * std::max(1.0, std::abs(e.number));
            });
            return n && n->is_number() ? jsonText(*n) : QString::number(e.number, 'g', 15);
        };
        const auto count = [&]() -> qsizetype {
            if (v && v->is_array()) return qsizetype(v->size());
            if (v && v->is_string()) return Json::toQString(v->get<std::string>()).toUcs4().size();
            return 0;
        };
        switch (e.kind) {
        case Kind::Type: {
            const OrderedJson *type = keywordSchema(schemas, "type", [&](const OrderedJson &t) {
                return !typeAllows(t, actualType);
            });
            const QStringList names = type ? typeNames(*type) : QStringList();
            QString expected = names.value(0);
            for (qsizetype i = 1; i < names.size(); ++i)
                expected = tr("%1 or %2").arg(expected, names.at(i));
            return {here, tr("must be %1 (it is %2)").arg(expected, typeNoun(actualType))};
        }
        case Kind::Enum: {
            const OrderedJson *values = keywordSchema(schemas, "enum", [&](const OrderedJson &list) {
                return v && list.is_array() && std::none_of(list.begin(), list.end(), [&](const OrderedJson &x) {
                    return nlohmann::json(x) == *v;
                });
            });
            QStringList texts;
            if (values && values->is_array())
                for (const OrderedJson &x : *values)
                    texts << jsonText(x);
            return {here, tr("must be one of: %1").arg(texts.join(QStringLiteral(", ")))};
        }
        case Kind::Const: {
            const OrderedJson *c = keywordSchema(schemas, "const", [&](const OrderedJson &x) {
                return !v || nlohmann::json(x) != *v;
            });
            return {here, tr("must be exactly %1").arg(c ? jsonText(*c) : QString())};
        }
        case Kind::Required: {
            std::vector<std::string> key = e.tokens;
            key.push_back(e.name);
            return {SchemaNavigator::pointerFromTokens(key), tr("is required")};
        }
        case Kind::UnwantedKey: {
            std::vector<std::string> key = e.tokens;
            key.push_back(e.name);
            return {SchemaNavigator::pointerFromTokens(key),
                    tr("is not allowed: the schema allows no other keys")};
        }
        case Kind::TupleTooLong: return {here, tr("has more items than the schema allows")};
        case Kind::MaxItems:
            return {here, tr("must have at most %n item(s) (it has %1)", nullptr, int(e.number)).arg(count())};
        case Kind::MinItems:
            return {here, tr("must have at least %n item(s) (it has %1)", nullptr, int(e.number)).arg(count())};
        case Kind::Unique:
            return {here, tr("must not hold the same item twice (items %1 and %2 are equal)")
                              .arg(e.index).arg(e.otherIndex)};
        case Kind::Maximum: return {here, tr("must be at most %1").arg(numberFrom("maximum"))};
        case Kind::ExclusiveMaximum: return {here, tr("must be less than %1").arg(numberFrom("exclusiveMaximum"))};
        case Kind::Minimum: return {here, tr("must be at least %1").arg(numberFrom("minimum"))};
        case Kind::ExclusiveMinimum: return {here, tr("must be greater than %1").arg(numberFrom("exclusiveMinimum"))};
        case Kind::MultipleOf: return {here, tr("must be a multiple of %1").arg(numberFrom("multipleOf"))};
        case Kind::MaxLength:
            return {here, tr("must be at most %n character(s) (it has %1)", nullptr, int(e.number)).arg(count())};
        case Kind::MinLength:
            return {here, tr("must be at least %n character(s) (it has %1)", nullptr, int(e.number)).arg(count())};
        case Kind::Pattern: {
            const std::string text = v && v->is_string() ? v->get<std::string>() : std::string();
            const OrderedJson *p = keywordSchema(schemas, "pattern", [&](const OrderedJson &x) {
                try {
                    return x.is_string() && !std::regex_search(text, std::regex(x.get<std::string>()));
                } catch (const std::regex_error &) {
                    return false;
                }
            });
            return {here, tr("must match the pattern %1").arg(p && p->is_string() ? Json::toQString(p->get<std::string>()) : QString())};
        }
        case Kind::Not: return {here, tr("must not match the schema in \"not\"")};
        case Kind::OneOfMany:
            return {here, tr("must match exactly one of the schemas in \"oneOf\" (it matches more than one)")};
        case Kind::PropertyNote: case Kind::ItemNote:
            return {SchemaNavigator::pointerFromTokens(childTokens(e)), tr("is not allowed by the schema")};
        case Kind::MemberNote: return {here, tr("does not match all the schemas it must match")};
        case Kind::PatternNote: case Kind::AdditionalNote: return {here, tr("has a key the schema does not allow")};
        case Kind::AnyOf: case Kind::OneOfNone: case Kind::Unknown: break;
        }
        return {here, unmapped(Json::toQString(e.text))};
    };

    QList<SchemaError> errors;
    for (const Entry &e : entries) {
        if (e.dropped) // a note answered by its child's error, or folded into an anyOf/oneOf
            continue;
        SchemaError error;
        if (e.kind == Kind::AnyOf || e.kind == Kind::OneOfNone) {
            const QString example = e.firstAlternative >= 0
                ? sentence(entries[size_t(e.firstAlternative)]).message : QString();
            const QString here = SchemaNavigator::pointerFromTokens(e.tokens);
            if (e.kind == Kind::AnyOf)
                error = {here, example.isEmpty() ? tr("must match at least one of the schemas in \"anyOf\"")
                                                 : tr("must match at least one of the schemas in \"anyOf\"; the first one says: %1").arg(example)};
            else
                error = {here, example.isEmpty() ? tr("must match exactly one of the schemas in \"oneOf\" (it matches none)")
                                                 : tr("must match exactly one of the schemas in \"oneOf\" (it matches none); the first one says: %1").arg(example)};
        } else {
            error = sentence(e);
        }
        if (!errors.contains(error))
            errors.append(error);
    }
    return errors;
}

} // namespace convdesk
