#pragma once

#include "models/TreeFilterMatches.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QSortFilterProxyModel>

#include <optional>

class QThreadPool;

namespace convdesk {

class ConversationTreeModel;

// Filters a ConversationTreeModel by text, case-insensitively, keeping the server's order.
// A row matches when its key, its displayed value or its raw JSON contains the text
// (containers match by key only: their raw JSON holds every descendant, so they would
// always match). Ancestors of a match stay visible, and so do the descendants of a
// container whose key matches.
//
// Decoded children (the JSON inside a string such as server_extension) are searched too, and
// such a string matches by key only, like a container.
//
// The search walks the tree model's document itself (TreeTextMatcher), not the model's rows,
// and never copies it: the document is immutable and shared. A document of more than
// SynchronousLimit values is searched on a worker thread, so typing never waits for it:
// until the result comes, the tree shows what it showed before; filterProgress() reports
// how far it got, and a new filter text (or document) cancels it, its result never applied.
// filterFinished() says when the rows shown follow the current text. A smaller document is
// searched at once, within setFilterText().
//
// Over another source model than a ConversationTreeModel, every row is asked through
// rowMatches() on the GUI thread, as before.
class ConversationFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    // About 1 MB of JSON (57,000 values) is searched in a few ms; more goes to a worker.
    static constexpr qint64 SynchronousLimit = 50000;

    explicit ConversationFilterModel(QObject *parent = nullptr);
    ~ConversationFilterModel() override;

    void setSourceModel(QAbstractItemModel *sourceModel) override;

    QString filterText() const { return m_filterText; }
    void setFilterText(const QString &text);

    // Where large documents are searched (not owned); the global pool by default.
    void setThreadPool(QThreadPool *pool);
    // True while a search runs on the worker thread (its result not shown yet).
    bool isFiltering() const { return m_running != nullptr; }

    // Whether the source row itself matches the filter text (ignoring its relatives), asked
    // of the source model's data(): the reference the fast search is checked against, and
    // the filter over any other source model.
    bool rowMatches(int sourceRow, const QModelIndex &sourceParent) const;
    // Whether a node below this source index matches (the filter opens it to show the match).
    bool hasMatchBelow(const QModelIndex &sourceIndex) const;

Q_SIGNALS:
    void filterTextChanged(const QString &text);
    // A search of a large document started on the worker thread, or made progress (values
    // visited of `total`).
    void filterStarted(const QString &text);
    void filterProgress(qint64 visited, qint64 total);
    // The rows shown now follow `text` (also for an empty text, and after a new document or
    // pending server_extension was searched).
    void filterFinished(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    using Watcher = QFutureWatcher<TreeFilterMatches>;

    // Searches the source's document for the current text: at once when small (then
    // invalidates the filter when `invalidate`), otherwise on the worker thread.
    void search(bool invalidate);
    void cancelSearch();
    void applySearch(Watcher *watcher);
    void sourceAboutToReset();
    void sourceReset();

    QString m_filterText;
    QPointer<ConversationTreeModel> m_tree;
    QList<QMetaObject::Connection> m_sourceConnections;
    std::optional<TreeFilterMatches> m_matches; // for m_filterText; none: nothing shown yet
    Watcher *m_running = nullptr;
    qint64 m_runningTotal = 0;
    QThreadPool *m_pool = nullptr;
    bool m_announceAfterReset = false;
};

} // namespace convdesk
