#pragma once

#include "json/JsonDocument.h"
#include "json/JsonIndex.h"

#include <memory>
#include <string_view>

namespace convdesk {

// One parsed JSON value, immutable and shared: copying a SharedJson copies a pointer, never
// the document. An answer is parsed once (JsonIndex::parse, simdjson) and the same parse
// reaches ApiResult, the ConversationSession and the tree model (each deep copy of an 8 MB
// answer cost 28 ms and 29 MB; see docs/benchmarks.md). A member of a document is shared
// without copying it (member(), fromMember()), keeping the whole document alive.
//
// Two forms: a value in a JsonIndex (what the API client gives: the tree reads it as it is),
// or a value held by nlohmann (made by the program: a merged save answer, tests). Reading
// needs no change from a plain OrderedJson: a SharedJson converts to `const OrderedJson &`,
// and `->` reaches the value's members; an indexed value is turned into nlohmann's form the
// first time it is read that way, and kept (do that for small values only: member() first).
// An empty SharedJson reads as JSON null.
class SharedJson
{
public:
    SharedJson() = default;
    SharedJson(OrderedJson value) // NOLINT(google-explicit-constructor): a value becomes shared
        : m_value(std::make_shared<const OrderedJson>(std::move(value)))
    {
    }
    SharedJson(std::shared_ptr<const OrderedJson> value) // NOLINT(google-explicit-constructor)
        : m_value(std::move(value))
    {
    }
    // The value `node` of `index` (null `index`: an empty SharedJson).
    explicit SharedJson(std::shared_ptr<const JsonIndex> index, JsonIndex::NodeId node = JsonIndex::Root)
        : m_index(std::move(index))
        , m_node(node)
    {
    }

    // `member` must lie inside `owner`'s nlohmann document: the result shares the whole of it.
    static SharedJson fromMember(const SharedJson &owner, const OrderedJson &member)
    {
        return SharedJson(std::shared_ptr<const OrderedJson>(owner.m_value, &member));
    }
    // The first member named `key` of an object, sharing this parse; empty when there is none.
    SharedJson member(std::string_view key) const;

    bool isNull() const { return !m_value && !m_index; }
    const OrderedJson &get() const;
    operator const OrderedJson &() const { return get(); } // NOLINT(google-explicit-constructor)
    const OrderedJson &operator*() const { return get(); }
    const OrderedJson *operator->() const { return &get(); }

    // The parse an indexed value lives in (null for a value held by nlohmann), and its node.
    const std::shared_ptr<const JsonIndex> &index() const { return m_index; }
    JsonIndex::NodeId node() const { return m_node; }
    // The nlohmann document of a value held that way (null for an indexed one).
    const std::shared_ptr<const OrderedJson> &json() const { return m_value; }
    // The value as JSON text (compact when `indent` is negative). An indexed value keeps the
    // server's text of its numbers (integers beyond 64 bits, `1.0`); nlohmann's would not.
    QByteArray serialize(int indent = -1) const;

    // The value as an index: its own parse, or for a value held by nlohmann one made from its
    // text (a copy; meant for small values). `node` receives the value's node in it.
    std::shared_ptr<const JsonIndex> toIndex(JsonIndex::NodeId *node) const;

private:
    static const OrderedJson &nullValue();

    std::shared_ptr<const OrderedJson> m_value;
    std::shared_ptr<const JsonIndex> m_index;
    JsonIndex::NodeId m_node = JsonIndex::Root;
};

} // namespace convdesk
