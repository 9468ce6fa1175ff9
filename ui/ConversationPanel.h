#pragma once

#include "json/JsonDocument.h"

#include <QStringList>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QModelIndex;
class QPlainTextEdit;
class QTabWidget;
class QTimer;
class QTreeView;

namespace convdesk {

class ConversationFilterModel;
class ConversationTreeModel;

// The loaded conversation, read-only: a filterable Key / Value / Type tree and, on a second
// tab, the raw JSON pretty-printed in the server's key order. Which nodes are expanded and
// which one is current survive a reload, by JSON path.
class ConversationPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationPanel)
public:
    // Above this many rows the filter stops expanding matches, so a huge document stays usable.
    static constexpr int MaxRowsWalkedForExpansion = 20000;
    // Above about this much JSON text the Raw JSON tab is filled when it is opened: a
    // multi-megabyte QTextDocument takes seconds and hundreds of MB (docs/benchmarks.md).
    static constexpr qsizetype RawJsonShownAtOnce = 256 * 1024;

    explicit ConversationPanel(QWidget *parent = nullptr);
    ~ConversationPanel() override;

    void setConversation(const OrderedJson &conversation);
    void clear();
    bool hasConversation() const;

    ConversationTreeModel *treeModel() const { return m_model; }
    ConversationFilterModel *filterModel() const { return m_filter; }
    QTreeView *treeView() const { return m_tree; }

    QStringList expandedPaths() const;
    // Expands the node at `path` and its ancestors; false when it is not in the tree (or
    // hidden by the filter).
    bool expandPath(const QString &path);
    QString currentPath() const; // empty when nothing is current
    bool setCurrentPath(const QString &path);

public Q_SLOTS:
    void copyValue();
    void copyPath();
    void copySubtree();
    void focusFilter();
    void setFilterText(const QString &text); // as if typed; applied at once

private:
    QModelIndex currentSourceIndex() const;
    QModelIndex proxyIndexForPath(const QString &path) const;
    void applyFilter();
    void expandMatches();
    void restoreExpanded(const QStringList &paths);
    void resizeColumns();
    void updateActions();
    void fillRawJson();

    ConversationTreeModel *m_model;
    ConversationFilterModel *m_filter;
    QTabWidget *m_tabs;
    QLineEdit *m_filterEdit;
    QLabel *m_emptyHint;
    QTreeView *m_tree;
    QPlainTextEdit *m_raw;
    QTimer *m_filterDelay;
    QTimer *m_keyColumnResize = nullptr; // one column sizing after a burst of expansions
    QAction *m_copyValue;
    QAction *m_copyPath;
    QAction *m_copySubtree;
    QStringList m_expandedBeforeFilter;
    bool m_hasExpandedBefore = false; // false until the first conversation was shown
    bool m_rawJsonStale = false;      // the Raw JSON tab waits to be opened
};

} // namespace convdesk
