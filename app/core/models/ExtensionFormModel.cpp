#include "models/ExtensionFormModel.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace convdesk {

namespace {

using Edit = JsonTextEditor::Edit;

// Text that starts like an object or array is meant to be JSON; anything else is free text.
bool looksLikeJson(const QString &text)
{
    for (QChar c : text) {
        if (!c.isSpace())
            return c == u'{' || c == u'[';
    }
    return false;
}

QString pointerToken(QString key)
{
    return key.replace(u"~"_s, u"~0"_s).replace(u"/"_s, u"~1"_s);
}

QString quotedName(const QString &name)
{
    return ExtensionFormModel::tr("“%1”").arg(name);
}

} // namespace

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

std::optional<JsonTextSpans> ExtensionFormModel::edited(const QList<Edit> &edits, const Node *target)
{
    if (m_readOnly || !isAvailable())
        return std::nullopt;
    if (target && isAmbiguous(target)) {
        Q_EMIT editRefused(tr("This object has the key %1 more than once, so the form cannot tell which one to "
                              "edit. Edit it as text.")
                               .arg(quotedName(target->key)));
        return std::nullopt;
    }
    QString error;
    const QString base = m_text.trimmed().isEmpty() ? u"{}"_s : m_text;
    const std::optional<QString> result = JsonTextEditor::apply(base, edits, &error);
    if (!result) {
        Q_EMIT editRefused(tr("The change cannot be made: %1").arg(error));
        return std::nullopt;
    }
    m_text = *result;
    return JsonTextSpans::scan(m_text);
}

void ExtensionFormModel::commit(JsonTextSpans spans, const QString &description)
{
    if (!sync(m_root.get(), spans.root(), spans, 0)) {
        // Cannot happen while every row change above matches its edit; stay correct anyway.
        beginResetModel();
        rebuild();
        endResetModel();
    }
    Q_EMIT textEdited(m_text, description);
}

const JsonTextSpans::Span &ExtensionFormModel::spanFor(const JsonTextSpans &spans, const Node *node)
{
    std::vector<int> rows;
    for (; node->parent; node = node->parent)
        rows.insert(rows.begin(), rowOf(node));
    const JsonTextSpans::Span *span = &spans.root();
    for (const int row : rows)
        span = &span->children[size_t(row)];
    return *span;
}

bool ExtensionFormModel::hasMember(const Node *object, const QString &name)
{
    return std::any_of(object->children.cbegin(), object->children.cend(),
                       [&](const auto &child) { return child->hasKey && child->key == name; });
}

QModelIndex ExtensionFormModel::insertRow(Node *parent, const Edit &edit, const QString &description)
{
    auto spans = edited({edit}, nullptr);
    if (!spans)
        return {};
    const int row = int(parent->children.size());
    const JsonTextSpans::Span &span = spanFor(*spans, parent).children[size_t(row)];
    beginInsertRows(indexOf(parent), row, row);
    parent->children.push_back(build(span, *spans, parent, row));
    endInsertRows();
    commit(std::move(*spans), description);
    return indexOf(parent->children[size_t(row)].get());
}

QModelIndex ExtensionFormModel::addKey(const QModelIndex &object)
{
    Node *parent = nodeAt(object.siblingAtColumn(KeyColumn));
    if (parent->kind != Kind::Object)
        return {};
    QString name = u"new_key"_s;
    for (int suffix = 2; hasMember(parent, name); ++suffix)
        name = u"new_key_%1"_s.arg(suffix);
    const QString where = pointer(indexOf(parent)) + u'/' + pointerToken(name);
    return insertRow(parent, Edit::insertJson(where, u"\"\""_s), tr("Add %1").arg(quotedName(name)));
}

QModelIndex ExtensionFormModel::addItem(const QModelIndex &array)
{
    Node *parent = nodeAt(array.siblingAtColumn(KeyColumn));
    if (!array.isValid() || parent->kind != Kind::Array)
        return {};
    const QString where = pointer(indexOf(parent)) + u"/-"_s;
    return insertRow(parent, Edit::insertJson(where, u"\"\""_s),
                     tr("Add an item to %1").arg(nameOf(parent)));
}

