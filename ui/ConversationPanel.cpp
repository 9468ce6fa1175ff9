#include "ConversationPanel.h"

#include "ClearButton.h"
#include "ElideModeDelegate.h"
#include "TreeColumnSizer.h"
#include "models/ConversationFilterModel.h"
#include "models/ConversationTreeModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace convdesk {

namespace {

constexpr int PrettyIndent = 2;
constexpr int FilterDelayMs = 150; // typing into a large tree must not refilter per key

QAction *makeAction(const QString &text, const QString &objectName, const QKeySequence &shortcut,
                    QWidget *owner)
{
    auto *action = new QAction(text, owner);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    // Only while the tree has focus: Ctrl+C elsewhere copies selected text as usual.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setShortcutVisibleInContextMenu(true);
    owner->addAction(action);
    return action;
}

// Whether the pretty-printed JSON is roughly within `budget` bytes; stops counting as soon
// as it is not, so a large document costs only the budget's worth of walking.
// Whether the pretty-printed text of `node` is about `budget` characters or less: its text as
// sent plus indentation and a line break per value, known without walking it.
bool jsonTextFits(const JsonIndex &index, JsonIndex::NodeId node, qsizetype budget)
{
    return index.textSpan(node) + 8 * index.descendantCount(node) <= budget;
}

} // namespace

