#include "AccountBrowser.h"

#include "ClearButton.h"
#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/ConversationAnswer.h"
#include "api/ConversationId.h"
#include "api/ErrorText.h"
#include "models/ConversationListModel.h"
#include "models/SortingProxyModel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QResizeEvent>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>

namespace convdesk {

AccountBrowser::AccountBrowser(QWidget *parent)
    : QWidget(parent)
    , m_model(new ConversationListModel(this))
    , m_sorted(new SortingProxyModel(this))
    , m_account(new QLineEdit(this))
    , m_listButton(new QPushButton(tr("List"), this))
    , m_loadMoreButton(new QPushButton(tr("Load more"), this))
    , m_view(new QTableView(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("accountBrowser"));

    auto *accountLabel = new QLabel(tr("Acco&unt:"), this);
    accountLabel->setBuddy(m_account);
    m_account->setObjectName(QStringLiteral("browserAccount"));
    m_account->setPlaceholderText(tr("account ID, e.g. support_demo"));
    ClearButton::enable(m_account, tr("Clear the account"));
    m_listButton->setObjectName(QStringLiteral("browserListButton"));
    m_listButton->setToolTip(tr("List the account's conversations, newest first"));
    m_loadMoreButton->setObjectName(QStringLiteral("browserLoadMoreButton"));
    m_loadMoreButton->setToolTip(tr("Fetch the next page of conversations"));

    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(ConversationListModel::SortRole);
    m_view->setObjectName(QStringLiteral("browserTable"));
    m_view->setModel(m_sorted);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTabKeyNavigation(false);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().lineSpacing() + fontMetrics().height() / 2);
    setUpColumns();
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ConversationListModel::UpdatedColumn, Qt::DescendingOrder);
    m_view->setAccessibleName(tr("Conversations of the account"));

    m_status->setObjectName(QStringLiteral("browserStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    showIdleStatus();

    auto *accountRow = new QHBoxLayout;
    accountRow->addWidget(accountLabel);
    accountRow->addWidget(m_account, 1);
    accountRow->addWidget(m_listButton);
    auto *bottomRow = new QHBoxLayout;
    bottomRow->addWidget(m_status, 1);
    bottomRow->addWidget(m_loadMoreButton, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(accountRow);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottomRow);

    connect(m_account, &QLineEdit::returnPressed, this, &AccountBrowser::list);
    connect(m_account, &QLineEdit::textChanged, this, &AccountBrowser::updateButtons);
    connect(m_listButton, &QPushButton::clicked, this, &AccountBrowser::list);
    connect(m_loadMoreButton, &QPushButton::clicked, this, &AccountBrowser::loadMore);
    // A click picks a row, as do a double click and Enter (activated); the window ignores a
    // second request for the conversation it is already loading or showing.
    connect(m_view, &QAbstractItemView::clicked, this, &AccountBrowser::choose);
    connect(m_view, &QAbstractItemView::activated, this, &AccountBrowser::choose);
    updateButtons();
}

void AccountBrowser::setUpColumns()
{
    // A dock a quarter of a small screen wide shows the peer, the last message and the time
    // without sideways scrolling: the message takes what the others leave, and a cell too
    // narrow for its text shows both ends, the whole in its tooltip. The unread count and
    // the rest are a right-click on the header away (with it, the message had a sliver).
    using List = ConversationListModel;
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(List::LastMessageColumn, QHeaderView::Stretch);
    header->setSectionsMovable(true);
    const int order[] = {List::PeerColumn, List::LastMessageColumn, List::UpdatedColumn, List::UnreadColumn,
                         List::TypeColumn, List::ExtensionColumn, List::IdColumn};
    static_assert(std::size(order) == List::ColumnCount);
    for (int visual = 0; visual < List::ColumnCount; ++visual)
        header->moveSection(header->visualIndex(order[visual]), visual);
    for (const int hidden : {List::UnreadColumn, List::TypeColumn, List::ExtensionColumn, List::IdColumn})
        header->hideSection(hidden);
    m_view->setTextElideMode(Qt::ElideMiddle);
    // Titles start at the left and are cut at their end, as the cells are, not clipped
    // on both sides when centred.
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setTextElideMode(Qt::ElideRight);

    header->setContextMenuPolicy(Qt::ActionsContextMenu);
    header->setToolTip(tr("Right-click to choose which columns show"));
    for (const int column : order) {
        auto *action = new QAction(m_model->headerData(column, Qt::Horizontal).toString(), header);
        action->setObjectName(QStringLiteral("browserColumnAction%1").arg(column));
        action->setCheckable(true);
        action->setData(column);
        header->addAction(action);
        m_columnActions.append(action);
        connect(action, &QAction::toggled, this, [this, column](bool shown) {
            m_view->horizontalHeader()->setSectionHidden(column, !shown);
            if (shown && m_columnsToSize.contains(column))
                sizeColumn(column);
            updateColumnActions();
            fitColumns();
        });
    }
    updateColumnActions();
    m_view->viewport()->installEventFilter(this);
}

void AccountBrowser::sizeColumns()
{
    // As wide as their text; a hidden column when it is first shown, over the rows then on
    // screen (measuring the four hidden ones cost the first page more than adding its rows).
    // fitColumns() then makes room for the message.
    m_columnsSized = true;
    const QHeaderView *header = m_view->horizontalHeader();
    for (int column = 0; column < ConversationListModel::ColumnCount; ++column) {
        if (header->isSectionHidden(column))
            m_columnsToSize.insert(column);
        else
            sizeColumn(column);
    }
}

void AccountBrowser::sizeColumn(int column)
{
    m_columnsToSize.remove(column);
    if (column == ConversationListModel::LastMessageColumn)
        return; // it takes what the others leave
    const int widest = fontMetrics().averageCharWidth() * 32; // a long preview must not push the rest away
    resizeColumnToShownRows(column);
    m_view->setColumnWidth(column, std::min(m_view->columnWidth(column), widest));
}

void AccountBrowser::fitColumns()
{
    // The peer gives way to the message: the shown columns need no sideways scrolling when
    // the view has room for them at all.
    QHeaderView *header = m_view->horizontalHeader();
    if (header->isSectionHidden(ConversationListModel::PeerColumn))
        return;
    const int available = m_view->viewport()->width();
    int others = 0;
    for (int column = 0; column < ConversationListModel::ColumnCount; ++column) {
        if (column != ConversationListModel::PeerColumn && column != ConversationListModel::LastMessageColumn
            && !header->isSectionHidden(column))
            others += header->sectionSize(column);
    }
    // Peer and message share what is left; a short peer leaves the message more.
    const bool messageShown = !header->isSectionHidden(ConversationListModel::LastMessageColumn);
    const int room = messageShown ? (available - others) / 2 : available - others;
    resizeColumnToShownRows(ConversationListModel::PeerColumn);
    const int wanted = header->sectionSize(ConversationListModel::PeerColumn);
    header->resizeSection(ConversationListModel::PeerColumn,
                          std::max(header->minimumSectionSize(), std::min(wanted, room)));
}

void AccountBrowser::resizeColumnToShownRows(int column)
{
    // QTableView measures up to resizeContentsPrecision() rows, by default 1000 around the
    // visible ones: with 10,000 conversations, re-measuring a thousand peers for every page
    // took a fifth of the CPU time of listing them (perf, tests/bench list). The rows on
    // screen are what the width is for; a hidden table (where 0 would mean every row)
    // measures a screenful.
    constexpr int ScreenfulOfRows = 50;
    m_view->horizontalHeader()->setResizeContentsPrecision(m_view->isVisible() ? 0 : ScreenfulOfRows);
    m_view->resizeColumnToContents(column);
}

void AccountBrowser::updateColumnActions()
{
    // The last shown column stays: a table without columns could not be given any back.
    const QHeaderView *header = m_view->horizontalHeader();
    const int shown = header->count() - header->hiddenSectionCount();
    for (QAction *action : std::as_const(m_columnActions)) {
        const bool visible = !header->isSectionHidden(action->data().toInt());
        const QSignalBlocker blocker(action);
        action->setChecked(visible);
        action->setEnabled(!(visible && shown == 1));
    }
}

QByteArray AccountBrowser::saveColumns() const
{
    return m_view->horizontalHeader()->saveState();
}

bool AccountBrowser::restoreColumns(const QByteArray &state)
{
    QHeaderView *header = m_view->horizontalHeader();
    if (state.isEmpty() || !header->restoreState(state))
        return false;
    // The message always takes the rest, whatever an older state said.
    header->setSectionResizeMode(ConversationListModel::LastMessageColumn, QHeaderView::Stretch);
    if (header->hiddenSectionCount() == header->count())
        header->showSection(ConversationListModel::LastMessageColumn);
    m_columnsSized = true;
    m_columnsToSize.clear(); // the state has their widths
    updateColumnActions();
    fitColumns();
    return true;
}

bool AccountBrowser::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize) {
        const auto *resize = static_cast<QResizeEvent *>(event);
        if (resize->size().width() != resize->oldSize().width())
            fitColumns();
    }
    return QWidget::eventFilter(watched, event);
}

