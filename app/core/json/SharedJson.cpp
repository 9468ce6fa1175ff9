#include "json/SharedJson.h"

namespace convdesk {

const OrderedJson &SharedJson::nullValue()
{
    static const OrderedJson null;
    return null;
}

const OrderedJson &SharedJson::get() const
{
    if (m_value)
        return *m_value;
    if (m_index)
        return m_index->cachedJson(m_node);
    return nullValue();
}

QByteArray SharedJson::serialize(int indent) const
{
    return m_index ? m_index->serialize(m_node, indent) : Json::serialize(get(), indent);
}

SharedJson SharedJson::member(std::string_view key) const
{
    if (m_index) {
        const JsonIndex::NodeId found = m_index->member(m_node, key);
        return found == JsonIndex::NoNode ? SharedJson() : SharedJson(m_index, found);
    }
    if (!m_value || !m_value->is_object())
        return {};
    const auto found = m_value->find(key);
    return found == m_value->end() ? SharedJson() : fromMember(*this, *found);
}

std::shared_ptr<const JsonIndex> SharedJson::toIndex(JsonIndex::NodeId *node) const
{
    *node = m_index ? m_node : JsonIndex::Root;
    if (m_index)
        return m_index;
    return JsonIndex::fromJson(get());
}

} // namespace convdesk
