#include "models/ConversationTreeModel.h"

#include "json/InlineValueEdit.h"

#include <QFont>
#include <QVarLengthArray>

#include <algorithm>
#include <limits>
#include <string_view>

namespace convdesk {

namespace {

// The index shown when there is no document: a null, no rows.
const std::shared_ptr<const JsonIndex> &emptyIndex()
{
    static const std::shared_ptr<const JsonIndex> empty = JsonIndex::parse(QByteArrayLiteral("null"));
    return empty;
}

QString shownKeyOf(const JsonIndex &index, JsonIndex::NodeId entry)
{
    if (index.keyHasEscape(entry))
        return Json::toQString(index.key(entry));
    const std::string_view raw = index.rawKey(entry);
    if (raw.size() >= 3 && raw.compare(0, 3, "\xef\xbb\xbf") == 0)
        return Json::toQString(std::string(raw)); // keeps a leading U+FEFF
    return QString::fromUtf8(raw.data(), qsizetype(raw.size()));
}

} // namespace

ConversationTreeModel::ConversationTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    resetNodes(SharedJson());
}

ConversationTreeModel::~ConversationTreeModel() = default;

void ConversationTreeModel::setDocument(SharedJson document)
{
    beginResetModel();
    resetNodes(std::move(document));
    endResetModel();
}

void ConversationTreeModel::clear()
{
    setDocument(SharedJson());
}

void ConversationTreeModel::resetNodes(SharedJson document)
{
    JsonIndex::NodeId root = JsonIndex::Root;
    std::shared_ptr<const JsonIndex> index = document.isNull() ? emptyIndex() : document.toIndex(&root);
    m_document = std::move(document);
    std::vector<Node>().swap(m_nodes); // give a large previous tree's memory back
    m_sources.clear();
    m_sources.push_back(std::move(index));
    m_nodes.push_back(Node{root, RootId, 0});
    m_decoded.clear();
    m_serverExtension.reset();
    m_loadedServerExtension = Value();
    m_pendingServerExtension.reset();
    m_loadedServerExtensionJson.reset();
}

ConversationTreeModel::SourceId ConversationTreeModel::addSource(std::shared_ptr<const JsonIndex> index) const
{
    if (m_sources.size() >= NoSource)
        qFatal("ConversationTreeModel: more decoded strings than a 16-bit id can count");
    m_sources.push_back(std::move(index));
    return SourceId(m_sources.size() - 1);
}

