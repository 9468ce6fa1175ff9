#pragma once

#include "json/FieldDecoder.h"
#include "json/JsonDocument.h"
#include "json/JsonIndex.h"
#include "json/JsonPath.h"
#include "json/SharedJson.h"
#include "json/JsonTextEditor.h"

#include <QAbstractItemModel>

#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace convdesk {

// A conversation (any JSON document, really) as a Key / Value / Type tree, in the server's
// key order, with values decoded by FieldDecoder.
//
// The tree is built lazily: a node's children enter the node table the first time one of
// them is asked for, so an 8 MB response costs only what the user has expanded. Nodes are
// entries of the document's JsonIndex (the API client's one parse, shared, never copied):
// numbers show the server's exact text, strings are unescaped when shown.
//
// A string that holds a JSON object or array (server_extension, last_message.extension,
// push_payload, ...) has that JSON as its children, "decoded" nodes: shown in italics, with
// the tooltip "Decoded from the JSON text of <key>". The string is parsed when its children
// are first needed (rowCount, index, indexForPath), never when the document is set;
// hasChildren() only looks at its first and last characters. Paths go on through the string
// as if it were the object it holds: `$.server_extension.contact.phone`, `$.x.tags[0]`, and
// indexForPath() reads them back the same way (a string has no children otherwise, so the
// form is never ambiguous).
//
// Nodes decoded from the conversation's own `$.server_extension` can be edited in the Value
// column (scalars only). Editing never changes the document: setData() asks for the change
// with serverExtensionEditRequested(), and whoever owns the edited text answers with
// setPendingServerExtension(), which shows that text in place of the loaded one.
class ConversationTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { KeyColumn, ValueColumn, TypeColumn, ColumnCount };

    enum Role {
        PathRole = Qt::UserRole + 1, // QString: `$.last_message.text`, `$.group_ids[0]`, `$["a b"]`
        RawValueRole,                // QString: the node as compact JSON
        IsContainerRole,             // bool: object or array
        IsDecodedRole,               // bool: decoded from the JSON text of a string above it
        IsEditedRole,                // bool: differs from the loaded value (a pending server_extension)
        // int (Qt::TextElideMode): where a cell too narrow for its text is cut, when not where
        // the view cuts (the middle): dates and type names at their end, which matters least.
        ElideModeRole,
    };
    Q_ENUM(Role)

    explicit ConversationTreeModel(QObject *parent = nullptr);
    ~ConversationTreeModel() override;

    // Shows `document`, sharing it (empty means no document). A value held by nlohmann is
    // indexed from its text first (a copy: for small documents).
    void setDocument(SharedJson document);
    void setDocument(const OrderedJson &document) { setDocument(SharedJson(document)); }
    void setDocument(OrderedJson &&document) { setDocument(SharedJson(std::move(document))); }
    void clear();

    // The document as set; document() reads it through nlohmann (made on first use for an
    // indexed one, so never for a large document shown).
    const SharedJson &sharedDocument() const { return m_document; }
    const OrderedJson &document() const { return m_document.get(); }
    // The parse the tree reads, and the document's node in it (for TreeFilterJob).
    const std::shared_ptr<const JsonIndex> &documentIndex() const { return m_sources.front(); }
    JsonIndex::NodeId documentRoot() const { return m_nodes[RootId].entry; }

    // The JSON value behind an index, as nlohmann JSON; the whole document for an invalid index.
    OrderedJson valueAt(const QModelIndex &index) const;
    DecodedField decodedField(const QModelIndex &index) const;

    JsonPath jsonPathForIndex(const QModelIndex &index) const; // empty for an invalid index
    QString pathForIndex(const QModelIndex &index) const;      // "$" for an invalid index

    // The index of the node at `path` (in `column`), creating the nodes on the way; invalid
    // when the path does not lead anywhere in the document (or is the root "$" itself).
    QModelIndex indexForPath(const QString &path, int column = KeyColumn) const;
    QModelIndex indexForPath(const JsonPath &path, int column = KeyColumn) const;

    // The node's JSON, pretty-printed with `indent` spaces (compact when negative).
    QString subtreeJson(const QModelIndex &index, int indent = 2) const;
    // The plain value for "copy value": strings unquoted and whole, numbers exact,
    // containers as compact JSON.
    QString valueText(const QModelIndex &index) const;

    // How many nodes have been created so far (the laziness, observable). Nodes replaced by a
    // pending server_extension stay counted until the next setDocument().
    qsizetype materializedNodeCount() const { return qsizetype(m_nodes.size()); }
    // How many strings have been parsed for their decoded children (the laziness, observable).
    qsizetype embeddedJsonParseCount() const { return m_embeddedParses; }

    // Shows `text` as the value of `$.server_extension` (a string member of the root), and its
    // decoded children, marked where they differ from the loaded value. nullopt, or the loaded
    // text itself, shows the loaded value again. setDocument() and clear() drop it.
    void setPendingServerExtension(const std::optional<QString> &text);
    std::optional<QString> pendingServerExtension() const;

    // The RFC 6901 pointer of a node decoded from `$.server_extension` inside that JSON
    // (`/contact/phone`); empty for any other node.
    QString serverExtensionPointer(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // Emits serverExtensionEditRequested() or editRefused(); the model itself is unchanged.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    // A Value cell decoded from `$.server_extension` was edited: the change to make to the
    // server_extension text (the key is a JSON Pointer inside it).
    void serverExtensionEditRequested(const convdesk::JsonTextEditor::Edit &edit);
    // Text typed into a number, boolean or null was not JSON; nothing was asked for.
    void editRefused(const QString &message);

private:
    using NodeId = quint32;
    static constexpr NodeId RootId = 0;
    static constexpr NodeId ChildrenNotCreated = 0; // the root is never anyone's child
    static constexpr NodeId NoNode = 0;             // ...nor a string that holds JSON
    // Parses a node's entry can come from: [0] the document, then the JSON decoded from
    // strings and the pending server_extension.
    using SourceId = quint16;
    static constexpr SourceId NoSource = 0xFFFF;

    struct Node
    {
        JsonIndex::NodeId entry; // in m_sources[source]
        NodeId parent;
        quint32 row;
        NodeId firstChild = ChildrenNotCreated; // children are contiguous in the node table
        SourceId source = 0;
        bool decoded = false; // below a string whose JSON was decoded
    };
    static_assert(sizeof(Node) <= 20, "a node per JSON value: keep it small");

    // A value in one of the parses: a node's own, or the container of its children.
    struct Value
    {
        SourceId source = NoSource;
        JsonIndex::NodeId entry = 0;
        bool isValid() const { return source != NoSource; }
    };

    const JsonIndex &sourceOf(NodeId id) const { return *m_sources[m_nodes[id].source]; }
    JsonIndex::NodeId entryOf(NodeId id) const { return m_nodes[id].entry; }
    Value valueOf(NodeId id) const { return Value{m_nodes[id].source, m_nodes[id].entry}; }
    int childCount(Value value) const;
    OrderedJson jsonOf(NodeId id) const { return sourceOf(id).toJson(entryOf(id)); }
    std::string stringOf(NodeId id) const { return sourceOf(id).string(entryOf(id)); }
    bool isString(NodeId id) const { return sourceOf(id).isString(entryOf(id)); }
    SourceId addSource(std::shared_ptr<const JsonIndex> index) const;

    NodeId nodeId(const QModelIndex &index) const;
    QModelIndex indexOf(NodeId id, int column = KeyColumn) const; // invalid for the root
    NodeId childId(NodeId parent, int row) const; // creates the children when needed
    // The value whose members are the node's children: its decoded JSON for a string.
    Value containerOf(NodeId id) const;
    Value decodedJson(NodeId stringId) const; // parsed once, kept
    bool mayHoldJson(NodeId stringId) const;  // FieldDecoder::mayHoldEmbeddedJson(), without parsing
    QString keyText(NodeId id) const;
    NodeId decodingString(NodeId id) const; // the nearest string above a decoded node
    NodeId serverExtensionId() const;       // NoNode when the root has no string server_extension
    const OrderedJson *loadedValueAt(NodeId id) const; // the loaded value of a node under it
    bool isEditable(NodeId id) const;
    bool isEdited(NodeId id) const;
    QString notes(NodeId id) const; // the "decoded from" and "edited" tooltip lines
    void discardChildren(NodeId id);
    void showServerExtension(NodeId id, std::optional<std::string> pending);
    void resetNodes(SharedJson document);

    SharedJson m_document;
    mutable std::vector<std::shared_ptr<const JsonIndex>> m_sources;
    mutable std::vector<Node> m_nodes; // [0] is the document root
    // The decoded JSON of each string node whose children were asked for; NoSource when it holds none.
    mutable std::unordered_map<NodeId, SourceId> m_decoded;
    mutable qsizetype m_embeddedParses = 0;
    mutable std::optional<NodeId> m_serverExtension; // found on first use
    mutable Value m_loadedServerExtension;             // its string in the document
    std::optional<std::string> m_pendingServerExtension; // UTF-8, shown instead
    mutable std::optional<std::unique_ptr<const OrderedJson>> m_loadedServerExtensionJson;
};

} // namespace convdesk
