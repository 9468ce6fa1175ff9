#pragma once

#include "json/JsonDocument.h"

#include <memory>

namespace convdesk {

// One parsed JSON value, immutable and shared: copying a SharedJson copies a pointer, never
// the document. An 8 MB answer is parsed once and the same nodes reach ApiResult, the
// ConversationSession and the tree model (each deep copy cost 28 ms and 29 MB; see
// docs/benchmarks.md). A member of another document can be shared without copying it
// (fromMember), keeping the whole document alive.
//
// Reading needs no change from a plain OrderedJson: a SharedJson converts to
// `const OrderedJson &`, and `->` reaches the value's members. An empty SharedJson reads as
// JSON null.
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

    // `member` must lie inside `owner`'s document: the result shares the whole of it.
    static SharedJson fromMember(const SharedJson &owner, const OrderedJson &member)
    {
        return SharedJson(std::shared_ptr<const OrderedJson>(owner.m_value, &member));
    }

    bool isNull() const { return !m_value; }
    const OrderedJson &get() const { return m_value ? *m_value : nullValue(); }
    operator const OrderedJson &() const { return get(); } // NOLINT(google-explicit-constructor)
    const OrderedJson &operator*() const { return get(); }
    const OrderedJson *operator->() const { return &get(); }
    const std::shared_ptr<const OrderedJson> &shared() const { return m_value; }

private:
    static const OrderedJson &nullValue();

    std::shared_ptr<const OrderedJson> m_value;
};

} // namespace convdesk
