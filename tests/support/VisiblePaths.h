#pragma once

#include "models/ConversationTreeModel.h"

#include <QAbstractItemModel>
#include <QStringList>

namespace convdesk::test {

// Every row a model shows, as paths, depth first in model order.
inline QStringList visiblePaths(const QAbstractItemModel &model, const QModelIndex &parent = QModelIndex())
{
    QStringList paths;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        paths << index.data(ConversationTreeModel::PathRole).toString();
        paths << visiblePaths(model, index);
    }
    return paths;
}

} // namespace convdesk::test
