#include "models/ConversationTreeModel.h"

#include "json/InlineValueEdit.h"

#include <QFont>
#include <QVarLengthArray>

#include <algorithm>
#include <limits>

namespace convdesk {

const OrderedJson &ConversationTreeModel::emptyDocument()
{
    static const OrderedJson empty;
    return empty;
}

int ConversationTreeModel::childCount(const OrderedJson &value)
{
    if (!value.is_structured())
        return 0;
    return int(qMin(value.size(), size_t(std::numeric_limits<int>::max())));
}

ConversationTreeModel::ConversationTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    resetNodes(nullptr);
}

ConversationTreeModel::~ConversationTreeModel() = default;

void ConversationTreeModel::setDocument(const OrderedJson &document)
{
    setDocument(std::make_shared<const OrderedJson>(document));
}

void ConversationTreeModel::setDocument(OrderedJson &&document)
{
    setDocument(std::make_shared<const OrderedJson>(std::move(document)));
}

void ConversationTreeModel::setDocument(std::shared_ptr<const OrderedJson> document)
{
    beginResetModel();
    resetNodes(std::move(document));
    endResetModel();
}

void ConversationTreeModel::clear()
{
    setDocument(std::shared_ptr<const OrderedJson>());
}

void ConversationTreeModel::resetNodes(std::shared_ptr<const OrderedJson> document)
{
    m_document = std::move(document);
    std::vector<Node>().swap(m_nodes); // give a large previous tree's memory back
    m_nodes.push_back(Node{m_document ? m_document.get() : &emptyDocument(), RootId, 0});
    m_decoded.clear();
    m_serverExtension.reset();
    m_loadedServerExtension = nullptr;
    m_pendingServerExtension.reset();
    m_loadedServerExtensionJson.reset();
}

const OrderedJson &ConversationTreeModel::document() const
{
    return *m_nodes[RootId].value;
}

std::shared_ptr<const OrderedJson> ConversationTreeModel::sharedDocument() const
{
    return m_document;
}

ConversationTreeModel::NodeId ConversationTreeModel::nodeId(const QModelIndex &index) const
{
    if (!index.isValid())
        return RootId;
    Q_ASSERT(index.model() == this);
    return NodeId(index.internalId());
}

QModelIndex ConversationTreeModel::indexOf(NodeId id, int column) const
{
    return id == RootId ? QModelIndex() : createIndex(int(m_nodes[id].row), column, quintptr(id));
}

const OrderedJson &ConversationTreeModel::containerOf(NodeId id) const
{
    const OrderedJson &value = *m_nodes[id].value;
    return value.is_string() ? decodedJson(id) : value;
}

const OrderedJson &ConversationTreeModel::decodedJson(NodeId stringId) const
{
    auto found = m_decoded.find(stringId);
    if (found == m_decoded.end()) {
        const std::string &text = m_nodes[stringId].value->get_ref<const std::string &>();
        // Only strings that may hold JSON are remembered: the filter asks every string.
        if (!FieldDecoder::mayHoldEmbeddedJson(text))
            return emptyDocument();
        ++m_embeddedParses;
        std::unique_ptr<const OrderedJson> parsed;
        if (auto json = FieldDecoder::embeddedJson(text))
            parsed = std::make_unique<const OrderedJson>(std::move(*json));
        found = m_decoded.emplace(stringId, std::move(parsed)).first;
    }
    return found->second ? *found->second : emptyDocument();
}

ConversationTreeModel::NodeId ConversationTreeModel::childId(NodeId parent, int row) const
{
    if (m_nodes[parent].firstChild == ChildrenNotCreated) {
        const OrderedJson &value = containerOf(parent);
        const bool decoded = m_nodes[parent].decoded || m_nodes[parent].value->is_string();
        const size_t first = m_nodes.size();
        if (first + value.size() > std::numeric_limits<NodeId>::max())
            qFatal("ConversationTreeModel: more nodes than a 32-bit id can count");
        // Grow geometrically: reserving the exact size for every expanded node would copy
        // the whole table each time.
        if (m_nodes.capacity() < first + value.size())
            m_nodes.reserve(std::max(first + value.size(), m_nodes.capacity() * 2));
        quint32 position = 0;
        if (value.is_object()) {
            for (const auto &member : value.get_ref<const OrderedJson::object_t &>())
                m_nodes.push_back(Node{&member.second, parent, position++, ChildrenNotCreated, decoded});
        } else {
            for (const OrderedJson &element : value.get_ref<const OrderedJson::array_t &>())
                m_nodes.push_back(Node{&element, parent, position++, ChildrenNotCreated, decoded});
        }
        m_nodes[parent].firstChild = NodeId(first);
    }
    return m_nodes[parent].firstChild + NodeId(row);
}

