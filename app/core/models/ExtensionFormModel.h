#pragma once

#include "json/JsonTextEditor.h"
#include "json/JsonTextSpans.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace convdesk {

// server_extension as a form: one row per member of the JSON object, in the text's order,
// with nested objects and arrays as child rows (elements keyed "[0]", "[1]", ...). Columns
// Key, Type, Value; numbers are shown as their exact text, never through a double.
//
// Every edit is made on the text by JsonTextEditor, so untouched parts keep their bytes;
// textEdited() then carries the whole new text and a short description for an undo history.
// The model updates itself with row and data signals; only setText() with a different text
// resets it. An empty text is an empty object (the first Add makes `{"new_key":""}`); any
// other text that is not a JSON object makes the model unavailable, with the reason.
class ExtensionFormModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    using Kind = JsonTextSpans::Kind;
    enum Column { KeyColumn, TypeColumn, ValueColumn, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1, // int: the row's Kind
        PointerRole,                 // QString: the row's JSON Pointer, `/contact/phone`
    };

    explicit ExtensionFormModel(QObject *parent = nullptr);
    ~ExtensionFormModel() override;

    // Shows this text; nothing happens when it is the text shown already.
    void setText(const QString &text);
    QString text() const { return m_text; }

    bool isAvailable() const { return m_unavailableReason.isEmpty(); }
    QString unavailableReason() const { return m_unavailableReason; } // one sentence, or ""

    // While a save runs nothing can be edited.
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    bool isReadOnly() const { return m_readOnly; }

    Kind kind(const QModelIndex &index) const; // Object for the root (an invalid index)
    QString pointer(const QModelIndex &index) const; // "" for the root
    QModelIndex indexForPointer(const QString &pointer, int column = KeyColumn) const; // invalid when absent
    static QString kindName(Kind kind); // "string", "integer", ... (translated)

    // Why `key` cannot be the name of the member at index: "" when it can.
    QString keyProblem(const QModelIndex &index, const QString &key) const;

    // Adds "new_key" (or "new_key_2", ...) holding "" at the end of the object at `object`
    // (the root for an invalid index), or "" at the end of the array at `array`. Returns
    // the new row's index (Key column), invalid when refused.
    QModelIndex addKey(const QModelIndex &object = QModelIndex());
    QModelIndex addItem(const QModelIndex &array);
    bool moveUp(const QModelIndex &index);
    bool moveDown(const QModelIndex &index);

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Within one parent only.
    bool removeRows(int row, int count, const QModelIndex &parent = QModelIndex()) override;
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count, const QModelIndex &destinationParent,
                  int destinationChild) override;

Q_SIGNALS:
    void textEdited(const QString &newText, const QString &description);
    void editRefused(const QString &message);

private:
    struct Node
    {
        Node *parent = nullptr;
        bool hasKey = false;
        QString key;         // the member name, or "[2]" for an array element
        Kind kind = Kind::Object;
        QString exact;       // a scalar's exact text; a container's member count
        QString stringValue; // a string's decoded text
        std::vector<std::unique_ptr<Node>> children;

        bool isContainer() const { return kind == Kind::Object || kind == Kind::Array; }
    };

    static QString pointerToken(QString key); // a member name as a JSON Pointer token
    static QString quotedName(const QString &name); // “name”
    Node *nodeAt(const QModelIndex &index) const; // the root for an invalid index
    QModelIndex indexOf(const Node *node, int column = KeyColumn) const;
    static int rowOf(const Node *node);
    QString nameOf(const Node *node) const; // for descriptions: the key, or the pointer of an element
    bool isAmbiguous(const Node *node) const;

    static std::unique_ptr<Node> build(const JsonTextSpans::Span &span, const JsonTextSpans &spans, Node *parent,
                                       int row);
    static void fill(Node *node, const JsonTextSpans::Span &span, const JsonTextSpans &spans, int row);
    bool sync(Node *node, const JsonTextSpans::Span &span, const JsonTextSpans &spans, int row);
    void rebuild();
    static const JsonTextSpans::Span &spanFor(const JsonTextSpans &spans, const Node *node);
    static bool hasMember(const Node *object, const QString &name);
    QModelIndex insertRow(Node *parent, const JsonTextEditor::Edit &edit, const QString &description);

    // Applies the edits to the text: the new spans, or nothing (and editRefused) when refused.
    std::optional<JsonTextSpans> edited(const QList<JsonTextEditor::Edit> &edits, const Node *target);
    // After the rows changed shape: the rest is compared with the new text, then announced.
    void commit(JsonTextSpans spans, const QString &description);
    bool setValue(Node *node, const QVariant &value, int role);
    bool moveWithin(Node *parent, int row, int count, int destination, const QString &description);

    QString m_text;
    QString m_unavailableReason;
    std::unique_ptr<Node> m_root;
    bool m_readOnly = false;
};

} // namespace convdesk
