#include "json/FieldDecoder.h"

#include "json/JsonInteger.h"
#include "platform/LocalTime.h"

#include <QDateTime>

#include <limits>
#include <optional>

namespace convdesk {

namespace {

enum class EnumField { None, ConversationType, MessageType, MessageState, RevokeType, ClientType };

// Values above this are not plausible milliseconds (year 9999); they are shown raw.
constexpr qint64 LatestTimestamp = 253402300799999;
constexpr qsizetype LargestJsonStringToInspect = 1024 * 1024;

bool isTimestampKey(const QString &key)
{
    return key == u"create_time" || key == u"update_time" || key == u"last_read_time";
}

EnumField enumFieldFor(const JsonPath &path)
{
    const QString key = path.lastKey();
    if (key == u"type") {
        // Only the conversation's own `type`: at the root, or in a list response's
        // `items[i]` / `success_list[i]`. A `type` inside an attachment means something else.
        const bool conversationLevel = path.size() == 1 || (path.size() == 3 && path.at(1).isIndex());
        return conversationLevel ? EnumField::ConversationType : EnumField::None;
    }
    if (key == u"conversation_type")
        return EnumField::ConversationType;
    if (key == u"message_type")
        return EnumField::MessageType;
    if (key == u"message_state")
        return EnumField::MessageState;
    if (key == u"revoke_type")
        return EnumField::RevokeType;
    if (key == u"sender_client_type")
        return EnumField::ClientType;
    return EnumField::None;
}

QString rawText(const OrderedJson &value)
{
    if (value.is_string())
        return Json::toQString(value.get_ref<const std::string &>());
    return Json::toText(value);
}

// A string that is a JSON object or array, parsed; nullopt for anything else.
std::optional<OrderedJson> parseEmbeddedJson(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.size() < 2 || trimmed.size() > LargestJsonStringToInspect)
        return std::nullopt;
    const QChar first = trimmed.front();
    const QChar last = trimmed.back();
    if (!((first == u'{' && last == u'}') || (first == u'[' && last == u']')))
        return std::nullopt;
    return Json::parse(trimmed.toUtf8());
}

bool isAsciiSpace(char c)
{
    // What QString::trimmed() removes below U+0080.
    return c == ' ' || (c >= '\t' && c <= '\r');
}

} // namespace

bool FieldDecoder::mayHoldEmbeddedJson(std::string_view utf8)
{
    size_t first = 0;
    size_t last = utf8.size();
    while (first < last && isAsciiSpace(utf8[first]))
        ++first;
    while (last > first && isAsciiSpace(utf8[last - 1]))
        --last;
    if (last - first < 2)
        return false;
    const auto front = static_cast<unsigned char>(utf8[first]);
    const auto back = static_cast<unsigned char>(utf8[last - 1]);
    // A non-ASCII end may be white space that trimmed() removes: let the full check decide.
    if (front >= 0x80 || back >= 0x80)
        return true;
    return (front == '{' && back == '}') || (front == '[' && back == ']');
}

std::optional<OrderedJson> FieldDecoder::embeddedJson(const std::string &utf8)
{
    if (!mayHoldEmbeddedJson(utf8))
        return std::nullopt;
    return parseEmbeddedJson(Json::toQString(utf8));
}

std::shared_ptr<const JsonIndex> FieldDecoder::embeddedIndex(const std::string &utf8)
{
    if (!mayHoldEmbeddedJson(utf8))
        return nullptr;
    // As parseEmbeddedJson() decides, so that the tree and the filter agree with decode().
    const QString trimmed = Json::toQString(utf8).trimmed();
    if (trimmed.size() < 2 || trimmed.size() > LargestJsonStringToInspect)
        return nullptr;
    const QChar first = trimmed.front();
    const QChar last = trimmed.back();
    if (!((first == u'{' && last == u'}') || (first == u'[' && last == u']')))
        return nullptr;
    return JsonIndex::parse(trimmed.toUtf8());
}

QString FieldDecoder::jsonTypeName(JsonIndex::Type type)
{
    switch (type) {
    case JsonIndex::Type::Object: return tr("object");
    case JsonIndex::Type::Array: return tr("array");
    case JsonIndex::Type::String: return tr("string");
    case JsonIndex::Type::Integer: return tr("integer");
    case JsonIndex::Type::Number: return tr("number");
    case JsonIndex::Type::True:
    case JsonIndex::Type::False: return tr("boolean");
    case JsonIndex::Type::Null: return tr("null");
    }
    return tr("invalid");
}