QString ConversationTreeModel::keyText(NodeId id) const
{
    const Node &node = m_nodes[id];
    const OrderedJson &parentValue = containerOf(node.parent);
    if (parentValue.is_object()) {
        const auto &members = parentValue.get_ref<const OrderedJson::object_t &>();
        return Json::toQString((members.begin() + node.row)->first);
    }
    return u'[' + QString::number(node.row) + u']';
}

const OrderedJson &ConversationTreeModel::valueAt(const QModelIndex &index) const
{
    return *m_nodes[nodeId(index)].value;
}

DecodedField ConversationTreeModel::decodedField(const QModelIndex &index) const
{
    const auto origin = m_nodes[nodeId(index)].decoded ? FieldDecoder::Origin::EmbeddedJson
                                                        : FieldDecoder::Origin::Conversation;
    return FieldDecoder::decode(jsonPathForIndex(index), valueAt(index), origin);
}

JsonPath ConversationTreeModel::jsonPathForIndex(const QModelIndex &index) const
{
    // Collected leaf to root, then appended root first: the filter asks for a path per row,
    // and prepending moved the whole list at every step.
    QVarLengthArray<NodeId, 16> chain;
    for (NodeId id = nodeId(index); id != RootId; id = m_nodes[id].parent)
        chain.append(id);
    QList<JsonPathStep> steps;
    steps.reserve(chain.size());
    for (auto id = chain.crbegin(); id != chain.crend(); ++id) {
        const Node &node = m_nodes[*id];
        const OrderedJson &parentValue = containerOf(node.parent);
        if (parentValue.is_object()) {
            const auto &members = parentValue.get_ref<const OrderedJson::object_t &>();
            steps.append(Json::toQString((members.begin() + node.row)->first));
        } else {
            steps.append(int(node.row));
        }
    }
    return JsonPath(std::move(steps));
}

QString ConversationTreeModel::pathForIndex(const QModelIndex &index) const
{
    return jsonPathForIndex(index).toString();
}

QModelIndex ConversationTreeModel::indexForPath(const QString &path, int column) const
{
    const auto parsed = JsonPath::fromString(path);
    return parsed ? indexForPath(*parsed, column) : QModelIndex();
}

QModelIndex ConversationTreeModel::indexForPath(const JsonPath &path, int column) const
{
    if (path.isEmpty() || column < 0 || column >= ColumnCount)
        return {};
    NodeId id = RootId;
    int row = 0;
    for (const JsonPathStep &step : path.steps()) {
        const OrderedJson &value = containerOf(id);
        if (step.isIndex()) {
            if (!value.is_array() || step.index() >= childCount(value))
                return {};
            row = step.index();
        } else {
            if (!value.is_object())
                return {};
            const std::string key = Json::toStdString(step.key());
            const auto &members = value.get_ref<const OrderedJson::object_t &>();
            const auto found = std::find_if(members.begin(), members.end(),
                                            [&](const auto &member) { return member.first == key; });
            if (found == members.end())
                return {};
            row = int(found - members.begin());
        }
        id = childId(id, row);
    }
    return createIndex(row, column, quintptr(id));
}

QString ConversationTreeModel::subtreeJson(const QModelIndex &index, int indent) const
{
    return Json::toText(valueAt(index), indent);
}

QString ConversationTreeModel::valueText(const QModelIndex &index) const
{
    const OrderedJson &value = valueAt(index);
    if (value.is_string())
        return Json::toQString(value.get_ref<const std::string &>());
    return Json::toText(value);
}

QModelIndex ConversationTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, quintptr(childId(nodeId(parent), row)));
}

QModelIndex ConversationTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const NodeId parentId = m_nodes[nodeId(child)].parent;
    if (parentId == RootId)
        return {};
    return createIndex(int(m_nodes[parentId].row), KeyColumn, quintptr(parentId));
}

