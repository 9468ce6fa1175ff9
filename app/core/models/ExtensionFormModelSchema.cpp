#include "models/ExtensionFormModel.h"

#include <QFont>

#include <algorithm>

using namespace Qt::StringLiterals;

// ExtensionFormModel with a team schema: labels, marks and errors of the rows, and the
// schema's fields to add.
namespace convdesk {

using Edit = JsonTextEditor::Edit;

namespace {

// The value a new field starts with when the schema gives no default: its type's empty one.
QString emptyJsonFor(const QStringList &types)
{
    const QString type = types.value(0);
    if (type == u"integer"_s || type == u"number"_s)
        return u"0"_s;
    if (type == u"boolean"_s)
        return u"false"_s;
    if (type == u"object"_s)
        return u"{}"_s;
    if (type == u"array"_s)
        return u"[]"_s;
    if (type == u"null"_s)
        return u"null"_s;
    return u"\"\""_s;
}

} // namespace

void ExtensionFormModel::setSchema(std::shared_ptr<const ExtensionSchema> schema)
{
    m_schema = std::move(schema);
    // Labels, marks and tooltips of every row follow the schema.
    announceAll(m_root.get(), {});
    validate();
}

std::optional<SchemaFieldHints> ExtensionFormModel::hints(const QModelIndex &index) const
{
    if (!m_schema)
        return std::nullopt;
    return m_schema->hintsFor(pointer(index));
}

bool ExtensionFormModel::isExtra(const QModelIndex &index) const
{
    return index.isValid() && isExtra(nodeAt(index));
}

bool ExtensionFormModel::isExtra(const Node *node) const
{
    if (!m_schema || !node->hasKey || !node->parent)
        return false;
    const QString parentPointer = pointer(indexOf(node->parent));
    // Only keys of objects the schema speaks about can be outside it.
    if (!parentPointer.isEmpty() && !m_schema->hintsFor(parentPointer))
        return false;
    return !m_schema->hintsFor(pointer(indexOf(node))).has_value();
}

QStringList ExtensionFormModel::missingFields(const QModelIndex &object) const
{
    const Node *node = nodeAt(object.siblingAtColumn(KeyColumn));
    if (!m_schema || !isAvailable() || node->kind != Kind::Object)
        return {};
    QStringList missing;
    for (const QString &name : m_schema->propertyNames(pointer(indexOf(node)))) {
        if (!hasMember(node, name))
            missing << name;
    }
    return missing;
}

QStringList ExtensionFormModel::missingRequired(const QModelIndex &object) const
{
    const Node *node = nodeAt(object.siblingAtColumn(KeyColumn));
    if (!m_schema || !isAvailable() || node->kind != Kind::Object)
        return {};
    QStringList missing;
    for (const QString &name : m_schema->requiredNames(pointer(indexOf(node)))) {
        if (!hasMember(node, name))
            missing << name;
    }
    return missing;
}

QString ExtensionFormModel::initialJson(const QString &objectPointer, const QString &name) const
{
    const auto fieldHints = m_schema ? m_schema->hintsFor(objectPointer + u'/' + pointerToken(name)) : std::nullopt;
    if (!fieldHints)
        return u"\"\""_s;
    if (fieldHints->defaultValue)
        return Json::toText(*fieldHints->defaultValue);
    return emptyJsonFor(fieldHints->types);
}

QModelIndex ExtensionFormModel::addField(const QModelIndex &object, const QString &name)
{
    Node *parent = nodeAt(object.siblingAtColumn(KeyColumn));
    if (parent->kind != Kind::Object || name.isEmpty() || hasMember(parent, name))
        return {};
    const QString parentPointer = pointer(indexOf(parent));
    return insertRow(parent, Edit::insertJson(parentPointer + u'/' + pointerToken(name), initialJson(parentPointer, name)),
                     tr("Add %1").arg(quotedName(name)));
}

int ExtensionFormModel::addRequiredFields(const QModelIndex &object)
{
    Node *parent = nodeAt(object.siblingAtColumn(KeyColumn));
    const QStringList names = missingRequired(object);
    if (names.isEmpty())
        return 0;
    const QString parentPointer = pointer(indexOf(parent));
    QList<Edit> edits;
    for (const QString &name : names)
        edits.append(Edit::insertJson(parentPointer + u'/' + pointerToken(name), initialJson(parentPointer, name)));
    auto spans = edited(edits, nullptr);
    if (!spans)
        return 0;
    const int first = int(parent->children.size());
    const JsonTextSpans::Span &span = spanFor(*spans, parent);
    beginInsertRows(indexOf(parent), first, first + int(names.size()) - 1);
    for (int row = first; row < first + int(names.size()); ++row)
        parent->children.push_back(build(span.children[size_t(row)], *spans, parent, row));
    endInsertRows();
    commit(std::move(*spans), tr("Add %n required fields", nullptr, int(names.size())));
    return int(names.size());
}

void ExtensionFormModel::validate()
{
    QList<SchemaError> errors;
    if (m_schema && isAvailable())
        errors = m_schema->validate(m_text.trimmed().isEmpty() ? u"{}"_s : m_text);
    if (errors == m_schemaErrors)
        return;
    m_schemaErrors = errors;
    announceAll(m_root.get(), {Qt::DecorationRole, Qt::ToolTipRole, SchemaErrorsRole});
    Q_EMIT schemaErrorsChanged();
}

void ExtensionFormModel::announceAll(const Node *node, const QList<int> &roles)
{
    if (node->children.empty())
        return;
    const QModelIndex parentIndex = indexOf(node);
    Q_EMIT dataChanged(index(0, KeyColumn, parentIndex), index(int(node->children.size()) - 1, ValueColumn, parentIndex),
                       roles);
    for (const auto &child : node->children)
        announceAll(child.get(), roles);
}

QStringList ExtensionFormModel::errorsAt(const QString &pointer) const
{
    QStringList messages;
    for (const SchemaError &error : m_schemaErrors) {
        if (error.pointer == pointer)
            messages << error.message;
    }
    return messages;
}

QVariant ExtensionFormModel::schemaData(const Node *node, const QModelIndex &index, int role) const
{
    if (role == SchemaErrorsRole)
        return index.column() == ValueColumn ? errorsAt(pointer(index)) : QStringList();
    const QString where = pointer(index);
    const auto fieldHints = m_schema->hintsFor(where);
    switch (index.column()) {
    case KeyColumn:
        if (role == Qt::DisplayRole && fieldHints && !fieldHints->title.isEmpty() && fieldHints->title != node->key
            && node->hasKey)
            return tr("%1 (%2)").arg(fieldHints->title, node->key);
        if (role == Qt::FontRole && fieldHints && fieldHints->required) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        if (role == Qt::ToolTipRole) {
            QStringList lines{node->key};
            if (fieldHints && !fieldHints->description.isEmpty())
                lines << fieldHints->description;
            if (fieldHints && fieldHints->required)
                lines << tr("Required by the team's schema.");
            if (isExtra(node))
                lines << tr("Not in the team's schema.");
            return lines.join(u'\n');
        }
        break;
    case TypeColumn:
        if (!isExtra(node))
            break;
        if (role == Qt::DisplayRole) {
            return m_schema->allowsAdditionalProperties(pointer(indexOf(node->parent)))
                ? tr("%1 · extra").arg(kindName(node->kind))
                : tr("%1 · not allowed").arg(kindName(node->kind));
        }
        if (role == Qt::ToolTipRole) {
            return m_schema->allowsAdditionalProperties(pointer(indexOf(node->parent)))
                ? tr("The team's schema does not describe this key.")
                : tr("The team's schema allows no keys besides its own: remove this one or rename it.");
        }
        break;
    case ValueColumn:
        if (role == Qt::ToolTipRole) {
            QStringList lines;
            if (fieldHints && !fieldHints->description.isEmpty())
                lines << fieldHints->description;
            lines << errorsAt(where);
            if (!lines.isEmpty())
                return lines.join(u'\n');
        }
        break;
    default: break;
    }
    return {};
}

} // namespace convdesk
