#include "models/ExtensionFormModel.h"

using namespace Qt::StringLiterals;

namespace convdesk {

namespace {

// Text that starts like an object or array is meant to be JSON; anything else is free text.
bool looksLikeJson(const QString &text)
{
    for (QChar c : text) {
        if (!c.isSpace())
            return c == u'{' || c == u'[';
    }
    return false;
}

} // namespace

QString ExtensionFormModel::pointerToken(QString key)
{
    return key.replace(u"~"_s, u"~0"_s).replace(u"/"_s, u"~1"_s);
}

QString ExtensionFormModel::quotedName(const QString &name)
{
    return tr("“%1”").arg(name);
}

ExtensionFormModel::ExtensionFormModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
}

ExtensionFormModel::~ExtensionFormModel() = default;

QString ExtensionFormModel::kindName(Kind kind)
{
    switch (kind) {
    case Kind::String: return tr("string");
    case Kind::Integer: return tr("integer");
    case Kind::Number: return tr("number");
    case Kind::Boolean: return tr("boolean");
    case Kind::Null: return tr("null");
    case Kind::Object: return tr("object");
    case Kind::Array: return tr("array");
    }
    return {};
}

void ExtensionFormModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    beginResetModel();
    m_text = text;
    rebuild();
    endResetModel();
    validate();
}

void ExtensionFormModel::rebuild()
{
    m_root = std::make_unique<Node>();
    m_unavailableReason.clear();
    if (m_text.trimmed().isEmpty())
        return; // an empty value is offered as an empty object
    JsonParseError error;
    const auto spans = JsonTextSpans::scan(m_text, &error);
    if (!spans) {
        m_unavailableReason = looksLikeJson(m_text)
            ? tr("The value is not valid JSON (line %1, column %2), so it can only be edited as text.")
                  .arg(error.line)
                  .arg(error.column)
            : tr("The value is plain text, not JSON, so it can only be edited as text.");
        return;
    }
    const Kind rootKind = spans->root().kind;
    if (rootKind == Kind::Array) {
        m_unavailableReason = tr("The value is a JSON array, not an object, so it can only be edited as text.");
        return;
    }
    if (rootKind != Kind::Object) {
        m_unavailableReason = tr("The value is a single JSON %1, not an object, so it can only be edited as text.")
                                  .arg(kindName(rootKind));
        return;
    }
    fill(m_root.get(), spans->root(), *spans, 0);
}

std::unique_ptr<ExtensionFormModel::Node> ExtensionFormModel::build(const JsonTextSpans::Span &span,
                                                                    const JsonTextSpans &spans, Node *parent, int row)
{
    auto node = std::make_unique<Node>();
    node->parent = parent;
    fill(node.get(), span, spans, row);
    return node;
}

void ExtensionFormModel::fill(Node *node, const JsonTextSpans::Span &span, const JsonTextSpans &spans, int row)
{
    node->hasKey = span.hasKey;
    node->key = span.hasKey ? span.key : u"[%1]"_s.arg(row);
    node->kind = span.kind;
    node->exact = span.isContainer() ? QString::number(span.children.size()) : spans.valueText(span);
    node->stringValue = spans.stringValue(span);
    node->children.clear();
    for (size_t i = 0; i < span.children.size(); ++i)
        node->children.push_back(build(span.children[i], spans, node, int(i)));
}

// Brings the nodes up to the text after an edit whose row changes were already made and
// announced; what differs is announced with dataChanged. False when the shapes differ.
bool ExtensionFormModel::sync(Node *node, const JsonTextSpans::Span &span, const JsonTextSpans &spans, int row)
{
    if (node->children.size() != span.children.size())
        return false;
    const QString key = span.hasKey ? span.key : u"[%1]"_s.arg(row);
    const QString exact = span.isContainer() ? QString::number(span.children.size()) : spans.valueText(span);
    if (node->key != key || node->kind != span.kind || node->exact != exact) {
        node->hasKey = span.hasKey;
        node->key = key;
        node->kind = span.kind;
        node->exact = exact;
        node->stringValue = spans.stringValue(span);
        if (node != m_root.get())
            Q_EMIT dataChanged(indexOf(node, KeyColumn), indexOf(node, ValueColumn));
    }
    for (size_t i = 0; i < span.children.size(); ++i) {
        if (!sync(node->children[i].get(), span.children[i], spans, int(i)))
            return false;
    }
    return true;
}