int ConversationTreeModel::childCount(Value value) const
{
    return value.isValid() ? m_sources[value.source]->childCount(value.entry) : 0;
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

ConversationTreeModel::Value ConversationTreeModel::containerOf(NodeId id) const
{
    return isString(id) ? decodedJson(id) : valueOf(id);
}

ConversationTreeModel::Value ConversationTreeModel::decodedJson(NodeId stringId) const
{
    auto found = m_decoded.find(stringId);
    if (found == m_decoded.end()) {
        const JsonIndex &index = sourceOf(stringId);
        const JsonIndex::NodeId entry = entryOf(stringId);
        // Only strings that may hold JSON are remembered: the filter asks every string.
        if (!mayHoldJson(stringId))
            return {};
        ++m_embeddedParses;
        SourceId source = NoSource;
        if (auto parsed = FieldDecoder::embeddedIndex(index.string(entry)))
            source = addSource(std::move(parsed));
        found = m_decoded.emplace(stringId, source).first;
    }
    return found->second == NoSource ? Value() : Value{found->second, JsonIndex::Root};
}

bool ConversationTreeModel::mayHoldJson(NodeId stringId) const
{
    const JsonIndex &index = sourceOf(stringId);
    const JsonIndex::NodeId entry = entryOf(stringId);
    // Its ends decide; escapes (a leading "\n") are read only where there are some.
    return index.stringHasEscape(entry) ? FieldDecoder::mayHoldEmbeddedJson(index.string(entry))
                                        : FieldDecoder::mayHoldEmbeddedJson(index.rawString(entry));
}

ConversationTreeModel::NodeId ConversationTreeModel::childId(NodeId parent, int row) const
{
    if (m_nodes[parent].firstChild == ChildrenNotCreated) {
        const Value container = containerOf(parent);
        const size_t count = size_t(childCount(container));
        const bool decoded = m_nodes[parent].decoded || isString(parent);
        const size_t first = m_nodes.size();
        if (first + count > std::numeric_limits<NodeId>::max())
            qFatal("ConversationTreeModel: more nodes than a 32-bit id can count");
        // Grow geometrically: reserving the exact size for every expanded node would copy
        // the whole table each time.
        if (m_nodes.capacity() < first + count)
            m_nodes.reserve(std::max(first + count, m_nodes.capacity() * 2));
        const JsonIndex &index = *m_sources[container.source];
        JsonIndex::NodeId entry = count > 0 ? index.firstChild(container.entry) : 0;
        for (quint32 position = 0; position < count; ++position, entry = index.nextSibling(entry))
            m_nodes.push_back(Node{entry, parent, position, ChildrenNotCreated, container.source, decoded});
        m_nodes[parent].firstChild = NodeId(first);
    }
    return m_nodes[parent].firstChild + NodeId(row);
}

QString ConversationTreeModel::keyText(NodeId id) const
{
    const Node &node = m_nodes[id];
    const Value parent = containerOf(node.parent);
    const JsonIndex &index = *m_sources[parent.source];
    if (index.isObject(parent.entry) && node.source == parent.source)
        return shownKeyOf(index, node.entry);
    if (index.isObject(parent.entry)) // a pending server_extension in the document's place
        return shownKeyOf(index, index.child(parent.entry, int(node.row)));
    return u'[' + QString::number(node.row) + u']';
}

OrderedJson ConversationTreeModel::valueAt(const QModelIndex &index) const
{
    return jsonOf(nodeId(index));
}

DecodedField ConversationTreeModel::decodedField(const QModelIndex &index) const
{
    const NodeId id = nodeId(index);
    const auto origin = m_nodes[id].decoded ? FieldDecoder::Origin::EmbeddedJson : FieldDecoder::Origin::Conversation;
    return FieldDecoder::decode(jsonPathForIndex(index), sourceOf(id), entryOf(id), origin);
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
        const Value parent = containerOf(m_nodes[*id].parent);
        if (m_sources[parent.source]->isObject(parent.entry))
            steps.append(keyText(*id));
        else
            steps.append(int(m_nodes[*id].row));
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
        const Value container = containerOf(id);
        if (!container.isValid())
            return {};
        const JsonIndex &index = *m_sources[container.source];
        if (step.isIndex()) {
            if (!index.isArray(container.entry) || step.index() >= index.childCount(container.entry))
                return {};
            row = step.index();
        } else {
            if (!index.isObject(container.entry))
                return {};
            const std::string key = Json::toStdString(step.key());
            row = 0;
            JsonIndex::NodeId entry = index.firstChild(container.entry);
            const int count = index.childCount(container.entry);
            while (row < count && (index.keyHasEscape(entry) ? index.key(entry) != key : index.rawKey(entry) != key)) {
                entry = index.nextSibling(entry);
                ++row;
            }
            if (row == count)
                return {};
        }
        id = childId(id, row);
    }
    return createIndex(row, column, quintptr(id));
}

QString ConversationTreeModel::subtreeJson(const QModelIndex &index, int indent) const
{
    const NodeId id = nodeId(index);
    return QString::fromUtf8(sourceOf(id).serialize(entryOf(id), indent));
}

QString ConversationTreeModel::valueText(const QModelIndex &index) const
{
    const NodeId id = nodeId(index);
    if (isString(id))
        return Json::toQString(stringOf(id));
    return QString::fromUtf8(sourceOf(id).serialize(entryOf(id)));
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
    if (isString(id) && !m_decoded.contains(id))
        return mayHoldJson(id);
    return rowCount(parent) > 0;
}

QVariant ConversationTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const NodeId id = nodeId(index);
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
            return InlineValueEdit::editText(jsonOf(id));
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
        return QString::fromUtf8(sourceOf(id).serialize(entryOf(id)));
    case IsContainerRole:
        return sourceOf(id).isContainer(entryOf(id));
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
    // A string may hold JSON, and server_extension may get some from a pending value.
    const bool mayGetChildren = isString(id) && (id == serverExtensionId() || mayHoldJson(id));
    if (childCount(valueOf(id)) == 0 && !mayGetChildren)
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
