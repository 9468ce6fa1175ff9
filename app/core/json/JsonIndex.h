#pragma once

#include "json/JsonDocument.h"

#include <QByteArray>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace convdesk {

// A parsed JSON text that keeps the text: one simdjson On-Demand pass over it builds a flat
// table of entries (type, where the value and its key are in the text, how many children,
// where its subtree ends), in document order. Numbers keep the server's exact text (beyond
// 64 bits too, where nlohmann and simdjson's DOM give a double or fail); strings are
// unescaped only when asked for. Immutable once built: share it with
// std::shared_ptr<const JsonIndex> across threads.
//
// Entry 0 is the root; a container's children follow it, each one's subtree before the next
// sibling (nextSibling() skips a subtree in one step).
class JsonIndex
{
public:
    using NodeId = quint32;
    static constexpr NodeId Root = 0;
    static constexpr NodeId NoNode = 0xFFFFFFFF;
    // Bytes the parser reads past the end of the text: a text whose buffer has this much room
    // after its last byte is parsed where it is; any other is copied once.
    static constexpr qsizetype Padding = 64;

    enum class Type : quint8 { Null, False, True, Integer, Number, String, Array, Object };

    // Parses UTF-8 JSON. On failure returns null and describes the problem in `error` (the
    // same sentences and positions as Json::parse). Nesting deeper than maxDepth is refused.
    static std::shared_ptr<const JsonIndex> parse(QByteArray text, JsonParseError *error = nullptr,
                                                  int maxDepth = Json::DefaultMaxDepth);
    // The index of a value held by nlohmann (through its compact text): for small values and tests.
    static std::shared_ptr<const JsonIndex> fromJson(const OrderedJson &value);

    NodeId size() const { return NodeId(m_entries.size()); }
    Type type(NodeId id) const { return Type(m_entries[id].type); }
    bool isContainer(NodeId id) const { return type(id) == Type::Array || type(id) == Type::Object; }
    bool isObject(NodeId id) const { return type(id) == Type::Object; }
    bool isArray(NodeId id) const { return type(id) == Type::Array; }
    bool isString(NodeId id) const { return type(id) == Type::String; }
    bool isNumber(NodeId id) const { return type(id) == Type::Integer || type(id) == Type::Number; }
    int childCount(NodeId id) const { return isContainer(id) ? int(m_entries[id].lengthOrCount) : 0; }
    NodeId firstChild(NodeId id) const { return childCount(id) > 0 ? id + 1 : NoNode; }
    NodeId nextSibling(NodeId id) const { return m_entries[id].end; } // of a child: may be past its parent
    NodeId subtreeEnd(NodeId id) const { return m_entries[id].end; }
    qint64 descendantCount(NodeId id) const { return qint64(m_entries[id].end) - qint64(id) - 1; }
    NodeId child(NodeId parent, int row) const; // walks the siblings before it
    // The first member of an object named `key` (unescaped); NoNode when there is none.
    NodeId member(NodeId object, std::string_view key) const;

    // A member's key as in the text, between its quotes (escapes as written), and whether it
    // has any escape.
    std::string_view rawKey(NodeId id) const;
    bool keyHasEscape(NodeId id) const { return m_entries[id].flags & KeyEscaped; }
    std::string key(NodeId id) const; // unescaped UTF-8
    // A scalar's token exactly as sent (a string with its quotes); empty for a container.
    std::string_view rawText(NodeId id) const;
    // About the size of the value's text: from its first character to the next value's (or
    // to the end of the text). Known without reading it, for a container too.
    qsizetype textSpan(NodeId id) const;
    bool stringHasEscape(NodeId id) const { return m_entries[id].flags & ValueEscaped; }
    // A string's text between its quotes, as in the text (escapes as written).
    std::string_view rawString(NodeId id) const;
    std::string string(NodeId id) const; // unescaped UTF-8

    // The value as nlohmann JSON (numbers as nlohmann reads their text; keys repeated in an
    // object keep the last value, in the first one's place, as nlohmann's parser does).
    OrderedJson toJson(NodeId id) const;
    // toJson(), made once and kept while the index lives (thread-safe).
    const OrderedJson &cachedJson(NodeId id) const;
    // JSON text: compact when indent < 0, laid out as nlohmann's dump() lays it out, numbers
    // as sent.
    QByteArray serialize(NodeId id, int indent = -1) const;

    const QByteArray &text() const { return m_text; }

private:
    friend class JsonIndexBuilder;
    enum Flag : quint8 { KeyEscaped = 1, ValueEscaped = 2 };
    // 20 bytes for each value (458,000 of them in an 8 MB answer): what can be found again in
    // the text (where a key ends, where a container ends) is not stored.
    struct Entry
    {
        quint32 textBegin = 0;     // the value's first byte
        quint32 lengthOrCount = 0; // a scalar's token length, a container's child count
        quint32 keyBegin = 0;      // first byte after the key's opening quote; 0: no key
        quint32 end = 0;           // one past the last entry of the subtree
        quint8 type = 0;
        quint8 flags = 0;
    };
    static_assert(sizeof(Entry) <= 20, "one entry per JSON value: keep it small");

    void serializeTo(std::string &out, NodeId id, int indent, int depth, size_t limit) const;

    QByteArray m_text; // padded for simdjson beyond its size
    std::vector<Entry> m_entries;
    mutable std::mutex m_cacheMutex;
    mutable std::unordered_map<NodeId, std::unique_ptr<const OrderedJson>> m_cache;
};

} // namespace convdesk