ExtensionFormModel::Node *ExtensionFormModel::nodeAt(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

int ExtensionFormModel::rowOf(const Node *node)
{
    if (!node->parent)
        return 0;
    const auto &siblings = node->parent->children;
    for (size_t i = 0; i < siblings.size(); ++i) {
        if (siblings[i].get() == node)
            return int(i);
    }
    return -1;
}

QModelIndex ExtensionFormModel::indexOf(const Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(rowOf(node), column, const_cast<Node *>(node));
}

ExtensionFormModel::Kind ExtensionFormModel::kind(const QModelIndex &index) const
{
    return nodeAt(index)->kind;
}

QString ExtensionFormModel::pointer(const QModelIndex &index) const
{
    QString result;
    for (const Node *node = nodeAt(index); node && node != m_root.get(); node = node->parent)
        result.prepend(u'/' + (node->hasKey ? pointerToken(node->key) : QString::number(rowOf(node))));
    return result;
}

QModelIndex ExtensionFormModel::indexForPointer(const QString &pointer, int column) const
{
    if (!pointer.startsWith(u'/'))
        return {};
    const Node *node = m_root.get();
    for (QString token : pointer.sliced(1).split(u'/')) {
        token.replace(u"~1"_s, u"/"_s).replace(u"~0"_s, u"~"_s);
        const Node *next = nullptr;
        for (size_t i = 0; i < node->children.size() && !next; ++i) {
            const Node *child = node->children[i].get();
            if (child->hasKey ? child->key == token : QString::number(i) == token)
                next = child;
        }
        if (!next)
            return {};
        node = next;
    }
    return indexOf(node, column);
}

QString ExtensionFormModel::nameOf(const Node *node) const
{
    return quotedName(node->hasKey ? node->key : pointer(indexOf(node)));
}

// Edits address members by name, and a name that is there twice reaches only the last one.
bool ExtensionFormModel::isAmbiguous(const Node *node) const
{
    if (!node->hasKey || !node->parent)
        return false;
    int count = 0;
    for (const auto &sibling : node->parent->children)
        count += sibling->key == node->key ? 1 : 0;
    return count > 1;
}

QString ExtensionFormModel::keyProblem(const QModelIndex &index, const QString &key) const
{
    const Node *node = nodeAt(index);
    if (key.isEmpty())
        return tr("A key cannot be empty.");
    if (!node->parent)
        return {};
    for (const auto &sibling : node->parent->children) {
        if (sibling.get() != node && sibling->hasKey && sibling->key == key)
            return tr("This object already has a key named %1.").arg(quotedName(key));
    }
    return {};
}

QModelIndex ExtensionFormModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, nodeAt(parent.siblingAtColumn(KeyColumn))->children[size_t(row)].get());
}

QModelIndex ExtensionFormModel::parent(const QModelIndex &child) const
{
    return child.isValid() ? indexOf(nodeAt(child)->parent) : QModelIndex();
}

int ExtensionFormModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != KeyColumn)
        return 0;
    return int(nodeAt(parent)->children.size());
}

int ExtensionFormModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ExtensionFormModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeAt(index);
    if (role == KindRole)
        return int(node->kind);
    if (role == PointerRole)
        return pointer(index);
    if (m_schema) {
        if (QVariant shown = schemaData(node, index, role); shown.isValid())
            return shown;
    }
    switch (index.column()) {
    case KeyColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return node->key;
        break;
    case TypeColumn:
        if (role == Qt::DisplayRole)
            return kindName(node->kind);
        if (role == Qt::EditRole)
            return int(node->kind);
        break;
    case ValueColumn:
        if (role == Qt::CheckStateRole && node->kind == Kind::Boolean)
            return node->exact == u"true"_s ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::DisplayRole || role == Qt::EditRole || role == Qt::ToolTipRole) {
            switch (node->kind) {
            case Kind::String: return node->stringValue;
            case Kind::Object: return tr("{%n keys}", nullptr, int(node->children.size()));
            case Kind::Array: return tr("[%n items]", nullptr, int(node->children.size()));
            default: return node->exact;
            }
        }
        break;
    default: break;
    }
    return {};
}

Qt::ItemFlags ExtensionFormModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == KeyColumn && !nodeAt(index)->isContainer())
        result |= Qt::ItemNeverHasChildren; // an empty object or array can get children
    if (m_readOnly)
        return result;
    const Node *node = nodeAt(index);
    switch (index.column()) {
    case KeyColumn:
        if (node->hasKey)
            result |= Qt::ItemIsEditable;
        break;
    case TypeColumn: result |= Qt::ItemIsEditable; break;
    case ValueColumn:
        if (node->kind == Kind::String || node->kind == Kind::Integer || node->kind == Kind::Number)
            result |= Qt::ItemIsEditable;
        else if (node->kind == Kind::Boolean)
            result |= Qt::ItemIsUserCheckable;
        break;
    default: break;
    }
    return result;
}

QVariant ExtensionFormModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn: return tr("Key");
    case TypeColumn: return tr("Type");
    case ValueColumn: return tr("Value");
    default: return {};
    }
}

} // namespace convdesk