ConversationPanel::ConversationPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new ConversationTreeModel(this))
    , m_filter(new ConversationFilterModel(this))
    , m_tabs(new QTabWidget(this))
    , m_filterEdit(new QLineEdit(this))
    , m_filterProgress(new QProgressBar(this))
    , m_emptyHint(new QLabel(this))
    , m_tree(new QTreeView(this))
    , m_raw(new QPlainTextEdit(this))
    , m_filterDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("conversationPanel"));
    m_filter->setSourceModel(m_model);

    m_filterEdit->setObjectName(QStringLiteral("treeFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter keys and values (Ctrl+F)"));
    ClearButton::enable(m_filterEdit, tr("Clear the filter"));
    m_filterEdit->setAccessibleName(tr("Filter the tree"));
    auto *filterLabel = new QLabel(tr("&Filter:"), this);
    filterLabel->setBuddy(m_filterEdit);
    // Shown while a large document is searched on a worker thread; the tree shows the
    // previous rows meanwhile, and typing goes on (the next text cancels the search).
    m_filterProgress->setObjectName(QStringLiteral("filterProgress"));
    m_filterProgress->setFormat(tr("Filtering… %p%"));
    m_filterProgress->setAccessibleName(tr("Filter progress"));
    m_filterProgress->setMaximumWidth(fontMetrics().horizontalAdvance(m_filterProgress->format()) * 2);
    m_filterProgress->hide();

    m_emptyHint->setObjectName(QStringLiteral("emptyHint"));
    m_emptyHint->setText(tr("No conversation loaded. Enter a conversation ID above and press Load (F5)."));
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setForegroundRole(QPalette::PlaceholderText);

    m_tree->setObjectName(QStringLiteral("conversationTree"));
    m_tree->setModel(m_filter);
    m_tree->setUniformRowHeights(true); // cheap scrolling through long arrays
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_tree->setAccessibleName(tr("Conversation"));
    // Key and Type as wide as their text, Value gets the rest, so the Type column is never
    // pushed out of sight. Type is sized by TreeColumnSizer, not ResizeToContents: that
    // measures ~1000 rows on every expand. A cell too narrow for its text shows both ends
    // (an ID's tail, a path's last key); the tooltip has all of it.
    m_tree->setTextElideMode(Qt::ElideMiddle);
    // Dates and type names are cut at their end instead: the time zone goes before the time.
    m_tree->setItemDelegate(new ElideModeDelegate(ConversationTreeModel::ElideModeRole, m_tree));
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(ConversationTreeModel::KeyColumn, QHeaderView::Interactive);
    m_tree->header()->setSectionResizeMode(ConversationTreeModel::ValueColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(ConversationTreeModel::TypeColumn, QHeaderView::Interactive);

    m_raw->setObjectName(QStringLiteral("rawJsonView"));
    m_raw->setReadOnly(true);
    m_raw->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_raw->setTabChangesFocus(true);
    m_raw->setAccessibleName(tr("Raw JSON"));

    m_copyValue = makeAction(tr("Copy &value"), QStringLiteral("copyValueAction"),
                             QKeySequence(Qt::CTRL | Qt::Key_C), m_tree);
    m_copyPath = makeAction(tr("Copy &path"), QStringLiteral("copyPathAction"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), m_tree);
    m_copySubtree = makeAction(tr("Copy subtree as &JSON"), QStringLiteral("copySubtreeAction"),
                               QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C), m_tree);
    connect(m_copyValue, &QAction::triggered, this, &ConversationPanel::copyValue);
    connect(m_copyPath, &QAction::triggered, this, &ConversationPanel::copyPath);
    connect(m_copySubtree, &QAction::triggered, this, &ConversationPanel::copySubtree);

    auto *treePage = new QWidget(this);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filterEdit, 1);
    filterRow->addWidget(m_filterProgress);
    auto *treeLayout = new QVBoxLayout(treePage);
    treeLayout->addLayout(filterRow);
    treeLayout->addWidget(m_emptyHint);
    treeLayout->addWidget(m_tree, 1);

    m_tabs->setObjectName(QStringLiteral("conversationTabs"));
    m_tabs->addTab(treePage, tr("&Tree"));
    m_tabs->addTab(m_raw, tr("Ra&w JSON"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(FilterDelayMs);
    connect(m_filterDelay, &QTimer::timeout, this, &ConversationPanel::applyFilter);
    connect(m_filterEdit, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_filterEdit, &QLineEdit::returnPressed, this, [this] {
        applyFilter();
        m_tree->setFocus(Qt::ShortcutFocusReason);
    });
    m_columns = new TreeColumnSizer(m_tree);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_rawJsonStale && m_tabs->currentWidget() == m_raw)
            fillRawJson();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ConversationPanel::updateActions);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &ConversationPanel::updateActions);
    connect(m_filter, &ConversationFilterModel::filterStarted, this, [this] {
        m_filterProgress->setRange(0, 0); // busy until the first progress report
        m_filterProgress->show();
    });
    connect(m_filter, &ConversationFilterModel::filterProgress, this, [this](qint64 visited, qint64 total) {
        m_filterProgress->setRange(0, int(total));
        m_filterProgress->setValue(int(std::min(visited, total)));
    });
    connect(m_filter, &ConversationFilterModel::filterFinished, this, &ConversationPanel::showFilterResult);

    connect(m_model, &ConversationTreeModel::serverExtensionEditRequested, this,
            &ConversationPanel::serverExtensionEditRequested);
    connect(m_model, &ConversationTreeModel::editRefused, this, &ConversationPanel::editRefused);
    // Double-clicking the Value cell edits it by itself (DoubleClicked is a default trigger);
    // the other cells of the row edit its value too.
    connect(m_tree, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() != ConversationTreeModel::ValueColumn)
            editValueOfRow(index);
    });
    m_tree->installEventFilter(this);

    clear();
}

ConversationPanel::~ConversationPanel() = default;

void ConversationPanel::setConversation(const OrderedJson &conversation)
{
    setConversation(SharedJson(conversation));
}