QString FieldDecoder::jsonTypeName(const OrderedJson &value)
{
    switch (value.type()) {
    case OrderedJson::value_t::object: return tr("object");
    case OrderedJson::value_t::array: return tr("array");
    case OrderedJson::value_t::string: return tr("string");
    case OrderedJson::value_t::number_integer:
    case OrderedJson::value_t::number_unsigned: return tr("integer");
    case OrderedJson::value_t::number_float: return tr("number");
    case OrderedJson::value_t::boolean: return tr("boolean");
    case OrderedJson::value_t::null: return tr("null");
    case OrderedJson::value_t::binary: return tr("binary");
    case OrderedJson::value_t::discarded: break;
    }
    return tr("invalid");
}

QString FieldDecoder::containerSummary(const OrderedJson &value)
{
    if (!value.is_structured())
        return {};
    return containerSummary(value.is_object(), qsizetype(value.size()));
}

QString FieldDecoder::containerSummary(bool object, qsizetype count)
{
    if (object)
        return count == 1 ? tr("{1 key}") : tr("{%1 keys}").arg(count);
    return count == 1 ? tr("[1 item]") : tr("[%1 items]").arg(count);
}

QString FieldDecoder::enumMeaning(const JsonPath &path, qint64 value)
{
    switch (enumFieldFor(path)) {
    case EnumField::None:
        return {};
    case EnumField::ConversationType:
        switch (value) {
        case 1: return tr("one-to-one");
        case 2: return tr("advanced team");
        case 3: return tr("super team");
        default: return {};
        }
    case EnumField::MessageType:
        switch (value) {
        case 0: return tr("text");
        case 1: return tr("image");
        case 2: return tr("audio");
        case 3: return tr("video");
        case 4: return tr("location");
        case 5: return tr("notification");
        case 6: return tr("file");
        case 10: return tr("tip");
        case 11: return tr("robot");
        case 100: return tr("custom");
        default: return {};
        }
    case EnumField::MessageState:
        switch (value) {
        case 0: return tr("normal");
        case 1: return tr("last message recalled");
        default: return {};
        }
    case EnumField::RevokeType:
        switch (value) {
        case 0: return tr("undefined");
        case 1: return tr("one-to-one two-way");
        case 2: return tr("team two-way");
        case 3: return tr("one-to-one one-way");
        case 4: return tr("team one-way");
        default: return {};
        }
    case EnumField::ClientType:
        // V2NIMLoginClientType of the client SDKs.
        switch (value) {
        case 1: return tr("Android");
        case 2: return tr("iOS");
        case 4: return tr("PC");
        case 8: return tr("Windows Phone");
        case 16: return tr("Web");
        case 32: return tr("REST API");
        case 64: return tr("macOS");
        case 65: return tr("HarmonyOS");
        default: return {};
        }
    }
    return {};
}

QString FieldDecoder::limitedToolTip(const QString &text)
{
    if (text.size() <= ToolTipLimit)
        return text;
    qsizetype cut = ToolTipLimit;
    if (text.at(cut - 1).isHighSurrogate())
        --cut;
    return text.left(cut) + u'\n'
        + tr("… and %1 more characters (copy the value to see all of it)").arg(text.size() - cut);
}

QString FieldDecoder::oneLine(const QString &text)
{
    QString line = text;
    line.replace(QLatin1String("\r\n"), QStringLiteral(" \u21b5 "));
    line.replace(u'\n', QStringLiteral(" \u21b5 "));
    line.replace(u'\r', QStringLiteral(" \u21b5 "));
    line.replace(u'\t', u' ');
    return line;
}

QString FieldDecoder::elide(const QString &text, bool *elided)
{
    // White space stays: "true " is not "true". Only the two ends are turned into one line,
    // so a megabyte string costs what is shown.
    if (text.size() <= ElideLength) {
        const QString shown = oneLine(text);
        if (elided)
            *elided = shown != text;
        return shown;
    }
    qsizetype headLength = ElideLength / 2;
    if (text.at(headLength - 1).isHighSurrogate())
        --headLength;
    qsizetype tailStart = text.size() - (ElideLength - ElideLength / 2);
    if (text.at(tailStart).isLowSurrogate())
        ++tailStart;
    if (elided)
        *elided = true;
    return oneLine(text.first(headLength)) + u'\u2026' + oneLine(text.sliced(tailStart));
}

