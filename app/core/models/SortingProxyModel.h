#pragma once

#include <QSortFilterProxyModel>

namespace convdesk {

// A QSortFilterProxyModel that hands a view's multiData() to its source in one call. Qt 6.4's
// proxies answer it role by role (nine data() calls, each mapping the index again), which made
// painting the account browser slower than a plain table (perf, tests/bench list scenario).
class SortingProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SortingProxyModel)
public:
    explicit SortingProxyModel(QObject *parent = nullptr);
    ~SortingProxyModel() override;

    void multiData(const QModelIndex &index, QModelRoleDataSpan roleDataSpan) const override;
};

} // namespace convdesk