void ConversationPanel::setConversation(SharedJson document)
{
    if (document.isNull())
        return clear();
    // Expanded nodes and the current one are kept by path, so a reload (or the next
    // conversation of the same shape) opens where the user was.
    const QStringList expanded = m_hasExpandedBefore ? expandedPaths()
                                                     : QStringList{QStringLiteral("$.last_message")};
    const QString current = currentPath();
    m_model->setDocument(std::move(document));
    if (m_tabs->currentWidget() == m_raw
        || jsonTextFits(*m_model->documentIndex(), m_model->documentRoot(), RawJsonShownAtOnce)) {
        fillRawJson();
    } else {
        m_raw->clear();
        m_rawJsonStale = true;
    }
    m_emptyHint->hide();
    restoreExpanded(expanded); // matches of a filter are opened when its search is done
    m_hasExpandedBefore = true;
    if (!current.isEmpty())
        setCurrentPath(current);
    m_columns->resizeColumns();
    updateActions();
}

void ConversationPanel::clear()
{
    m_model->clear();
    m_raw->clear();
    m_rawJsonStale = false;
    m_emptyHint->show();
    updateActions();
}

bool ConversationPanel::hasConversation() const
{
    return !m_model->sharedDocument().isNull();
}

QStringList ConversationPanel::expandedPaths() const
{
    QStringList paths;
    // Only expanded nodes are walked, so this costs what is on screen.
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int row = 0, rows = m_filter->rowCount(parent); row < rows; ++row) {
            const QModelIndex index = m_filter->index(row, 0, parent);
            if (m_tree->isExpanded(index)) {
                paths << index.data(ConversationTreeModel::PathRole).toString();
                walk(index);
            }
        }
    };
    walk({});
    return paths;
}

QModelIndex ConversationPanel::proxyIndexForPath(const QString &path) const
{
    return m_filter->mapFromSource(m_model->indexForPath(path));
}

bool ConversationPanel::expandPath(const QString &path)
{
    const QModelIndex index = proxyIndexForPath(path);
    if (!index.isValid())
        return false;
    for (QModelIndex at = index; at.isValid(); at = at.parent())
        m_tree->expand(at);
    return true;
}

QString ConversationPanel::currentPath() const
{
    const QModelIndex index = m_tree->currentIndex();
    return index.isValid() ? index.data(ConversationTreeModel::PathRole).toString() : QString();
}

bool ConversationPanel::setCurrentPath(const QString &path)
{
    const QModelIndex index = proxyIndexForPath(path);
    if (!index.isValid())
        return false;
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    return true;
}

void ConversationPanel::addConversationAction(QAction *action)
{
    auto *separator = new QAction(m_tree);
    separator->setSeparator(true);
    m_tree->addAction(separator);
    m_tree->addAction(action);
}

void ConversationPanel::setPendingServerExtension(const std::optional<QString> &text)
{
    if (!hasConversation())
        return;
    // The model replaces server_extension's decoded rows; open again what still exists.
    const QStringList expanded = expandedPaths();
    const QString current = currentPath();
    m_model->setPendingServerExtension(text);
    restoreExpanded(expanded);
    if (!current.isEmpty() && currentPath() != current)
        setCurrentPath(current);
}

bool ConversationPanel::editValueOfRow(const QModelIndex &index)
{
    const QModelIndex value = index.siblingAtColumn(ConversationTreeModel::ValueColumn);
    if (!value.isValid() || !value.flags().testFlag(Qt::ItemIsEditable))
        return false;
    m_tree->setCurrentIndex(value); // the row stays selected (SelectRows)
    m_tree->edit(value);
    return true;
}

bool ConversationPanel::eventFilter(QObject *watched, QEvent *event)
{
    // QTreeView edits the current cell on F2 only (and Enter only activates it); here both
    // edit the row's value, whichever cell of the row is current. An open editor has the
    // focus and its own keys.
    if (watched == m_tree && event->type() == QEvent::KeyPress && m_tree->hasFocus()) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool plain = (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
        const bool editKey = key->key() == Qt::Key_F2 || key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (plain && editKey && editValueOfRow(m_tree->currentIndex()))
            return true;
    }
    return QWidget::eventFilter(watched, event);
}

