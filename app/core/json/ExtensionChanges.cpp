#include "json/ExtensionChanges.h"

#include "json/JsonPath.h"

#include <QHash>
#include <QStringList>

#include <algorithm>

namespace convdesk {

namespace {

using Kind = ExtensionChange::Kind;

struct Side
{
    ExtensionChanges::Form form = ExtensionChanges::Form::Empty;
    std::optional<OrderedJson> json;
};

Side read(const QString &text)
{
    if (text.trimmed().isEmpty())
        return {};
    auto parsed = Json::parse(text.toUtf8());
    if (!parsed)
        return {ExtensionChanges::Form::Text, std::nullopt};
    return {ExtensionChanges::Form::Json, std::move(parsed)};
}

// RFC 6901 reference tokens of a pointer, unescaped ("~1" is '/', "~0" is '~').
QStringList tokensOf(const QString &pointer)
{
    QStringList tokens = pointer.split(u'/');
    tokens.removeFirst(); // the part before the leading '/', empty
    for (QString &token : tokens)
        token.replace(QStringLiteral("~1"), QStringLiteral("/")).replace(QStringLiteral("~0"), QStringLiteral("~"));
    return tokens;
}

QString escapedToken(const QString &token)
{
    QString escaped = token;
    return escaped.replace(u'~', QStringLiteral("~0")).replace(u'/', QStringLiteral("~1"));
}

// The JsonPath text of a pointer, telling keys from positions by the document holding it.
QString readablePath(const OrderedJson &document, const QStringList &tokens)
{
    JsonPath path;
    const OrderedJson *node = &document;
    for (const QString &token : tokens) {
        if (node && node->is_array()) {
            const int index = token.toInt();
            path.append(JsonPathStep(index));
            node = size_t(index) < node->size() ? &(*node)[size_t(index)] : nullptr;
            continue;
        }
        path.append(JsonPathStep(token));
        const std::string key = Json::toStdString(token);
        node = node && node->is_object() && node->contains(key) ? &node->at(key) : nullptr;
    }
    return path.toString();
}

const OrderedJson &at(const OrderedJson &document, const QString &pointer)
{
    return document.at(OrderedJson::json_pointer(Json::toStdString(pointer)));
}

ExtensionChange wholeValueChange(const QString &before, const Side &beforeSide, const QString &after,
                                 const Side &afterSide)
{
    ExtensionChange change;
    change.readablePath = JsonPath().toString();
    const bool hadValue = beforeSide.form != ExtensionChanges::Form::Empty;
    const bool hasValue = afterSide.form != ExtensionChanges::Form::Empty;
    change.kind = !hadValue ? Kind::Added : !hasValue ? Kind::Removed : Kind::Changed;
    if (hadValue) {
        change.oldValue = beforeSide.json ? Json::toText(*beforeSide.json) : before;
        change.oldType = beforeSide.json ? ExtensionChanges::typeName(*beforeSide.json) : ExtensionChanges::TextType;
    }
    if (hasValue) {
        change.newValue = afterSide.json ? Json::toText(*afterSide.json) : after;
        change.newType = afterSide.json ? ExtensionChanges::typeName(*afterSide.json) : ExtensionChanges::TextType;
    }
    return change;
}

// One row per operation of nlohmann's RFC 6902 patch from `before` to `after`.
QList<ExtensionChange> changesFromPatch(const OrderedJson &before, const OrderedJson &after)
{
    QList<ExtensionChange> changes;
    QHash<QString, int> appendedTo; // array pointer → elements appended so far ("/-" paths)
    for (const OrderedJson &operation : OrderedJson::diff(before, after)) {
        const std::string op = operation.at("op").get<std::string>();
        QString pointer = Json::toQString(operation.at("path").get<std::string>());
        ExtensionChange change;
        if (op == "remove") {
            change.kind = Kind::Removed;
        } else if (op == "add") {
            change.kind = Kind::Added;
            if (pointer.endsWith(QStringLiteral("/-"))) { // appended: name the position it gets
                const QString array = pointer.chopped(2);
                const size_t index = at(before, array).size() + size_t(appendedTo[array]++);
                pointer = array + u'/' + QString::number(index);
            }
        } else {
            change.kind = Kind::Changed;
        }
        change.pointer = pointer;
        const QStringList tokens = pointer.isEmpty() ? QStringList() : tokensOf(pointer);
        change.readablePath = readablePath(change.kind == Kind::Added ? after : before, tokens);
        if (change.kind != Kind::Added) {
            const OrderedJson &old = at(before, pointer);
            change.oldValue = Json::toText(old);
            change.oldType = ExtensionChanges::typeName(old);
        }
        if (change.kind != Kind::Removed) {
            const OrderedJson &value = operation.at("value");
            change.newValue = Json::toText(value);
            change.newType = ExtensionChanges::typeName(value);
        }
        changes.append(change);
    }
    return changes;
}

// nlohmann's equality calls 1.0 and 1 equal and its diff skips equal parts, but a reader of the
// value may not: this walks the parts both sides hold and reports numbers that compare equal
// but changed kind, and whether any object's keys changed order. Not a diff: nothing that the
// patch covers is looked at twice.
void compareEqualParts(const OrderedJson &before, const OrderedJson &after, const QString &pointer,
                       QList<ExtensionChange> *changes, bool *orderChanged)
{
    if (before.is_object() && after.is_object()) {
        QStringList beforeKeys;
        for (auto it = before.begin(); it != before.end(); ++it) {
            if (after.contains(it.key()))
                beforeKeys.append(Json::toQString(it.key()));
        }
        QStringList afterKeys;
        for (auto it = after.begin(); it != after.end(); ++it) {
            if (before.contains(it.key()))
                afterKeys.append(Json::toQString(it.key()));
        }
        if (beforeKeys != afterKeys)
            *orderChanged = true;
        for (const QString &key : std::as_const(beforeKeys)) {
            const std::string name = Json::toStdString(key);
            compareEqualParts(before.at(name), after.at(name), pointer + u'/' + escapedToken(key), changes,
                              orderChanged);
        }
    } else if (before.is_array() && after.is_array()) {
        for (size_t i = 0; i < std::min(before.size(), after.size()); ++i)
            compareEqualParts(before[i], after[i], pointer + u'/' + QString::number(i), changes, orderChanged);
    } else if (before.is_number() && after.is_number() && before == after
               && ExtensionChanges::typeName(before) != ExtensionChanges::typeName(after)) {
        ExtensionChange change;
        change.kind = Kind::Changed;
        change.pointer = pointer;
        change.oldValue = Json::toText(before);
        change.newValue = Json::toText(after);
        change.oldType = ExtensionChanges::typeName(before);
        change.newType = ExtensionChanges::typeName(after);
        changes->append(change);
    }
}

bool looksLikeJson(const QString &text)
{
    const QString trimmed = text.trimmed();
    return trimmed.startsWith(u'{') || trimmed.startsWith(u'[');
}

} // namespace

QString ExtensionChanges::typeName(const OrderedJson &value)
{
    switch (value.type()) {
    case OrderedJson::value_t::null: return QStringLiteral("null");
    case OrderedJson::value_t::boolean: return QStringLiteral("boolean");
    case OrderedJson::value_t::number_integer:
    case OrderedJson::value_t::number_unsigned: return QStringLiteral("integer");
    case OrderedJson::value_t::number_float: return QStringLiteral("number");
    case OrderedJson::value_t::string: return QStringLiteral("string");
    case OrderedJson::value_t::array: return QStringLiteral("array");
    case OrderedJson::value_t::object: return QStringLiteral("object");
    case OrderedJson::value_t::binary:
    case OrderedJson::value_t::discarded: break;
    }
    return QStringLiteral("unknown");
}

ExtensionChanges ExtensionChanges::compute(const QString &before, const QString &after)
{
    ExtensionChanges result;
    const Side beforeSide = read(before);
    const Side afterSide = read(after);
    result.beforeForm = beforeSide.form;
    result.afterForm = afterSide.form;
    const bool beforeIsObject = beforeSide.json && beforeSide.json->is_object();
    result.breaksJson = beforeSide.json && afterSide.form == Form::Text && looksLikeJson(after);
    result.stopsBeingObject = beforeIsObject && afterSide.form != Form::Empty
                           && !(afterSide.json && afterSide.json->is_object());
    if (before == after)
        return result;

    if (beforeSide.json && afterSide.json) {
        result.changes = changesFromPatch(*beforeSide.json, *afterSide.json);
        bool orderChanged = false;
        compareEqualParts(*beforeSide.json, *afterSide.json, QString(), &result.changes, &orderChanged);
        for (ExtensionChange &change : result.changes) {
            if (change.readablePath.isEmpty())
                change.readablePath = readablePath(*beforeSide.json, tokensOf(change.pointer));
        }
        if (result.changes.isEmpty()) {
            result.orderOnly = orderChanged;
            result.formattingOnly = !orderChanged;
        }
    } else if (beforeSide.form == Form::Empty && afterSide.json && afterSide.json->is_object()) {
        // A new object: each key is an addition, as it would be into an empty object.
        result.changes = changesFromPatch(OrderedJson::object(), *afterSide.json);
    }
    if (beforeSide.form == Form::Empty && afterSide.form == Form::Empty)
        result.formattingOnly = true; // blank either way: only the white space differs
    else if (result.changes.isEmpty() && !result.formattingOnly && !result.orderOnly)
        result.changes.append(wholeValueChange(before, beforeSide, after, afterSide));
    return result;
}

qsizetype ExtensionChanges::count(ExtensionChange::Kind kind) const
{
    return std::count_if(changes.begin(), changes.end(),
                         [kind](const ExtensionChange &change) { return change.kind == kind; });
}

} // namespace convdesk
