#include "json/JsonIndex.h"

#include <charconv>
#include <cstring>

namespace convdesk {

namespace {

// A JSON string token (with its quotes) unescaped. Only strings with a backslash get here,
// when shown; nlohmann reads the token as the JSON it is.
std::string unescapeJsonStringToken(std::string_view token)
{
    return OrderedJson::parse(token.begin(), token.end()).get<std::string>();
}

void appendEscaped(std::string &out, std::string_view raw, bool hasEscape)
{
    if (!hasEscape) { // no quote, backslash or control character: the text is its JSON
        out += '"';
        out += raw;
        out += '"';
        return;
    }
    std::string token;
    token.reserve(raw.size() + 2);
    token += '"';
    token += raw;
    token += '"';
    // Written the way nlohmann writes it, as before: "\u00e9" becomes "é".
    out += OrderedJson(unescapeJsonStringToken(token)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace

std::shared_ptr<const JsonIndex> JsonIndex::fromJson(const OrderedJson &value)
{
    auto index = parse(Json::serialize(value));
    Q_ASSERT(index);
    return index;
}

JsonIndex::NodeId JsonIndex::child(NodeId parent, int row) const
{
    if (row < 0 || row >= childCount(parent))
        return NoNode;
    NodeId id = parent + 1;
    for (int i = 0; i < row; ++i)
        id = nextSibling(id);
    return id;
}

JsonIndex::NodeId JsonIndex::member(NodeId object, std::string_view key) const
{
    if (!isObject(object))
        return NoNode;
    NodeId id = object + 1;
    for (int i = 0, count = childCount(object); i < count; ++i, id = nextSibling(id)) {
        if (keyHasEscape(id) ? this->key(id) == key : rawKey(id) == key)
            return id;
    }
    return NoNode;
}

std::string_view JsonIndex::rawKey(NodeId id) const
{
    const Entry &entry = m_entries[id];
    if (entry.keyBegin == 0)
        return {};
    const char *begin = m_text.constData() + entry.keyBegin;
    const char *at = begin;
    if (entry.flags & KeyEscaped) {
        while (*at != '"')
            at += *at == '\\' ? 2 : 1;
    } else {
        at = static_cast<const char *>(std::memchr(begin, '"', size_t(m_text.size()) - entry.keyBegin));
    }
    return {begin, size_t(at - begin)};
}

std::string JsonIndex::key(NodeId id) const
{
    const std::string_view raw = rawKey(id);
    if (!keyHasEscape(id))
        return std::string(raw);
    std::string token;
    token.reserve(raw.size() + 2);
    token.append(1, '"').append(raw).append(1, '"');
    return unescapeJsonStringToken(token);
}

std::string_view JsonIndex::rawText(NodeId id) const
{
    const Entry &entry = m_entries[id];
    if (isContainer(id))
        return {};
    return {m_text.constData() + entry.textBegin, entry.lengthOrCount};
}

qsizetype JsonIndex::textSpan(NodeId id) const
{
    const NodeId next = m_entries[id].end;
    if (next >= size())
        return m_text.size() - qsizetype(m_entries[id].textBegin);
    const Entry &following = m_entries[next];
    const quint32 nextBegin = following.keyBegin != 0 ? following.keyBegin - 1 : following.textBegin;
    return qsizetype(nextBegin) - qsizetype(m_entries[id].textBegin);
}

std::string_view JsonIndex::rawString(NodeId id) const
{
    Q_ASSERT(isString(id));
    const std::string_view token = rawText(id);
    return token.substr(1, token.size() - 2);
}

std::string JsonIndex::string(NodeId id) const
{
    if (!isString(id))
        return {};
    return stringHasEscape(id) ? unescapeJsonStringToken(rawText(id)) : std::string(rawString(id));
}

OrderedJson JsonIndex::toJson(NodeId id) const
{
    switch (type(id)) {
    case Type::Null: return nullptr;
    case Type::False: return false;
    case Type::True: return true;
    case Type::Integer: {
        const std::string_view text = rawText(id);
        std::int64_t number = 0;
        const auto [end, problem] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (problem == std::errc() && end == text.data() + text.size())
            return number;
        return OrderedJson::parse(text.begin(), text.end()); // unsigned or beyond 64 bits, as nlohmann reads it
    }
    case Type::Number: {
        const std::string_view text = rawText(id);
        return OrderedJson::parse(text.begin(), text.end());
    }
    case Type::String: return string(id);
    case Type::Array: {
        OrderedJson array = OrderedJson::array();
        array.get_ref<OrderedJson::array_t &>().reserve(size_t(childCount(id)));
        for (NodeId child = firstChild(id); child < subtreeEnd(id); child = nextSibling(child))
            array.push_back(toJson(child));
        return array;
    }
    case Type::Object: {
        OrderedJson object = OrderedJson::object();
        for (NodeId child = firstChild(id); child < subtreeEnd(id); child = nextSibling(child))
            object[key(child)] = toJson(child);
        return object;
    }
    }
    return nullptr;
}

const OrderedJson &JsonIndex::cachedJson(NodeId id) const
{
    const std::lock_guard lock(m_cacheMutex);
    auto &cached = m_cache[id];
    if (!cached)
        cached = std::make_unique<const OrderedJson>(toJson(id));
    return *cached;
}

void JsonIndex::serializeTo(std::string &out, NodeId id, int indent, int depth, size_t limit) const
{
    if (out.size() > limit)
        return;
    const Type valueType = type(id);
    if (valueType == Type::String) {
        appendEscaped(out, rawString(id), stringHasEscape(id));
        return;
    }
    if (valueType != Type::Array && valueType != Type::Object) {
        out += rawText(id);
        return;
    }
    const bool object = valueType == Type::Object;
    out += object ? '{' : '[';
    if (childCount(id) > 0) {
        const bool pretty = indent >= 0;
        bool first = true;
        for (NodeId child = firstChild(id); child < subtreeEnd(id) && out.size() <= limit; child = nextSibling(child)) {
            if (!first)
                out += ',';
            first = false;
            if (pretty) {
                out += '\n';
                out.append(size_t(indent) * size_t(depth + 1), ' ');
            }
            if (object) {
                appendEscaped(out, rawKey(child), keyHasEscape(child));
                out += pretty ? ": " : ":";
            }
            serializeTo(out, child, indent, depth + 1, limit);
        }
        if (pretty) {
            out += '\n';
            out.append(size_t(indent) * size_t(depth), ' ');
        }
    }
    out += object ? '}' : ']';
}

QByteArray JsonIndex::serialize(NodeId id, int indent) const
{
    std::string out;
    out.reserve(size_t(textSpan(id)) + 16);
    serializeTo(out, id, indent, 0, std::numeric_limits<size_t>::max());
    return QByteArray(out.data(), qsizetype(out.size()));
}

} // namespace convdesk