AccountBrowser::~AccountBrowser()
{
    if (m_call)
        m_call->disconnect(this);
}

void AccountBrowser::setClient(ApiClient *client)
{
    if (client == m_client)
        return;
    cancel();
    m_client = client;
    if (!isBusy() && m_model->rowCount() == 0)
        showIdleStatus();
    updateButtons();
}

void AccountBrowser::setPageSize(int limit)
{
    m_pageSize = std::clamp(limit, 1, 100);
}

QString AccountBrowser::account() const
{
    return m_account->text().trimmed();
}

void AccountBrowser::setAccount(const QString &accountId)
{
    m_account->setText(accountId);
    m_account->setCursorPosition(0); // a long account shows its beginning, not its end
}

void AccountBrowser::markShown(const QString &conversationId)
{
    m_shownId = conversationId;
    const int row = m_model->rowOf(conversationId);
    if (row < 0) {
        m_view->clearSelection();
        return;
    }
    const QModelIndex index = m_sorted->mapFromSource(m_model->index(row, ConversationListModel::PeerColumn));
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void AccountBrowser::list()
{
    const QString accountId = account();
    if (const QString problem = ConversationId::validateAccountId(accountId); !problem.isEmpty()) {
        showStatus(tr("Cannot list: %1").arg(problem));
        return;
    }
    cancel();
    m_model->clear();
    m_tokensSent.clear();
    m_listedAccount = accountId;
    fetch({});
}

void AccountBrowser::loadMore()
{
    if (isBusy() || !m_model->hasMore() || m_listedAccount.isEmpty())
        return;
    // Asking again for a page already read would only show the same rows, forever.
    const QString token = m_model->nextToken();
    if (token.isEmpty() || m_tokensSent.contains(token)) {
        showStatus(tr("Cannot load more: the server repeated a page token or gave none."));
        updateButtons();
        return;
    }
    fetch(token);
}

void AccountBrowser::cancel()
{
    if (m_call)
        m_call->cancel(); // reports Cancelled through onPage()
}

void AccountBrowser::reset()
{
    cancel();
    m_model->clear();
    m_tokensSent.clear();
    m_listedAccount.clear();
    showIdleStatus();
    updateButtons();
}

void AccountBrowser::fetch(const QString &pageToken)
{
    if (!m_client) {
        showIdleStatus(); // which says that a profile is needed
        return;
    }
    m_tokensSent.insert(pageToken);
    m_call = m_client->listConversations(m_listedAccount, pageToken, m_pageSize);
    connect(m_call, &ApiCall::finished, this, &AccountBrowser::onPage);
    showStatus(pageToken.isEmpty() ? tr("Listing the conversations of %1…").arg(m_listedAccount)
                                   : tr("Loading more conversations of %1…").arg(m_listedAccount));
    updateButtons();
}

void AccountBrowser::onPage(const ApiResult &result)
{
    m_call = nullptr;
    if (!result.ok()) {
        const QString what = result.error == ErrorKind::Business
            ? tr("code %1 (%2)").arg(result.code).arg(ErrorText::businessCodeMeaning(result.code))
            : ErrorText::title(result.error);
        showStatus(tr("Listing failed: %1. %2").arg(what, ErrorText::describe(result)).trimmed());
        updateButtons();
        Q_EMIT pageFailed(result);
        return;
    }
    QString problem;
    if (!m_model->appendPage(result.data, &problem)) {
        showStatus(tr("Listing failed: %1").arg(problem));
        updateButtons();
        ApiResult malformed = result;
        malformed.error = ErrorKind::MalformedResponse;
        malformed.detail = problem;
        Q_EMIT pageFailed(malformed);
        return;
    }
    if (!m_columnsSized)
        sizeColumns();
    fitColumns(); // a later page may bring a longer peer
    const int rows = m_model->rowCount();
    QString text = m_model->hasMore()
        ? tr("%n conversation(s) of %1 so far; more on the server.", nullptr, rows).arg(m_listedAccount)
        : tr("All %n conversation(s) of %1.", nullptr, rows).arg(m_listedAccount);
    if (!problem.isEmpty())
        text += u' ' + problem;
    // The page's rows are fine; only the way to the next page is not.
    if (const QString paging = ConversationAnswer::listPageProblem(result.data, m_tokensSent); !paging.isEmpty())
        text = tr("Conversations of %1 listed: %2. No more can be loaded: %3")
                   .arg(m_listedAccount).arg(rows).arg(paging);
    showStatus(text);
    updateButtons();
    if (!m_shownId.isEmpty() && !m_view->selectionModel()->hasSelection())
        markShown(m_shownId);
    Q_EMIT pageLoaded();
}

void AccountBrowser::choose(const QModelIndex &index)
{
    const QString id = index.data(ConversationListModel::ConversationIdRole).toString();
    if (!id.isEmpty())
        Q_EMIT conversationChosen(id);
}

void AccountBrowser::showStatus(const QString &text)
{
    m_status->setText(text);
}

void AccountBrowser::showIdleStatus()
{
    showStatus(m_client ? tr("Enter an account ID and press List.")
                        : tr("Add a profile, or choose one in the tool bar, to list conversations."));
}

void AccountBrowser::updateButtons()
{
    m_listButton->setEnabled(m_client && !account().isEmpty());
    m_loadMoreButton->setEnabled(m_client && !isBusy() && m_model->hasMore()
                                 && !m_tokensSent.contains(m_model->nextToken()));
}

} // namespace convdesk
