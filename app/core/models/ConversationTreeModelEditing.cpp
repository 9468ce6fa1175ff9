// ConversationTreeModel: decoded nodes of `$.server_extension`, their inline editing and the
// pending value shown in place of the loaded one. (The tree itself is in
// ConversationTreeModel.cpp; this half is apart to keep each file short.)
#include "models/ConversationTreeModel.h"

#include "json/FieldDecoder.h"
#include "json/InlineValueEdit.h"

#include <QStringList>

#include <algorithm>

namespace convdesk {

ConversationTreeModel::NodeId ConversationTreeModel::decodingString(NodeId id) const
{
    if (!m_nodes[id].decoded)
        return NoNode;
    NodeId at = m_nodes[id].parent;
    while (at != RootId && !isString(at))
        at = m_nodes[at].parent;
    return at; // RootId only for a document that is itself a string holding JSON
}

ConversationTreeModel::NodeId ConversationTreeModel::serverExtensionId() const
{
    if (!m_serverExtension) {
        m_serverExtension = NoNode;
        const JsonIndex &document = sourceOf(RootId);
        const JsonIndex::NodeId root = entryOf(RootId);
        if (document.isObject(root)) {
            JsonIndex::NodeId entry = document.firstChild(root);
            for (int row = 0, count = document.childCount(root); row < count; ++row, entry = document.nextSibling(entry)) {
                if (document.rawKey(entry) != "server_extension" && !document.keyHasEscape(entry))
                    continue;
                if (document.key(entry) != "server_extension")
                    continue;
                if (document.isString(entry)) {
                    m_loadedServerExtension = Value{m_nodes[RootId].source, entry};
                    m_serverExtension = childId(RootId, row);
                }
                break;
            }
        }
    }
    return *m_serverExtension;
}

const OrderedJson *ConversationTreeModel::loadedValueAt(NodeId id) const
{
    const NodeId serverExtension = serverExtensionId();
    if (serverExtension == NoNode)
        return nullptr;
    if (id == serverExtension)
        return &m_sources[m_loadedServerExtension.source]->cachedJson(m_loadedServerExtension.entry);
    if (!m_loadedServerExtensionJson) {
        ++m_embeddedParses;
        auto json = FieldDecoder::embeddedJson(m_sources[m_loadedServerExtension.source]->string(m_loadedServerExtension.entry));
        m_loadedServerExtensionJson = json ? std::make_unique<const OrderedJson>(std::move(*json)) : nullptr;
    }
    const OrderedJson *at = m_loadedServerExtensionJson->get();
    const JsonPath path = jsonPathForIndex(indexOf(id));
    for (qsizetype i = 1; at && i < path.size(); ++i) { // step 0 is server_extension itself
        const JsonPathStep &step = path.at(i);
        if (step.isIndex()) {
            at = at->is_array() && size_t(step.index()) < at->size() ? &(*at)[size_t(step.index())] : nullptr;
        } else if (at->is_object()) {
            const auto found = at->find(Json::toStdString(step.key()));
            at = found != at->end() ? &*found : nullptr;
        } else {
            at = nullptr;
        }
    }
    return at;
}

bool ConversationTreeModel::isEditable(NodeId id) const
{
    if (!m_nodes[id].decoded || sourceOf(id).isContainer(entryOf(id)) || !InlineValueEdit::isEditable(jsonOf(id)))
        return false;
    const NodeId serverExtension = serverExtensionId();
    return serverExtension != NoNode && decodingString(id) == serverExtension;
}

bool ConversationTreeModel::isEdited(NodeId id) const
{
    if (!m_pendingServerExtension) // the common case, and all the filter of a large document sees
        return false;
    const NodeId serverExtension = serverExtensionId();
    if (id == serverExtension)
        return true;
    if (!m_nodes[id].decoded || decodingString(id) != serverExtension)
        return false;
    const OrderedJson *loaded = loadedValueAt(id);
    return !loaded || *loaded != jsonOf(id);
}

QString ConversationTreeModel::notes(NodeId id) const
{
    QStringList lines;
    if (m_nodes[id].decoded) {
        const NodeId owner = decodingString(id);
        const QString name = owner == RootId ? QStringLiteral("$") : keyText(owner);
        lines << tr("Decoded from the JSON text of %1").arg(name);
    }
    if (isEdited(id)) {
        if (const OrderedJson *loaded = loadedValueAt(id))
            lines << tr("Edited, not saved. Loaded value: %1")
                         .arg(FieldDecoder::elide(InlineValueEdit::editText(*loaded)));
        else
            lines << tr("Edited, not saved: not in the loaded value");
    }
    return lines.join(u'\n');
}

QString ConversationTreeModel::serverExtensionPointer(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    const NodeId serverExtension = serverExtensionId();
    if (serverExtension == NoNode || decodingString(nodeId(index)) != serverExtension)
        return {};
    return jsonPathForIndex(index).toJsonPointer(1);
}

bool ConversationTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid)
        || index.column() != ValueColumn || !isEditable(nodeId(index)))
        return false;
    const auto result = InlineValueEdit::fromTypedText(serverExtensionPointer(index), jsonOf(nodeId(index)),
                                                       value.toString());
    if (!result.refusal.isEmpty()) {
        Q_EMIT editRefused(result.refusal);
        return false;
    }
    if (!result.edit)
        return false; // typed what was there
    Q_EMIT serverExtensionEditRequested(*result.edit);
    return true;
}

