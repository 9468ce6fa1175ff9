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
//
// A row holds what the table shows (and its tooltips and sort keys), worked out once when
// its page arrives, plus the conversation_id: never the conversation itself, which the
// window loads by its ID when the row is opened. Painting a row reads no JSON.
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

    // What a row holds: its cells' text, their tooltips and sort keys, and nothing else of
    // the conversation. A field sent as a JSON integer keeps only its number; anything else
    // (a quoted number, a string) also its text, shown as sent.
    struct Entry
    {
        enum class Value : quint8 { Missing, Integer, Other }; // Missing: absent or null

        QString id;                 // conversation_id
        QString peer;               // receiver_id, exactly
        QString lastMessage;        // lastMessagePreview()
        QString lastMessageToolTip; // the whole text when the preview shortens it, else empty
        QString extensionToolTip;   // server_extension for its tooltip; empty when it is empty
        QString typeText;           // type as sent, when it holds no integer
        QString unreadText;         // unread_count as sent, when not a JSON integer
        QString updateTimeText;     // update_time as sent, when not a JSON integer
        qint64 type = 0;            // type's number (integerIn), 0 when none; its sort key
        qint64 unread = -1;         // unread_count's number, -1 when none; its sort key
        qint64 updated = 0;         // update_time in ms; its sort key, the oldest when none
        qint32 updatedDay = 0;      // update_time as a local Julian day and minute of that day,
        qint16 updatedMinute = 0;   // worked out once: painting needs no time zone lookup
        bool hasType = false;       // type holds an integer (quoted or not)
        bool hasUpdated = false;    // update_time holds a positive integer: shown as a time
        Value unreadKind = Value::Missing;
        Value updateTimeKind = Value::Missing;
    };

    QString conversationId(int row) const;
    const Entry &entry(int row) const; // row must be listed
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
    // Every role a delegate asks for in one call (a view asks for nine per cell).
    void multiData(const QModelIndex &index, QModelRoleDataSpan roleDataSpan) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    static Entry entryOf(const OrderedJson &item, QString id);
    QVariant cellData(const Entry &entry, int column, int role) const;
    QVariant displayData(const Entry &entry, int column) const;
    QVariant sortData(const Entry &entry, int column) const;
    QVariant toolTipData(const Entry &entry, int column) const;
    QString shownTime(const Entry &entry) const;

    QList<Entry> m_rows;
    // conversation_id -> row: appending a page costs the page, not every row listed so far
    // (a linear search made 10,000 conversations take a second longer; docs/benchmarks.md).
    QHash<QString, int> m_rowById;
    bool m_hasMore = false;
    QString m_nextToken;
    int m_pages = 0;
    // Today's local date, for the Updated column (time of day or date), asked of the clock
    // again only once the day is over: the local date costs a time zone lookup.
    mutable QDate m_today;
    mutable qint64 m_todayEndsMs = 0;
};

} // namespace convdesk