bool ExtensionFormModel::removeRows(int row, int count, const QModelIndex &parent)
{
    Node *container = nodeAt(parent.siblingAtColumn(KeyColumn));
    if (row < 0 || count < 1 || size_t(row + count) > container->children.size())
        return false;
    QList<Edit> edits;
    for (int i = row + count - 1; i >= row; --i) { // from the end: earlier positions stay valid
        const Node *child = container->children[size_t(i)].get();
        if (isAmbiguous(child))
            return bool(edited({}, child)); // refused, with the reason
        edits.append(Edit::remove(pointer(indexOf(child))));
    }
    const QString description = count == 1 ? tr("Remove %1").arg(nameOf(container->children[size_t(row)].get()))
                                           : tr("Remove %n rows", nullptr, count);
    auto spans = edited(edits, nullptr);
    if (!spans)
        return false;
    beginRemoveRows(parent.siblingAtColumn(KeyColumn), row, row + count - 1);
    container->children.erase(container->children.begin() + row, container->children.begin() + row + count);
    endRemoveRows();
    commit(std::move(*spans), description);
    return true;
}

bool ExtensionFormModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                                  const QModelIndex &destinationParent, int destinationChild)
{
    Node *parent = nodeAt(sourceParent.siblingAtColumn(KeyColumn));
    if (parent != nodeAt(destinationParent.siblingAtColumn(KeyColumn)))
        return false;
    const QString name = sourceRow >= 0 && size_t(sourceRow) < parent->children.size()
        ? nameOf(parent->children[size_t(sourceRow)].get())
        : QString();
    return moveWithin(parent, sourceRow, count, destinationChild, count == 1 ? tr("Move %1").arg(name)
                                                                              : tr("Move %n rows", nullptr, count));
}

bool ExtensionFormModel::moveUp(const QModelIndex &index)
{
    const Node *node = nodeAt(index);
    if (!index.isValid() || rowOf(node) < 1)
        return false;
    return moveWithin(node->parent, rowOf(node), 1, rowOf(node) - 1, tr("Move %1 up").arg(nameOf(node)));
}

bool ExtensionFormModel::moveDown(const QModelIndex &index)
{
    const Node *node = nodeAt(index);
    if (!index.isValid() || size_t(rowOf(node)) + 1 >= node->parent->children.size())
        return false;
    return moveWithin(node->parent, rowOf(node), 1, rowOf(node) + 2, tr("Move %1 down").arg(nameOf(node)));
}

