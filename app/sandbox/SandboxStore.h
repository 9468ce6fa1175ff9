#pragma once

#include "json/JsonDocument.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace convdesk {

// The sandbox's conversations, keyed by conversation_id (account part lower-cased, as the
// server does), in insertion order, with update_time-ordered paging per account.
class SandboxStore
{
public:
    struct Page
    {
        QList<OrderedJson> items;
        bool hasMore = false;
        QByteArray nextToken; // empty on the last page
    };

    void clear();
    void put(const OrderedJson &conversation); // keyed by its "conversation_id"
    QStringList ids() const;
    const OrderedJson *find(const QString &conversationId) const;
    OrderedJson *find(const QString &conversationId);

    // The account's conversations, update_time descending (ties by id), starting after
    // the position the page token names. nullopt when the token is not one of ours.
    std::optional<Page> page(const QString &accountId, const QByteArray &pageToken,
                             int limit) const;

    static QString normalizedId(const QString &conversationId);

private:
    QStringList m_order; // normalized ids in insertion order
    QHash<QString, OrderedJson> m_byId;
};

} // namespace convdesk
