#include "models/ConversationListModel.h"

#include "api/ConversationAnswer.h"
#include "json/FieldDecoder.h"
#include "json/JsonInteger.h"
#include "json/JsonPath.h"
#include "session/GuardedSave.h"

#include <QDateTime>

#include <limits>

namespace convdesk {

namespace {

const OrderedJson &member(const OrderedJson &object, const char *key)
{
    static const OrderedJson missing;
    if (!object.is_object())
        return missing;
    const auto it = object.find(key);
    return it == object.end() ? missing : *it;
}

// Strings as they are, numbers exactly (team ids exceed 2^53), nothing for null.
QString textOf(const OrderedJson &value)
{
    if (value.is_null())
        return {};
    if (value.is_string())
        return Json::toQString(value.get_ref<const std::string &>());
    return Json::toText(value);
}

QString typeText(const OrderedJson &conversation)
{
    const OrderedJson &type = member(conversation, "type");
    if (const auto number = Json::integerIn(type)) {
        const QString meaning = FieldDecoder::enumMeaning(JsonPath{u"type"}, *number);
        return meaning.isEmpty() ? QString::number(*number) : meaning;
    }
    return textOf(type);
}

} // namespace

ConversationListModel::ConversationListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

ConversationListModel::~ConversationListModel() = default;

void ConversationListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_rowById.clear();
    m_hasMore = false;
    m_nextToken.clear();
    m_pages = 0;
    endResetModel();
}

bool ConversationListModel::appendPage(const OrderedJson &data, QString *problem)
{
    const OrderedJson &items = member(data, "items");
    if (!data.is_object() || !(items.is_array() || items.is_null())) {
        if (problem)
            *problem = tr("The server's answer is not a page of conversations (no \"items\" list).");
        return false;
    }

    QList<Row> added;
    int skipped = 0;
    if (items.is_array()) {
        for (const OrderedJson &item : items) {
            const OrderedJson &id = member(item, "conversation_id");
            if (!id.is_string() || id.get_ref<const std::string &>().empty()) {
                ++skipped;
                continue;
            }
            Row row{Json::toQString(id.get_ref<const std::string &>()), item};
            if (const int existing = rowOf(row.id); existing >= 0) {
                m_rows[existing] = std::move(row);
                Q_EMIT dataChanged(index(existing, 0), index(existing, ColumnCount - 1));
                continue;
            }
            bool repeatedInPage = false;
            for (Row &earlier : added) {
                if (earlier.id == row.id) {
                    earlier = row;
                    repeatedInPage = true;
                }
            }
            if (!repeatedInPage)
                added.append(std::move(row));
        }
    }
    if (!added.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size() - 1));
        for (qsizetype i = 0; i < added.size(); ++i)
            m_rowById.insert(added.at(i).id, int(m_rows.size() + i));
        m_rows.append(added);
        endInsertRows();
    }

    // Without a token there is no way to ask for the rest, whatever has_more says.
    m_nextToken = ConversationAnswer::nextPageToken(data);
    m_hasMore = !m_nextToken.isEmpty();
    ++m_pages;
    if (problem) {
        *problem = skipped == 0 ? QString()
                                : tr("%n item(s) of the page had no conversation_id and are not listed.", nullptr, skipped);
    }
    return true;
}

QString ConversationListModel::conversationId(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

OrderedJson ConversationListModel::conversation(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).conversation : OrderedJson();
}

int ConversationListModel::rowOf(const QString &conversationId) const
{
    return m_rowById.value(conversationId, -1);
}

QString ConversationListModel::lastMessagePreview(const OrderedJson &conversation)
{
    return FieldDecoder::elide(lastMessageText(conversation));
}

QString ConversationListModel::updatedText(qint64 ms, const QDate &today)
{
    // Compact, so the column fits beside the peer and the message in a narrow dock.
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(ms);
    return when.toString(when.date() == today ? QStringLiteral("HH:mm") : QStringLiteral("yyyy-MM-dd"));
}

