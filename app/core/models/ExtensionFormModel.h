#pragma once

#include "json/JsonTextEditor.h"
#include "json/JsonTextSpans.h"
#include "schema/ExtensionSchema.h"

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
//
// With a team schema (setSchema) the rows speak its words: titles label the keys, descriptions
// are tooltips, required keys are bold, keys the schema does not know are marked "extra", and
// every change of the text is validated so each row carries its own errors
// (ExtensionFormModelSchema.cpp).
class ExtensionFormModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    using Kind = JsonTextSpans::Kind;
    enum Column { KeyColumn, TypeColumn, ValueColumn, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1, // int: the row's Kind
        PointerRole,                 // QString: the row's JSON Pointer, `/contact/phone`
        SchemaErrorsRole,            // QStringList: the schema's complaints about this row's value
        JsonRole,                    // setData on the Value column: the new value as JSON text
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

    // The team's rules, or null for none. Validation runs now and after every change of the text.
    void setSchema(std::shared_ptr<const ExtensionSchema> schema);
    const ExtensionSchema *schema() const { return m_schema.get(); }
    QList<SchemaError> schemaErrors() const { return m_schemaErrors; } // of the whole value
    std::optional<SchemaFieldHints> hints(const QModelIndex &index) const; // nullopt without a schema
    // A key of an object the schema describes that is not among its properties.
    bool isExtra(const QModelIndex &index) const;
    // The schema's properties of the object at `object` (the root for an invalid index) that
    // are not set, in the schema's order; and those of them that are required.
    QStringList missingFields(const QModelIndex &object = QModelIndex()) const;
    QStringList missingRequired(const QModelIndex &object = QModelIndex()) const;
    // Adds the schema's property `name` to the object with its default, or its type's empty
    // value ("", 0, false, {}, []). Returns the new row's index, invalid when refused.
    QModelIndex addField(const QModelIndex &object, const QString &name);
    // Adds every missing required property of the object, as one change. Returns how many.
    int addRequiredFields(const QModelIndex &object = QModelIndex());
    // The JSON text a new `name` in the object at `objectPointer` starts with.
    QString initialJson(const QString &objectPointer, const QString &name) const;

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
    void schemaErrorsChanged();

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

    void validate(); // the schema's errors of m_text; announces rows whose errors changed
    void announceAll(const Node *node, const QList<int> &roles); // dataChanged for every row below
    QStringList errorsAt(const QString &pointer) const;
    QVariant schemaData(const Node *node, const QModelIndex &index, int role) const;
    bool isExtra(const Node *node) const;

    QString m_text;
    QString m_unavailableReason;
    std::shared_ptr<const ExtensionSchema> m_schema;
    QList<SchemaError> m_schemaErrors;
    std::unique_ptr<Node> m_root;
    bool m_readOnly = false;
};

} // namespace convdesk