QModelIndex ConversationPanel::currentSourceIndex() const
{
    return m_filter->mapToSource(m_tree->currentIndex());
}

void ConversationPanel::copyValue()
{
    if (const QModelIndex index = currentSourceIndex(); index.isValid()) {
        QApplication::clipboard()->setText(m_model->valueText(index));
        Q_EMIT copied(tr("Value copied."));
    }
}

void ConversationPanel::copyPath()
{
    if (const QModelIndex index = currentSourceIndex(); index.isValid()) {
        QApplication::clipboard()->setText(m_model->pathForIndex(index));
        Q_EMIT copied(tr("Path copied."));
    }
}

void ConversationPanel::copySubtree()
{
    if (const QModelIndex index = currentSourceIndex(); index.isValid()) {
        QApplication::clipboard()->setText(m_model->subtreeJson(index, PrettyIndent));
        Q_EMIT copied(tr("Subtree copied as JSON."));
    }
}

void ConversationPanel::focusFilter()
{
    m_tabs->setCurrentIndex(0);
    m_filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_filterEdit->selectAll();
}

void ConversationPanel::setFilterText(const QString &text)
{
    m_filterEdit->setText(text);
    applyFilter();
}

void ConversationPanel::applyFilter()
{
    m_filterDelay->stop();
    const QString text = m_filterEdit->text().trimmed();
    const bool wasFiltering = !m_filter->filterText().isEmpty();
    if (text == m_filter->filterText())
        return;
    if (!m_filterTyped) // the node current before a search still running stays the one to show
        m_currentBeforeFilter = currentPath();
    if (!wasFiltering)
        m_expandedBeforeFilter = expandedPaths();
    m_filterTyped = true;
    m_filter->setFilterText(text); // filterFinished() at once, or when the worker is done
}

void ConversationPanel::showFilterResult()
{
    m_filterProgress->hide();
    const bool typed = std::exchange(m_filterTyped, false);
    if (typed && m_filter->filterText().isEmpty()) {
        // Back to how the tree looked before filtering, plus the node the user went to.
        m_tree->collapseAll();
        restoreExpanded(m_expandedBeforeFilter);
    } else if (!m_filter->filterText().isEmpty()) {
        expandMatches();
    }
    if (typed && !m_currentBeforeFilter.isEmpty() && setCurrentPath(m_currentBeforeFilter)) {
        for (QModelIndex at = m_tree->currentIndex().parent(); at.isValid(); at = at.parent())
            m_tree->expand(at);
        m_tree->scrollTo(m_tree->currentIndex());
    }
    m_columns->resizeColumns();
}

void ConversationPanel::expandMatches()
{
    // Every ancestor of a row that matches by itself is opened, so each hit is on screen. The
    // search knows them: only their rows are walked.
    int walked = 0;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int row = 0, rows = m_filter->rowCount(parent); row < rows && walked < MaxRowsWalkedForExpansion; ++row) {
            ++walked;
            const QModelIndex index = m_filter->index(row, 0, parent);
            if (m_filter->hasMatchBelow(m_filter->mapToSource(index))) {
                m_tree->expand(index);
                walk(index);
            }
        }
    };
    walk({});
}

void ConversationPanel::restoreExpanded(const QStringList &paths)
{
    for (const QString &path : paths) {
        if (const QModelIndex index = proxyIndexForPath(path); index.isValid())
            m_tree->expand(index);
    }
}

void ConversationPanel::fillRawJson()
{
    m_raw->setPlainText(QString::fromUtf8(m_model->documentIndex()->serialize(m_model->documentRoot(), PrettyIndent)));
    m_rawJsonStale = false;
}

void ConversationPanel::updateActions()
{
    const bool hasCurrent = m_tree->currentIndex().isValid();
    m_copyValue->setEnabled(hasCurrent);
    m_copyPath->setEnabled(hasCurrent);
    m_copySubtree->setEnabled(hasCurrent);
}

} // namespace convdesk
