#include "models/ConversationListModel.h"

#include "api/ConversationAnswer.h"
#include "json/FieldDecoder.h"
#include "json/JsonInteger.h"
#include "json/JsonPath.h"
#include "session/GuardedSave.h"

#include <QDateTime>

#include <algorithm>
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

// What a cell shows of a field that is usually a JSON integer: its number when it is one,
// else its text as sent.
struct NumberField
{
    std::optional<qint64> number; // Json::integerIn: quoted digits count
    QString text;                 // empty for a JSON integer or a missing field
    bool present = false;
    bool jsonInteger = false;
};

NumberField numberField(const OrderedJson &value)
{
    NumberField field;
    field.present = !value.is_null();
    field.number = Json::integerIn(value);
    field.jsonInteger = field.number && value.is_number_integer();
    if (field.present && !field.jsonInteger)
        field.text = textOf(value);
    return field;
}

ConversationListModel::Entry::Value valueKind(const NumberField &field)
{
    using Value = ConversationListModel::Entry::Value;
    return !field.present ? Value::Missing : field.jsonInteger ? Value::Integer : Value::Other;
}

QString twoDigits(int number)
{
    return QString::number(number).rightJustified(2, u'0');
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

    QList<Entry> added;
    int skipped = 0;
    if (items.is_array()) {
        for (const OrderedJson &item : items) {
            const OrderedJson &id = member(item, "conversation_id");
            if (!id.is_string() || id.get_ref<const std::string &>().empty()) {
                ++skipped;
                continue;
            }
            Entry row = entryOf(item, Json::toQString(id.get_ref<const std::string &>()));
            if (const int existing = rowOf(row.id); existing >= 0) {
                m_rows[existing] = std::move(row);
                Q_EMIT dataChanged(index(existing, 0), index(existing, ColumnCount - 1));
                continue;
            }
            // A page repeating an item keeps its last copy, in one row.
            const auto earlier = std::find_if(added.begin(), added.end(),
                                              [&row](const Entry &other) { return other.id == row.id; });
            if (earlier != added.end())
                *earlier = std::move(row);
            else
                added.append(std::move(row));
        }
    }
    // One insertion per page: a view and its sorting proxy take the page in one step.
    if (!added.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size() - 1));
        for (qsizetype i = 0; i < added.size(); ++i)
            m_rowById.insert(added.at(i).id, int(m_rows.size() + i));
        m_rows.append(std::move(added));
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

const ConversationListModel::Entry &ConversationListModel::entry(int row) const
{
    return m_rows.at(row);
}

ConversationListModel::Entry ConversationListModel::entryOf(const OrderedJson &item, QString id)
{
    Entry entry;
    entry.id = std::move(id);
    entry.peer = textOf(member(item, "receiver_id"));

    const QString message = lastMessageText(item);
    entry.lastMessage = FieldDecoder::elide(message);
    if (entry.lastMessage != message)
        entry.lastMessageToolTip = FieldDecoder::limitedToolTip(message);
    entry.extensionToolTip = FieldDecoder::limitedToolTip(GuardedSave::serverExtensionOf(item));

    const NumberField type = numberField(member(item, "type"));
    entry.hasType = type.number.has_value();
    entry.type = type.number.value_or(0);
    if (!entry.hasType)
        entry.typeText = type.text;

    const NumberField unread = numberField(member(item, "unread_count"));
    entry.unread = unread.number.value_or(-1);
    entry.unreadText = unread.text;
    entry.unreadKind = valueKind(unread);

    const NumberField updated = numberField(member(item, "update_time"));
    entry.updated = updated.number.value_or(std::numeric_limits<qint64>::min()); // missing: the oldest
    entry.updateTimeText = updated.text;
    entry.updateTimeKind = valueKind(updated);
    entry.hasUpdated = updated.number && *updated.number > 0;
    if (entry.hasUpdated) {
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(entry.updated);
        entry.updatedDay = qint32(when.date().toJulianDay());
        entry.updatedMinute = qint16(when.time().msecsSinceStartOfDay() / 60000);
    }
    return entry;
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

QString ConversationListModel::shownTime(const Entry &entry) const
{
    // updatedText() from the local day and minute worked out when the page arrived.
    if (m_todayEndsMs == 0 || QDateTime::currentMSecsSinceEpoch() >= m_todayEndsMs) {
        m_today = QDate::currentDate();
        m_todayEndsMs = m_today.addDays(1).startOfDay().toMSecsSinceEpoch();
    }
    if (entry.updatedDay == m_today.toJulianDay())
        return twoDigits(entry.updatedMinute / 60) + u':' + twoDigits(entry.updatedMinute % 60);
    const QDate day = QDate::fromJulianDay(entry.updatedDay);
    return QString::number(day.year()).rightJustified(4, u'0') + u'-' + twoDigits(day.month()) + u'-'
        + twoDigits(day.day());
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
    return cellData(m_rows.at(index.row()), index.column(), role);
}

void ConversationListModel::multiData(const QModelIndex &index, QModelRoleDataSpan roleDataSpan) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        for (QModelRoleData &roleData : roleDataSpan)
            roleData.clearData();
        return;
    }
    const Entry &entry = m_rows.at(index.row());
    for (QModelRoleData &roleData : roleDataSpan)
        roleData.setData(cellData(entry, index.column(), roleData.role()));
}

