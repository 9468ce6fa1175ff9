#include "SandboxStore.h"

#include <algorithm>

namespace convdesk {

namespace {
QString stringField(const OrderedJson &object, const char *name)
{
    const auto it = object.find(name);
    return it != object.end() && it->is_string() ? Json::toQString(it->get<std::string>())
                                                 : QString();
}

struct SortKey
{
    qint64 updateTime = 0;
    QString id;

    // update_time descending, then id ascending: the order the list endpoint pages in.
    bool comesBefore(const SortKey &other) const
    {
        if (updateTime != other.updateTime)
            return updateTime > other.updateTime;
        return id < other.id;
    }
};

SortKey sortKeyOf(const OrderedJson &conversation)
{
    SortKey key;
    const auto time = conversation.find("update_time");
    if (time != conversation.end() && time->is_number_integer())
        key.updateTime = time->get<qint64>();
    key.id = stringField(conversation, "conversation_id");
    return key;
}

QByteArray encodeToken(const SortKey &key)
{
    const QByteArray plain = "v1|" + QByteArray::number(key.updateTime) + '|' + key.id.toUtf8();
    return plain.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<SortKey> decodeToken(const QByteArray &token)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        token, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QByteArray &plain = *decoded;
    if (!plain.startsWith("v1|"))
        return std::nullopt;
    const qsizetype separator = plain.indexOf('|', 3);
    if (separator < 0)
        return std::nullopt;
    bool numeric = false;
    SortKey key;
    key.updateTime = plain.mid(3, separator - 3).toLongLong(&numeric);
    if (!numeric)
        return std::nullopt;
    key.id = QString::fromUtf8(plain.mid(separator + 1));
    return key;
}
} // namespace

QString SandboxStore::normalizedId(const QString &conversationId)
{
    const qsizetype bar = conversationId.indexOf(u'|');
    if (bar < 0)
        return conversationId;
    return conversationId.left(bar).toLower() + conversationId.mid(bar);
}

void SandboxStore::clear()
{
    m_order.clear();
    m_byId.clear();
}

void SandboxStore::put(const OrderedJson &conversation)
{
    const QString id = stringField(conversation, "conversation_id");
    if (!conversation.is_object() || id.isEmpty())
        return;
    const QString key = normalizedId(id);
    if (!m_byId.contains(key))
        m_order.append(key);
    m_byId.insert(key, conversation);
}

QStringList SandboxStore::ids() const
{
    QStringList result;
    result.reserve(m_order.size());
    for (const QString &key : m_order)
        result.append(stringField(*m_byId.constFind(key), "conversation_id"));
    return result;
}

const OrderedJson *SandboxStore::find(const QString &conversationId) const
{
    const auto it = m_byId.constFind(normalizedId(conversationId));
    return it == m_byId.constEnd() ? nullptr : &*it;
}

OrderedJson *SandboxStore::find(const QString &conversationId)
{
    const auto it = m_byId.find(normalizedId(conversationId));
    return it == m_byId.end() ? nullptr : &*it;
}

std::optional<SandboxStore::Page> SandboxStore::page(const QString &accountId,
                                                     const QByteArray &pageToken, int limit) const
{
    std::optional<SortKey> after;
    if (!pageToken.isEmpty()) {
        after = decodeToken(pageToken);
        if (!after)
            return std::nullopt;
    }

    // Each sort key is computed once: computing them inside the comparison made a page of an
    // account with 10,000 conversations take about 80 ms (docs/benchmarks.md).
    const QString account = accountId.toLower();
    QList<std::pair<SortKey, const OrderedJson *>> matching;
    for (const QString &key : m_order) {
        const OrderedJson &conversation = *m_byId.constFind(key);
        if (stringField(conversation, "sender_id").toLower() == account)
            matching.append({sortKeyOf(conversation), &conversation});
    }
    std::stable_sort(matching.begin(), matching.end(),
                     [](const auto &a, const auto &b) { return a.first.comesBefore(b.first); });

    Page page;
    qsizetype index = 0;
    if (after) {
        while (index < matching.size() && !after->comesBefore(matching[index].first))
            ++index;
    }
    for (; index < matching.size() && page.items.size() < limit; ++index)
        page.items.append(*matching[index].second);
    page.hasMore = index < matching.size();
    if (page.hasMore)
        page.nextToken = encodeToken(sortKeyOf(page.items.constLast()));
    return page;
}

} // namespace convdesk