DecodedField FieldDecoder::decode(const JsonPath &path, const OrderedJson &value, Origin origin)
{
    if (value.is_structured()) {
        DecodedField field;
        field.typeName = jsonTypeName(value);
        field.kind = DecodedField::Kind::Container;
        field.display = containerSummary(value);
        return field;
    }
    return decodeScalar(path, value, rawText(value), jsonTypeName(value), origin);
}

DecodedField FieldDecoder::decode(const JsonPath &path, const JsonIndex &index, JsonIndex::NodeId node,
                                  Origin origin)
{
    const JsonIndex::Type type = index.type(node);
    if (index.isContainer(node)) {
        DecodedField field;
        field.typeName = jsonTypeName(type);
        field.kind = DecodedField::Kind::Container;
        field.display = containerSummary(index.isObject(node), index.childCount(node));
        return field;
    }
    const OrderedJson value = index.toJson(node);
    QString raw;
    if (index.isString(node))
        raw = Json::toQString(value.get_ref<const std::string &>());
    else
        {
        const std::string_view text = index.rawText(node); // numbers exactly as sent
        raw = QString::fromUtf8(text.data(), qsizetype(text.size()));
    }
    return decodeScalar(path, value, raw, jsonTypeName(type), origin);
}

DecodedField FieldDecoder::decodeScalar(const JsonPath &path, const OrderedJson &value, const QString &raw,
                                        const QString &typeName, Origin origin)
{
    DecodedField field;
    field.typeName = typeName;
    const QString key = path.lastKey();

    const bool vendorField = origin == Origin::Conversation;
    if (vendorField && isTimestampKey(key)) {
        if (const auto ms = Json::integerIn(value); ms && *ms > 0 && *ms <= LatestTimestamp) {
            const QDateTime when = QDateTime::fromMSecsSinceEpoch(*ms);
            const QString format = QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz");
            field.kind = DecodedField::Kind::Timestamp;
            field.display = LocalTime::withOffset(when, format);
            // The shown text first: the column may be too narrow for all of it.
            field.toolTip = field.display + u'\n'
                + tr("%1 ms since 1970-01-01 UTC\n%2 UTC").arg(raw, when.toUTC().toString(format));
            field.typeName = tr("%1 (ms timestamp)").arg(field.typeName);
            return field;
        }
    }

    if (vendorField && enumFieldFor(path) != EnumField::None) {
        if (const auto number = Json::integerIn(value)) {
            const QString meaning = enumMeaning(path, *number);
            field.typeName = tr("%1 (enum)").arg(field.typeName);
            if (meaning.isEmpty()) {
                field.display = raw;
                field.toolTip = tr("%1 is not a value the API documents for %2").arg(raw, key);
            } else {
                field.kind = DecodedField::Kind::Enum;
                field.display = tr("%1 · %2", "enum value and its meaning").arg(raw, meaning);
                field.toolTip = field.display + u'\n' + tr("%1 = %2").arg(key, raw);
            }
            return field;
        }
    }

    if (!value.is_string()) {
        field.display = raw;
        field.toolTip = raw;
        return field;
    }

    if (raw == u"true" || raw == u"false") {
        field.kind = DecodedField::Kind::StringBoolean;
        field.display = raw;
        field.toolTip = tr("the string \"%1\", read as a boolean").arg(raw);
        field.typeName = tr("boolean (string)");
        return field;
    }

    if (const auto embedded = parseEmbeddedJson(raw)) {
        field.kind = DecodedField::Kind::JsonString;
        field.embeddedSize = qsizetype(embedded->size());
        field.typeName = tr("string (JSON)");
        // Multi-line JSON on one line is mostly indentation; its compact form shows the content.
        const QString shown = raw.contains(u'\n') ? Json::toText(*embedded) : raw;
        field.display = elide(shown, &field.elided);
        field.toolTip = limitedToolTip(Json::toText(*embedded, 2));
        return field;
    }

    field.display = elide(raw, &field.elided);
    field.toolTip = raw.isEmpty() ? tr("empty string") : limitedToolTip(raw);
    return field;
}

} // namespace convdesk