QModelIndex ConversationTreeModel::sibling(int row, int column, const QModelIndex &index) const
{
    // Same row: same node, no need to find the parent.
    if (index.isValid() && row == index.row() && column >= 0 && column < ColumnCount)
        return createIndex(row, column, index.internalId());
    return QAbstractItemModel::sibling(row, column, index);
}

int ConversationTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return childCount(containerOf(nodeId(parent)));
}

int ConversationTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool ConversationTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return false;
    // A string not parsed yet is judged by its ends: drawing a row must not parse it.
    const NodeId id = nodeId(parent);
    const OrderedJson &value = *m_nodes[id].value;
    if (value.is_string() && !m_decoded.contains(id))
        return FieldDecoder::mayHoldEmbeddedJson(value.get_ref<const std::string &>());
    return rowCount(parent) > 0;
}

QVariant ConversationTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const NodeId id = nodeId(index);
    const OrderedJson &value = valueAt(index);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KeyColumn: return keyText(id);
        case ValueColumn: return decodedField(index).display;
        case TypeColumn: {
            const QString type = decodedField(index).typeName;
            return isEdited(id) ? tr("%1 · edited", "type of a value; the tooltip says it is not saved").arg(type) : type;
        }
        }
        break;
    case Qt::EditRole:
        if (index.column() == ValueColumn && isEditable(id))
            return InlineValueEdit::editText(value);
        break;
    case Qt::ToolTipRole: {
        QString toolTip;
        switch (index.column()) {
        case KeyColumn: toolTip = pathForIndex(index); break;
        case ValueColumn: toolTip = decodedField(index).toolTip; break;
        case TypeColumn: toolTip = data(index, Qt::DisplayRole).toString(); break; // elided when narrow
        }
        const QString more = notes(id);
        if (!more.isEmpty())
            toolTip += (toolTip.isEmpty() ? QString() : QStringLiteral("\n\n")) + more;
        return toolTip.isEmpty() ? QVariant() : QVariant(toolTip);
    }
    case Qt::FontRole: {
        const bool decoded = m_nodes[id].decoded;
        const bool edited = isEdited(id);
        if (!decoded && !edited)
            break;
        QFont font; // only what is set here is applied over the view's font
        if (decoded)
            font.setItalic(true);
        if (edited)
            font.setBold(true);
        return font;
    }
    case PathRole:
        return pathForIndex(index);
    case RawValueRole:
        return Json::toText(value);
    case IsContainerRole:
        return value.is_structured();
    case IsDecodedRole:
        return m_nodes[id].decoded;
    case IsEditedRole:
        return isEdited(id);
    case ElideModeRole:
        if (index.column() == TypeColumn
            || (index.column() == ValueColumn && decodedField(index).kind == DecodedField::Kind::Timestamp))
            return int(Qt::ElideRight);
        break;
    }
    return {};
}

QVariant ConversationTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn: return tr("Key");
    case ValueColumn: return tr("Value");
    case TypeColumn: return tr("Type");
    }
    return {};
}

Qt::ItemFlags ConversationTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const NodeId id = nodeId(index);
    const OrderedJson &value = *m_nodes[id].value;
    // A string may hold JSON, and server_extension may get some from a pending value.
    const bool mayGetChildren = value.is_string()
        && (id == serverExtensionId() || FieldDecoder::mayHoldEmbeddedJson(value.get_ref<const std::string &>()));
    if (childCount(value) == 0 && !mayGetChildren)
        result |= Qt::ItemNeverHasChildren;
    if (index.column() == ValueColumn && isEditable(id))
        result |= Qt::ItemIsEditable;
    return result;
}

QHash<int, QByteArray> ConversationTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(PathRole, QByteArrayLiteral("path"));
    names.insert(RawValueRole, QByteArrayLiteral("rawValue"));
    names.insert(IsContainerRole, QByteArrayLiteral("isContainer"));
    names.insert(IsDecodedRole, QByteArrayLiteral("isDecoded"));
    names.insert(IsEditedRole, QByteArrayLiteral("isEdited"));
    names.insert(ElideModeRole, QByteArrayLiteral("elideMode"));
    return names;
}

} // namespace convdesk