std::optional<QString> ConversationTreeModel::pendingServerExtension() const
{
    if (!m_pendingServerExtension)
        return std::nullopt;
    return Json::toQString(*m_pendingServerExtension);
}

void ConversationTreeModel::setPendingServerExtension(const std::optional<QString> &text)
{
    const NodeId serverExtension = serverExtensionId();
    if (serverExtension == NoNode)
        return;
    const std::string loaded = m_sources[m_loadedServerExtension.source]->string(m_loadedServerExtension.entry);
    std::optional<std::string> pending;
    if (text) {
        std::string utf8 = Json::toStdString(*text);
        if (utf8 != loaded)
            pending = std::move(utf8);
    }
    if (pending == m_pendingServerExtension)
        return;
    showServerExtension(serverExtension, std::move(pending));
}

void ConversationTreeModel::discardChildren(NodeId id)
{
    // The nodes stay in the table (ids are positions in it) but lead nowhere any more.
    const NodeId first = m_nodes[id].firstChild;
    if (first != ChildrenNotCreated) {
        const NodeId end = first + NodeId(childCount(containerOf(id)));
        for (NodeId child = first; child < end; ++child) {
            discardChildren(child);
            m_nodes[child].source = 0;
            m_nodes[child].entry = JsonIndex::Root;
            m_nodes[child].decoded = false;
        }
        m_nodes[id].firstChild = ChildrenNotCreated;
    }
    if (const auto found = m_decoded.find(id); found != m_decoded.end()) {
        if (found->second != NoSource)
            m_sources[found->second].reset(); // its nodes lead nowhere: free the parse
        m_decoded.erase(found);
    }
}

void ConversationTreeModel::showServerExtension(NodeId id, std::optional<std::string> pending)
{
    // The decoded children are replaced as a whole: removed, then the new ones inserted.
    // ConversationPanel expands again what was expanded where the paths still exist.
    const QModelIndex parent = indexOf(id);
    if (const int oldRows = rowCount(parent); oldRows > 0) {
        beginRemoveRows(parent, 0, oldRows - 1);
        discardChildren(id);
        m_decoded[id] = NoSource; // no children until the new ones are inserted
        endRemoveRows();
    }
    if (m_nodes[id].source != m_loadedServerExtension.source)
        m_sources[m_nodes[id].source].reset(); // the pending string shown before
    m_pendingServerExtension = std::move(pending);
    if (m_pendingServerExtension) {
        m_nodes[id].source = addSource(JsonIndex::fromJson(OrderedJson(*m_pendingServerExtension)));
        m_nodes[id].entry = JsonIndex::Root;
    } else {
        m_nodes[id].source = m_loadedServerExtension.source;
        m_nodes[id].entry = m_loadedServerExtension.entry;
    }

    const std::string text = stringOf(id);
    SourceId decoded = NoSource;
    if (FieldDecoder::mayHoldEmbeddedJson(text)) {
        ++m_embeddedParses;
        if (auto index = FieldDecoder::embeddedIndex(text))
            decoded = addSource(std::move(index));
    }
    m_decoded[id] = NoSource;
    if (const int newRows = childCount(Value{decoded, JsonIndex::Root}); newRows > 0) {
        beginInsertRows(parent, 0, newRows - 1);
        m_decoded[id] = decoded;
        endInsertRows();
    } else {
        m_decoded[id] = decoded;
    }
    Q_EMIT dataChanged(indexOf(id, KeyColumn), indexOf(id, TypeColumn));
}

} // namespace convdesk
