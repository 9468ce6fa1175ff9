#include "models/ConversationFilterModel.h"

#include "models/ConversationTreeModel.h"
#include "models/TreeTextMatcher.h"

#include <QPromise>
#include <QThreadPool>
#include <QVarLengthArray>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <limits>

namespace convdesk {

namespace {

// The rows from the root down to a source index, as TreeFilterMatches names a node.
QVarLengthArray<int, 32> rowsTo(const QModelIndex &index)
{
    QVarLengthArray<int, 32> rows;
    for (QModelIndex at = index; at.isValid(); at = at.parent())
        rows.append(at.row());
    std::reverse(rows.begin(), rows.end());
    return rows;
}

} // namespace

ConversationFilterModel::ConversationFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
}

ConversationFilterModel::~ConversationFilterModel()
{
    cancelSearch();
}

void ConversationFilterModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    cancelSearch();
    for (const QMetaObject::Connection &connection : std::as_const(m_sourceConnections))
        disconnect(connection);
    m_sourceConnections.clear();
    m_matches.reset();
    m_tree = qobject_cast<ConversationTreeModel *>(sourceModel);
    // The search knows ancestors and descendants of matches itself. Left on, both options
    // make the proxy walk every hidden row's subtree (all 458,000 values of an 8 MB document
    // for a rare needle) on the GUI thread.
    setRecursiveFilteringEnabled(!m_tree);
    setAutoAcceptChildRows(!m_tree);
    if (m_tree) {
        // Connected before the proxy's own handlers, so that a new document's matches are
        // there when the proxy rebuilds its rows.
        m_sourceConnections << connect(m_tree, &QAbstractItemModel::modelAboutToBeReset, this,
                                       &ConversationFilterModel::sourceAboutToReset);
        m_sourceConnections << connect(m_tree, &QAbstractItemModel::modelReset, this,
                                       &ConversationFilterModel::sourceReset);
    }
    QSortFilterProxyModel::setSourceModel(sourceModel);
    if (m_tree) {
        // After the proxy's handlers: the pending server_extension changed (its rows were
        // replaced, then dataChanged); the rows it added were filtered with the old matches.
        m_sourceConnections << connect(m_tree, &QAbstractItemModel::dataChanged, this, [this] {
            if (!m_filterText.isEmpty())
                search(true);
        });
        m_sourceConnections << connect(m_tree, &QAbstractItemModel::modelReset, this, [this] {
            if (std::exchange(m_announceAfterReset, false))
                Q_EMIT filterFinished(m_filterText);
        });
    }
    if (!m_filterText.isEmpty())
        search(true);
}

void ConversationFilterModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filterText)
        return;
    m_filterText = trimmed;
    Q_EMIT filterTextChanged(m_filterText);
    search(true);
}

void ConversationFilterModel::setThreadPool(QThreadPool *pool)
{
    m_pool = pool;
}

void ConversationFilterModel::search(bool invalidate)
{
    cancelSearch();
    const bool ready = [this] {
        if (m_filterText.isEmpty() || !m_tree) {
            m_matches.reset();
            return true;
        }
        TreeFilterJob job{m_tree->documentIndex(), m_tree->documentRoot(), std::nullopt, m_filterText};
        if (const auto pending = m_tree->pendingServerExtension())
            job.pendingServerExtension = Json::toStdString(*pending);
        if (!job.document || TreeTextMatcher::countValues(*job.document, job.root, SynchronousLimit + 1) <= SynchronousLimit) {
            m_matches = TreeTextMatcher::run(job);
            return true;
        }

        // The worker holds its own reference to the document, which nobody changes: the
        // model may drop it, or this filter may be gone, before the search ends.
        m_running = new Watcher(this);
        m_runningTotal = 0;
        connect(m_running, &Watcher::progressRangeChanged, this, [this](int, int total) { m_runningTotal = total; });
        connect(m_running, &Watcher::progressValueChanged, this, [this](int visited) {
            Q_EMIT filterProgress(visited, m_runningTotal);
        });
        connect(m_running, &Watcher::finished, this, [this, watcher = m_running] { applySearch(watcher); });
        QThreadPool *pool = m_pool ? m_pool : QThreadPool::globalInstance();
        m_running->setFuture(QtConcurrent::run(pool, [job = std::move(job)](QPromise<TreeFilterMatches> &promise) {
            const int total = int(TreeTextMatcher::countValues(*job.document, job.root, std::numeric_limits<int>::max()));
            promise.setProgressRange(0, total);
            auto matches = TreeTextMatcher::run(job, [&promise, total](qint64 visited) {
                promise.setProgressValue(int(std::min<qint64>(visited, total)));
                return !promise.isCanceled(); // the next keystroke cancels
            });
            if (matches)
                promise.addResult(std::move(*matches));
        }));
        Q_EMIT filterStarted(m_filterText);
        return false;
    }();
    if (!ready)
        return;
    if (invalidate) {
        invalidateFilter();
        Q_EMIT filterFinished(m_filterText);
    }
}

void ConversationFilterModel::cancelSearch()
{
    if (!m_running)
        return;
    // Its result is never applied: the watcher is gone before the worker could report.
    m_running->disconnect(this);
    m_running->future().cancel();
    m_running->deleteLater();
    m_running = nullptr;
}

void ConversationFilterModel::applySearch(Watcher *watcher)
{
    if (watcher != m_running)
        return; // superseded: cancelled, but it had already finished
    m_running = nullptr;
    watcher->deleteLater();
    QFuture<TreeFilterMatches> future = watcher->future();
    if (future.isCanceled() || future.resultCount() == 0)
        return;
    m_matches = future.takeResult();
    invalidateFilter();
    Q_EMIT filterFinished(m_filterText);
}

void ConversationFilterModel::sourceAboutToReset()
{
    cancelSearch();
    m_matches.reset(); // names rows of the old document
}

void ConversationFilterModel::sourceReset()
{
    // Before the proxy rebuilds its rows: a small document's matches are ready for it, and
    // filterFinished() follows once it has.
    if (m_filterText.isEmpty())
        return;
    search(false);
    m_announceAfterReset = !isFiltering();
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

bool ConversationFilterModel::hasMatchBelow(const QModelIndex &sourceIndex) const
{
    if (m_filterText.isEmpty() || !sourceIndex.isValid())
        return false;
    if (!m_tree || !m_matches)
        return false;
    return m_matches->hasMatchBelow(rowsTo(sourceIndex));
}

bool ConversationFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filterText.isEmpty())
        return true;
    if (!m_tree)
        return rowMatches(sourceRow, sourceParent);
    if (!m_matches)
        return false; // a new document, still being searched
    QVarLengthArray<int, 32> rows = rowsTo(sourceParent);
    rows.append(sourceRow);
    return m_matches->accepts(rows);
}

} // namespace convdesk
