#include "models/ConversationFilterModel.h"

#include "models/ConversationTreeModel.h"

namespace convdesk {

ConversationFilterModel::ConversationFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
}

void ConversationFilterModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filterText)
        return;
    m_filterText = trimmed;
    invalidateFilter();
    Q_EMIT filterTextChanged(m_filterText);
}

bool ConversationFilterModel::rowMatches(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *source = sourceModel();
    if (!source)
        return false;
    const QModelIndex keyIndex = source->index(sourceRow, ConversationTreeModel::KeyColumn, sourceParent);
    if (keyIndex.data(Qt::DisplayRole).toString().contains(m_filterText, Qt::CaseInsensitive))
        return true;
    // A string holding JSON is searched like a container, through its decoded children: by
    // its whole text it would match, and show all its children, for any key or value inside.
    if (keyIndex.data(ConversationTreeModel::IsContainerRole).toBool() || source->rowCount(keyIndex) > 0)
        return false;
    const QModelIndex valueIndex = keyIndex.siblingAtColumn(ConversationTreeModel::ValueColumn);
    return valueIndex.data(Qt::DisplayRole).toString().contains(m_filterText, Qt::CaseInsensitive)
        || keyIndex.data(ConversationTreeModel::RawValueRole).toString().contains(m_filterText, Qt::CaseInsensitive);
}

bool ConversationFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    return m_filterText.isEmpty() || rowMatches(sourceRow, sourceParent);
}

} // namespace convdesk
