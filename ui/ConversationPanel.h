#pragma once

#include "json/JsonDocument.h"
#include "json/JsonTextEditor.h"
#include "json/SharedJson.h"

#include <QStringList>
#include <QWidget>

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QModelIndex;
class QPlainTextEdit;
class QProgressBar;
class QTabWidget;
class QTimer;
class QTreeView;

namespace convdesk {

class ConversationFilterModel;
class ConversationTreeModel;
class TreeColumnSizer;

// The loaded conversation: a filterable Key / Value / Type tree and, on a second tab, the raw
// JSON pretty-printed in the server's key order. Which nodes are expanded and which one is
// current survive a reload, by JSON path.
//
// The keys decoded from server_extension are edited in place (double-click, F2 or Enter on
// the row): the panel changes nothing itself but asks for the edit with
// serverExtensionEditRequested(); whoever holds the edited text shows the result with
// setPendingServerExtension().
class ConversationPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationPanel)
public:
    // Above this many rows the filter stops expanding matches, so a huge document stays usable.
    // (A large document is searched on a worker thread; `filterProgress` shows how far.)
    static constexpr int MaxRowsWalkedForExpansion = 20000;
    // Above about this much JSON text the Raw JSON tab is filled when it is opened: a
    // multi-megabyte QTextDocument takes seconds and hundreds of MB (docs/benchmarks.md).
    static constexpr qsizetype RawJsonShownAtOnce = 256 * 1024;

    explicit ConversationPanel(QWidget *parent = nullptr);
    ~ConversationPanel() override;

    // Shows the document itself, shared with whoever holds it (the session): never copied.
    void setConversation(SharedJson conversation);
    void setConversation(const OrderedJson &conversation); // shows a copy
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

    // Shows `text` as server_extension's value in the tree, marked where it differs from the
    // loaded one (nullopt: the loaded value); expanded nodes stay expanded where their paths
    // still exist. setConversation() shows the loaded value: call this again after it.
    void setPendingServerExtension(const std::optional<QString> &text);

    // An action about the whole conversation (Copy link), offered in the tree's context
    // menu after the copy actions of the row.
    void addConversationAction(QAction *action);

Q_SIGNALS:
    // Something went to the clipboard; `message` says what, for a short note ("Value copied.").
    void copied(const QString &message);
    void serverExtensionEditRequested(const convdesk::JsonTextEditor::Edit &edit);
    void editRefused(const QString &message);

public Q_SLOTS:
    void copyValue();
    void copyPath();
    void copySubtree();
    void focusFilter();
    void setFilterText(const QString &text); // as if typed; applied at once

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool editValueOfRow(const QModelIndex &index); // a proxy index in any column
    QModelIndex currentSourceIndex() const;
    QModelIndex proxyIndexForPath(const QString &path) const;
    void applyFilter();
    void showFilterResult(); // the filter model's rows follow the text now
    void expandMatches();
    void restoreExpanded(const QStringList &paths);
    void updateActions();
    void fillRawJson();

    ConversationTreeModel *m_model;
    ConversationFilterModel *m_filter;
    QTabWidget *m_tabs;
    QLineEdit *m_filterEdit;
    QProgressBar *m_filterProgress;
    QLabel *m_emptyHint;
    QTreeView *m_tree;
    QPlainTextEdit *m_raw;
    QTimer *m_filterDelay;
    TreeColumnSizer *m_columns = nullptr;
    QAction *m_copyValue;
    QAction *m_copyPath;
    QAction *m_copySubtree;
    QStringList m_expandedBeforeFilter;
    QString m_currentBeforeFilter; // the node to show again once the filter's rows are there
    bool m_filterTyped = false;    // the result awaited is for a text typed here
    bool m_hasExpandedBefore = false; // false until the first conversation was shown
    bool m_rawJsonStale = false;      // the Raw JSON tab waits to be opened
};

} // namespace convdesk
