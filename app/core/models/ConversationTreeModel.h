#pragma once

#include "json/FieldDecoder.h"
#include "json/JsonDocument.h"
#include "json/JsonPath.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace convdesk {

// A conversation (any JSON document, really) as a Key / Value / Type tree, in the server's
// key order, with values decoded by FieldDecoder.
//
// The tree is built lazily: a node's children enter the node table the first time one of
// them is asked for, so an 8 MB response costs only what the user has expanded. Nodes point
// into the model's own copy of the document, which never changes while it is set.
class ConversationTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { KeyColumn, ValueColumn, TypeColumn, ColumnCount };

    enum Role {
        PathRole = Qt::UserRole + 1, // QString: `$.last_message.text`, `$.group_ids[0]`, `$["a b"]`
        RawValueRole,                // QString: the node as compact JSON
        IsContainerRole,             // bool: object or array
    };
    Q_ENUM(Role)

    explicit ConversationTreeModel(QObject *parent = nullptr);
    ~ConversationTreeModel() override;

    void setDocument(const OrderedJson &document);
    void setDocument(OrderedJson &&document);
    void setDocument(std::shared_ptr<const OrderedJson> document); // null means empty
    void clear();

    const OrderedJson &document() const;
    std::shared_ptr<const OrderedJson> sharedDocument() const;

    // The JSON value behind an index; the whole document for an invalid index.
    const OrderedJson &valueAt(const QModelIndex &index) const;
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

    // How many nodes have been created so far (the laziness, observable).
    qsizetype materializedNodeCount() const { return qsizetype(m_nodes.size()); }

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    using NodeId = quint32;
    static constexpr NodeId RootId = 0;
    static constexpr NodeId ChildrenNotCreated = 0; // the root is never anyone's child

    struct Node
    {
        const OrderedJson *value;
        NodeId parent;
        quint32 row;
        NodeId firstChild = ChildrenNotCreated; // children are contiguous in the node table
    };
    static_assert(sizeof(Node) <= 24, "a node per JSON value: keep it small");

    NodeId nodeId(const QModelIndex &index) const;
    NodeId childId(NodeId parent, int row) const; // creates the children when needed
    QString keyText(NodeId id) const;
    void resetNodes(std::shared_ptr<const OrderedJson> document);

    std::shared_ptr<const OrderedJson> m_document;
    mutable std::vector<Node> m_nodes; // [0] is the document root
};

} // namespace convdesk
