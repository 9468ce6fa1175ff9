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
    while (at != RootId && !m_nodes[at].value->is_string())
        at = m_nodes[at].parent;
    return at; // RootId only for a document that is itself a string holding JSON
}

ConversationTreeModel::NodeId ConversationTreeModel::serverExtensionId() const
{
    if (!m_serverExtension) {
        m_serverExtension = NoNode;
        const OrderedJson &root = *m_nodes[RootId].value;
        if (root.is_object()) {
            const auto &members = root.get_ref<const OrderedJson::object_t &>();
            const auto found = std::find_if(members.begin(), members.end(),
                                            [](const auto &member) { return member.first == "server_extension"; });
            if (found != members.end() && found->second.is_string()) {
                m_loadedServerExtension = &found->second;
                m_serverExtension = childId(RootId, int(found - members.begin()));
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
        return m_loadedServerExtension;
    if (!m_loadedServerExtensionJson) {
        ++m_embeddedParses;
        auto json = FieldDecoder::embeddedJson(m_loadedServerExtension->get_ref<const std::string &>());
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
    if (!m_nodes[id].decoded || !InlineValueEdit::isEditable(*m_nodes[id].value))
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
    return !loaded || *loaded != *m_nodes[id].value;
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
    const auto result = InlineValueEdit::fromTypedText(serverExtensionPointer(index), valueAt(index),
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
    return Json::toQString(m_pendingServerExtension->get_ref<const std::string &>());
}

void ConversationTreeModel::setPendingServerExtension(const std::optional<QString> &text)
{
    const NodeId serverExtension = serverExtensionId();
    if (serverExtension == NoNode)
        return;
    std::unique_ptr<const OrderedJson> pending;
    if (text) {
        std::string utf8 = Json::toStdString(*text);
        if (utf8 != m_loadedServerExtension->get_ref<const std::string &>())
            pending = std::make_unique<const OrderedJson>(std::move(utf8));
    }
    const OrderedJson &next = pending ? *pending : *m_loadedServerExtension;
    if (next == *m_nodes[serverExtension].value)
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
            m_nodes[child].value = &emptyDocument();
        }
        m_nodes[id].firstChild = ChildrenNotCreated;
    }
    m_decoded.erase(id);
}

void ConversationTreeModel::showServerExtension(NodeId id, std::unique_ptr<const OrderedJson> pending)
{
    // The decoded children are replaced as a whole: removed, then the new ones inserted.
    // ConversationPanel expands again what was expanded where the paths still exist.
    const QModelIndex parent = indexOf(id);
    if (const int oldRows = rowCount(parent); oldRows > 0) {
        beginRemoveRows(parent, 0, oldRows - 1);
        discardChildren(id);
        m_decoded[id] = nullptr; // no children until the new ones are inserted
        endRemoveRows();
    }
    const std::unique_ptr<const OrderedJson> shownBefore = std::move(m_pendingServerExtension);
    m_pendingServerExtension = std::move(pending);
    m_nodes[id].value = m_pendingServerExtension ? m_pendingServerExtension.get() : m_loadedServerExtension;

    const std::string &text = m_nodes[id].value->get_ref<const std::string &>();
    std::unique_ptr<const OrderedJson> decoded;
    if (FieldDecoder::mayHoldEmbeddedJson(text)) {
        ++m_embeddedParses;
        if (auto json = FieldDecoder::embeddedJson(text))
            decoded = std::make_unique<const OrderedJson>(std::move(*json));
    }
    m_decoded[id] = nullptr;
    if (const int newRows = decoded ? childCount(*decoded) : 0; newRows > 0) {
        beginInsertRows(parent, 0, newRows - 1);
        m_decoded[id] = std::move(decoded);
        endInsertRows();
    } else {
        m_decoded[id] = std::move(decoded);
    }
    Q_EMIT dataChanged(indexOf(id, KeyColumn), indexOf(id, TypeColumn));
}

} // namespace convdesk