QString ConversationListModel::lastMessageText(const OrderedJson &conversation)
{
    if (Json::integerIn(member(conversation, "message_state")) == 1)
        return tr("[recalled]");
    const OrderedJson &last = member(conversation, "last_message");
    // Nested (v2): the message sits in last_message.message; flat (v2.1): in last_message.
    const OrderedJson &nested = member(last, "message");
    const OrderedJson &message = nested.is_object() ? nested : last;
    if (!message.is_object() || message.empty())
        return {};

    const QString text = textOf(member(message, "text"));
    const std::optional<qint64> type = Json::integerIn(member(message, "message_type"));
    if (!type || *type == 0)
        return text;
    const QString meaning = FieldDecoder::enumMeaning(JsonPath{u"message_type"}, *type);
    const QString label = meaning.isEmpty() ? tr("[message type %1]").arg(*type) : tr("[%1]").arg(meaning);
    return text.isEmpty() ? label : label + u' ' + text;
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConversationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case Qt::ToolTipRole:
        return toolTipData(row, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == UnreadColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        return sortData(row, index.column());
    case ConversationIdRole:
        return row.id;
    default:
        return {};
    }
}

QVariant ConversationListModel::displayData(const Row &row, int column) const
{
    const OrderedJson &conversation = row.conversation;
    switch (column) {
    case IdColumn:
        return row.id;
    case TypeColumn:
        return typeText(conversation);
    case PeerColumn:
        return textOf(member(conversation, "receiver_id"));
    case UnreadColumn:
        return textOf(member(conversation, "unread_count"));
    case LastMessageColumn:
        return lastMessagePreview(conversation);
    case ExtensionColumn:
        return GuardedSave::serverExtensionOf(conversation).isEmpty() ? tr("no") : tr("yes");
    case UpdatedColumn:
        if (const auto ms = Json::integerIn(member(conversation, "update_time")); ms && *ms > 0)
            return updatedText(*ms, QDate::currentDate());
        return textOf(member(conversation, "update_time"));
    default:
        return {};
    }
}

QVariant ConversationListModel::sortData(const Row &row, int column) const
{
    switch (column) {
    case UnreadColumn:
        return Json::integerIn(member(row.conversation, "unread_count")).value_or(-1);
    case UpdatedColumn:
        // Missing times sort as the oldest.
        return Json::integerIn(member(row.conversation, "update_time")).value_or(std::numeric_limits<qint64>::min());
    case TypeColumn:
        return Json::integerIn(member(row.conversation, "type")).value_or(0);
    default:
        return displayData(row, column);
    }
}

QVariant ConversationListModel::toolTipData(const Row &row, int column) const
{
    switch (column) {
    case IdColumn:
    case PeerColumn:
        return row.id;
    case LastMessageColumn: {
        const QString text = lastMessageText(row.conversation);
        return text.isEmpty() ? QVariant() : QVariant(FieldDecoder::limitedToolTip(text));
    }
    case ExtensionColumn: {
        const QString extension = GuardedSave::serverExtensionOf(row.conversation);
        return extension.isEmpty() ? tr("server_extension is empty") : FieldDecoder::limitedToolTip(extension);
    }
    case UpdatedColumn: {
        // The column shows the time or the date only; the tooltip is the tree's, in full.
        const OrderedJson &updated = member(row.conversation, "update_time");
        if (updated.is_null())
            return {};
        return FieldDecoder::decode(JsonPath{u"update_time"}, updated).toolTip;
    }
    default:
        return {};
    }
}

QVariant ConversationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("Conversation");
    case TypeColumn: return tr("Type");
    case PeerColumn: return tr("Peer");
    case UnreadColumn: return tr("Unread");
    case LastMessageColumn: return tr("Last message");
    case ExtensionColumn: return tr("Extension");
    case UpdatedColumn: return tr("Updated");
    default: return {};
    }
}

} // namespace convdesk