QVariant ConversationListModel::cellData(const Entry &entry, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return displayData(entry, column);
    case Qt::ToolTipRole:
        return toolTipData(entry, column);
    case Qt::TextAlignmentRole:
        if (column == UnreadColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        return sortData(entry, column);
    case ConversationIdRole:
        return entry.id;
    default:
        return {};
    }
}

QVariant ConversationListModel::displayData(const Entry &entry, int column) const
{
    switch (column) {
    case IdColumn:
        return entry.id;
    case TypeColumn:
        if (entry.hasType) {
            const QString meaning = FieldDecoder::enumMeaning(JsonPath{u"type"}, entry.type);
            return meaning.isEmpty() ? QString::number(entry.type) : meaning;
        }
        return entry.typeText;
    case PeerColumn:
        return entry.peer;
    case UnreadColumn:
        return entry.unreadKind == Entry::Value::Integer ? QString::number(entry.unread) : entry.unreadText;
    case LastMessageColumn:
        return entry.lastMessage;
    case ExtensionColumn:
        return entry.extensionToolTip.isEmpty() ? tr("no") : tr("yes");
    case UpdatedColumn:
        if (entry.hasUpdated)
            return shownTime(entry);
        return entry.updateTimeKind == Entry::Value::Integer ? QString::number(entry.updated) : entry.updateTimeText;
    default:
        return {};
    }
}

QVariant ConversationListModel::sortData(const Entry &entry, int column) const
{
    switch (column) {
    case UnreadColumn:
        return entry.unread;
    case UpdatedColumn:
        return entry.updated;
    case TypeColumn:
        return entry.type;
    default:
        return displayData(entry, column);
    }
}

QVariant ConversationListModel::toolTipData(const Entry &entry, int column) const
{
    switch (column) {
    case IdColumn:
    case PeerColumn:
        return entry.id;
    case LastMessageColumn:
        if (!entry.lastMessageToolTip.isEmpty())
            return entry.lastMessageToolTip;
        return entry.lastMessage.isEmpty() ? QVariant() : QVariant(entry.lastMessage);
    case ExtensionColumn:
        return entry.extensionToolTip.isEmpty() ? tr("server_extension is empty") : entry.extensionToolTip;
    case UpdatedColumn: {
        // The column shows the time or the date only; the tooltip is the tree's, in full, of
        // the value as it was sent.
        switch (entry.updateTimeKind) {
        case Entry::Value::Missing:
            return {};
        case Entry::Value::Integer:
            return FieldDecoder::decode(JsonPath{u"update_time"}, OrderedJson(entry.updated)).toolTip;
        case Entry::Value::Other:
            return FieldDecoder::decode(JsonPath{u"update_time"}, OrderedJson(Json::toStdString(entry.updateTimeText)))
                .toolTip;
        }
        return {};
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
