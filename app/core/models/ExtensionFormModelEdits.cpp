#include "models/ExtensionFormModel.h"

#include <algorithm>

using namespace Qt::StringLiterals;

// ExtensionFormModel's edits: each one is made on the text first (JsonTextEditor), then the
// rows are changed to match with the model's row signals, then commit() compares the rest.
namespace convdesk {

using Edit = JsonTextEditor::Edit;

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
    validate(); // before the announcement, so that whoever hears it sees the new errors
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
    if (role == JsonRole) { // a choice from the schema's enum: any JSON scalar
        const QString json = value.toString().trimmed();
        const auto spans = JsonTextSpans::scan(json);
        if (!spans || spans->root().isContainer())
            return false;
        if (json == node->exact)
            return true;
        edit = Edit::setJson(where, json);
    } else if (node->kind == Kind::Boolean && (role == Qt::CheckStateRole || role == Qt::EditRole)) {
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
