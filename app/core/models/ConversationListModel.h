#pragma once

#include "json/JsonDocument.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace convdesk {

// An account's conversations as a table for the account browser, one list page after
// another (GET /im/v2.1/conversations: {has_more, next_token, items}). Widget-free; a view
// sorts through a proxy on SortRole, which holds raw numbers (update_time in ms, unread
// count) rather than the display text.
class ConversationListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationListModel)
public:
    enum Column {
        IdColumn,
        TypeColumn,
        PeerColumn,
        UnreadColumn,
        LastMessageColumn,
        ExtensionColumn,
        UpdatedColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // qint64 for numbers and times, QString for text
        ConversationIdRole,          // the row's conversation_id, in every column
    };

    explicit ConversationListModel(QObject *parent = nullptr);
    ~ConversationListModel() override;

    // Forgets every row and the paging state: the next page to ask for is the first.
    void clear();

    // Adds the items of one list response's `data`. A conversation already listed (it moved
    // between pages because it was updated meanwhile) is replaced in its row rather than
    // shown twice. Returns false, changing nothing, when `data` is not a list page; items
    // without a conversation_id are skipped, and `problem` says how many.
    bool appendPage(const OrderedJson &data, QString *problem = nullptr);

    // Another page can be asked for with nextToken() as page_token.
    bool hasMore() const { return m_hasMore; }
    QString nextToken() const { return m_nextToken; }
    int pagesLoaded() const { return m_pages; }

    QString conversationId(int row) const;
    OrderedJson conversation(int row) const;
    int rowOf(const QString &conversationId) const; // -1 when not listed

    // The last message in words: the text of a text message, "[image]" and the like for
    // others (with their text, if any), "[recalled]" when message_state says so. Both shapes
    // of last_message. Its tooltip.
    static QString lastMessageText(const OrderedJson &conversation);
    // What the Last message column shows: lastMessageText() on one line, shortened by
    // FieldDecoder::elide().
    static QString lastMessagePreview(const OrderedJson &conversation);

    // What the Updated column shows of a time (ms since the epoch), in local time: the time
    // of day when it is `today`, else the date; the tooltip has the rest.
    static QString updatedText(qint64 ms, const QDate &today);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString id;
        OrderedJson conversation;
    };

    QVariant displayData(const Row &row, int column) const;
    QVariant sortData(const Row &row, int column) const;
    QVariant toolTipData(const Row &row, int column) const;

    QList<Row> m_rows;
    // conversation_id -> row: appending a page costs the page, not every row listed so far
    // (a linear search made 10,000 conversations take a second longer; docs/benchmarks.md).
    QHash<QString, int> m_rowById;
    bool m_hasMore = false;
    QString m_nextToken;
    int m_pages = 0;
};

} // namespace convdesk
