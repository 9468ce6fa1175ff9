#include "models/SortingProxyModel.h"

namespace convdesk {

SortingProxyModel::SortingProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

SortingProxyModel::~SortingProxyModel() = default;

void SortingProxyModel::multiData(const QModelIndex &index, QModelRoleDataSpan roleDataSpan) const
{
    // As data() does: an index of this proxy maps to its source's, or there is nothing.
    const QModelIndex source = mapToSource(index);
    if (!sourceModel() || !source.isValid()) {
        for (QModelRoleData &roleData : roleDataSpan)
            roleData.clearData();
        return;
    }
    sourceModel()->multiData(source, roleDataSpan);
}

} // namespace convdesk