// Moves rows [row, row + count) to before `destination` (numbered as before the move).
bool ExtensionFormModel::moveWithin(Node *parent, int row, int count, int destination, const QString &description)
{
    const int size = int(parent->children.size());
    if (row < 0 || count < 1 || row + count > size || destination < 0 || destination > size
        || (destination >= row && destination <= row + count))
        return false;
    QList<Edit> edits;
    QStringList pointers;
    for (int i = row; i < row + count; ++i) {
        const Node *child = parent->children[size_t(i)].get();
        if (isAmbiguous(child))
            return bool(edited({}, child)); // refused, with the reason
        pointers.append(pointer(indexOf(child)));
    }
    const QString parentPointer = pointer(indexOf(parent));
    const bool isArray = parent->kind == Kind::Array;
    // One member at a time; an element's pointer is its position at that moment.
    for (int i = 0; i < count; ++i) {
        const int from = destination > row ? row : row + i;
        const int to = destination > row ? destination - 1 : destination + i;
        const QString key = isArray ? parentPointer + u'/' + QString::number(from) : pointers.at(i);
        edits.append(Edit::move(key, to));
    }
    auto spans = edited(edits, nullptr);
    if (!spans)
        return false;
    const QModelIndex parentIndex = indexOf(parent);
    beginMoveRows(parentIndex, row, row + count - 1, parentIndex, destination);
    auto &children = parent->children;
    if (destination > row)
        std::rotate(children.begin() + row, children.begin() + row + count, children.begin() + destination);
    else
        std::rotate(children.begin() + destination, children.begin() + row, children.begin() + row + count);
    endMoveRows();
    commit(std::move(*spans), description);
    return true;
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
    if (index.column() == KeyColumn && nodeAt(index)->children.empty())
        result |= Qt::ItemNeverHasChildren;
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

bool ExtensionFormModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || !(flags(index) & (Qt::ItemIsEditable | Qt::ItemIsUserCheckable)))
        return false;
    Node *node = nodeAt(index);
    const QString where = pointer(index);
    if (index.column() == KeyColumn && role == Qt::EditRole) {
        const QString key = value.toString();
        if (key == node->key)
            return true;
        if (const QString problem = keyProblem(index, key); !problem.isEmpty()) {
            Q_EMIT editRefused(problem);
            return false;
        }
        const QString oldKey = node->key;
        auto spans = edited({Edit::rename(where, key)}, node);
        if (!spans)
            return false;
        commit(std::move(*spans), tr("Rename %1 to %2").arg(quotedName(oldKey), quotedName(key)));
        return true;
    }
    if (index.column() == TypeColumn && role == Qt::EditRole) {
        bool ok = false;
        const int kindValue = value.toInt(&ok);
        if (!ok || kindValue < int(Kind::String) || kindValue > int(Kind::Array))
            return false;
        const Kind to = Kind(kindValue);
        if (to == node->kind)
            return true;
        auto spans = edited({Edit::changeType(where, to)}, node);
        if (!spans)
            return false;
        if (!node->children.empty()) { // a converted container is empty
            beginRemoveRows(index.siblingAtColumn(KeyColumn), 0, int(node->children.size()) - 1);
            node->children.clear();
            endRemoveRows();
        }
        commit(std::move(*spans), tr("Change %1 to %2").arg(where, kindName(to)));
        return true;
    }
    if (index.column() == ValueColumn)
        return setValue(node, value, role);
    return false;
}

bool ExtensionFormModel::setValue(Node *node, const QVariant &value, int role)
{
    const QString where = pointer(indexOf(node));
    Edit edit;
    if (node->kind == Kind::Boolean && (role == Qt::CheckStateRole || role == Qt::EditRole)) {
        const bool checked = role == Qt::CheckStateRole ? value.toInt() == Qt::Checked : value.toBool();
        edit = Edit::setJson(where, checked ? u"true"_s : u"false"_s);
    } else if (role != Qt::EditRole) {
        return false;
    } else if (node->kind == Kind::String) {
        if (value.toString() == node->stringValue)
            return true;
        edit = Edit::setString(where, value.toString());
    } else if (node->kind == Kind::Integer) {
        const QString text = value.toString().trimmed();
        if (!JsonTextSpans::isInt64(Json::toStdString(text))) {
            Q_EMIT editRefused(tr("%1 is not a whole number from -9223372036854775808 to 9223372036854775807.")
                                   .arg(quotedName(text)));
            return false;
        }
        edit = Edit::setJson(where, text);
    } else if (node->kind == Kind::Number) {
        const QString text = value.toString().trimmed();
        if (!JsonTextSpans::isJsonNumber(Json::toStdString(text))) {
            Q_EMIT editRefused(tr("%1 is not a number as JSON writes one, such as 12, -3.5 or 1e6.")
                                   .arg(quotedName(text)));
            return false;
        }
        edit = Edit::setJson(where, text);
    } else {
        return false;
    }
    if (edit.kind == Edit::Kind::SetJson && edit.value == node->exact)
        return true;
    auto spans = edited({edit}, node);
    if (!spans)
        return false;
    commit(std::move(*spans), tr("Set %1").arg(where));
    return true;
}

} // namespace convdesk
