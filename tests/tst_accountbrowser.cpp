#include "AccountBrowser.h"
#include "DialogHook.h"
#include "SandboxServer.h"
#include "models/ConversationListModel.h"

#include "support/SandboxWindow.h"
#include "support/ScriptedHttpServer.h"
#include "api/ApiClient.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QUrlQuery>

#include <algorithm>

using namespace convdesk;
using namespace Qt::StringLiterals;

// The account browser docked in the main window, against the sandbox: paging with a small
// page size through "Load more", sorting by update time, and opening a conversation.
class TestAccountBrowser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void isDockedWithTheLoadedAccount();
    void pagesThroughEveryConversationWithLoadMore();
    void sortsByUpdateTime();
    void hiddenColumnIsSizedWhenShown();
    void choosingARowLoadsIt_data();
    void choosingARowLoadsIt();
    void choosingAsksAboutUnsavedEdits();
    void invalidAccountSendsNothing();
    void failedListingIsExplained();
    void loadMoreRefusesABrokenToken_data();
    void loadMoreRefusesABrokenToken();

private:
    QStringList accountIds(const QString &account) const;
    void listAll();
    QModelIndex rowFor(const QString &conversationId) const;
    QTableView *table() const { return m_window->find<QTableView>(u"browserTable"_s); }

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SandboxWindow> m_window;
    AccountBrowser *m_browser = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<QAbstractItemModelTester> m_sortTester;
};

void TestAccountBrowser::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY2(m_sandbox->listen(), qPrintable(m_sandbox->errorString()));
}

void TestAccountBrowser::init()
{
    m_sandbox->resetToSeed();
    m_sandbox->setRateLimited(false);
    DialogHook::clearAnswers();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_window = std::make_unique<SandboxWindow>(*m_sandbox, m_dir->path(), u"browserWindow"_s);
    QVERIFY(m_window->waitShown());
    m_browser = (*m_window)->accountBrowser();
    m_browser->setPageSize(2);
    m_tester = std::make_unique<QAbstractItemModelTester>(m_browser->model(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_sortTester = std::make_unique<QAbstractItemModelTester>(
        m_browser->sortModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_window->get()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window->get()));
}

void TestAccountBrowser::cleanup()
{
    DialogHook::clearAnswers();
    m_sortTester.reset();
    m_tester.reset();
    m_browser = nullptr;
    m_window.reset();
    m_dir.reset();
}

QStringList TestAccountBrowser::accountIds(const QString &account) const
{
    QStringList ids;
    for (const QString &id : m_sandbox->conversationIds()) {
        if (id.startsWith(account + u'|'))
            ids << id;
    }
    return ids;
}

void TestAccountBrowser::listAll()
{
    QSignalSpy pages(m_browser, &AccountBrowser::pageLoaded);
    QTest::mouseClick(m_window->find<QPushButton>(u"browserListButton"_s), Qt::LeftButton);
    QVERIFY(pages.wait());
    auto *more = m_window->find<QPushButton>(u"browserLoadMoreButton"_s);
    while (more->isEnabled()) {
        QTest::mouseClick(more, Qt::LeftButton);
        QVERIFY(pages.wait());
    }
}

QModelIndex TestAccountBrowser::rowFor(const QString &conversationId) const
{
    const int row = m_browser->model()->rowOf(conversationId);
    return m_browser->sortModel()->mapFromSource(m_browser->model()->index(row, ConversationListModel::PeerColumn));
}

void TestAccountBrowser::isDockedWithTheLoadedAccount()
{
    QCOMPARE(m_browser->objectName(), u"accountBrowser"_s);
    QVERIFY(m_browser->isVisible());
    QVERIFY(m_window->find<QAction>(u"accountBrowserAction"_s)->isChecked());
    // The account of the conversation shown is offered.
    QCOMPARE(m_window->find<QLineEdit>(u"browserAccount"_s)->text(), u"support_demo"_s);
    QVERIFY(!m_window->find<QPushButton>(u"browserLoadMoreButton"_s)->isEnabled());
}

void TestAccountBrowser::pagesThroughEveryConversationWithLoadMore()
{
    const QStringList expected = accountIds(u"support_demo"_s);
    QVERIFY(expected.size() > 4); // three pages or more of two
    auto *more = m_window->find<QPushButton>(u"browserLoadMoreButton"_s);
    QSignalSpy pages(m_browser, &AccountBrowser::pageLoaded);

    QTest::mouseClick(m_window->find<QPushButton>(u"browserListButton"_s), Qt::LeftButton);
    QVERIFY(pages.wait());
    QCOMPARE(m_browser->model()->rowCount(), 2);
    QVERIFY(more->isEnabled());
    // The conversation the window shows (the newest) is the selected row.
    QCOMPARE(table()->selectionModel()->selectedRows().value(0).data(ConversationListModel::ConversationIdRole)
                 .toString(),
             (*m_window)->session()->conversationId().toString());
    QUrlQuery first(QString::fromLatin1(m_sandbox->lastRequestQuery()));
    QCOMPARE(first.queryItemValue(u"account_id"_s), u"support_demo"_s);
    QCOMPARE(first.queryItemValue(u"limit"_s), u"2"_s);
    QVERIFY(!first.hasQueryItem(u"page_token"_s));

    int requests = 1;
    while (more->isEnabled()) {
        const QString token = m_browser->model()->nextToken();
        QTest::mouseClick(more, Qt::LeftButton);
        QVERIFY(!more->isEnabled()); // not twice while the page is on its way
        QVERIFY(pages.wait());
        ++requests;
        QCOMPARE(QUrlQuery(QString::fromLatin1(m_sandbox->lastRequestQuery())).queryItemValue(u"page_token"_s),
                 token);
    }
    QCOMPARE(requests, int((expected.size() + 1) / 2));
    QStringList listed;
    for (int row = 0; row < m_browser->model()->rowCount(); ++row)
        listed << m_browser->model()->conversationId(row);
    QStringList sortedExpected = expected;
    std::sort(listed.begin(), listed.end());
    std::sort(sortedExpected.begin(), sortedExpected.end());
    QCOMPARE(listed, sortedExpected);
    QVERIFY(!m_browser->model()->hasMore());
    QVERIFY(m_window->find<QLabel>(u"browserStatus"_s)->text().startsWith(u"All "_s));

    // List again starts over at the first page.
    QTest::mouseClick(m_window->find<QPushButton>(u"browserListButton"_s), Qt::LeftButton);
    QVERIFY(pages.wait());
    QCOMPARE(m_browser->model()->rowCount(), 2);
}

void TestAccountBrowser::sortsByUpdateTime()
{
    listAll();
    QAbstractItemModel *shown = table()->model();
    auto updateTimes = [shown] {
        QList<qint64> times;
        for (int row = 0; row < shown->rowCount(); ++row)
            times << shown->index(row, ConversationListModel::UpdatedColumn)
                         .data(ConversationListModel::SortRole).toLongLong();
        return times;
    };
    // Newest first by default.
    QCOMPARE(table()->horizontalHeader()->sortIndicatorSection(), int(ConversationListModel::UpdatedColumn));
    QList<qint64> times = updateTimes();
    QCOMPARE(times.size(), int(accountIds(u"support_demo"_s).size()));
    QVERIFY(std::is_sorted(times.rbegin(), times.rend()));
    QVERIFY(times.first() > times.last());

    // A click on the header turns the order round.
    QHeaderView *header = table()->horizontalHeader();
    const int x = header->sectionViewportPosition(ConversationListModel::UpdatedColumn) + 5;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    times = updateTimes();
    QVERIFY(std::is_sorted(times.begin(), times.end()));
    QVERIFY(times.first() < times.last());
}

void TestAccountBrowser::hiddenColumnIsSizedWhenShown()
{
    // The first page sizes the shown columns; a hidden one is measured when it is shown,
    // as wide as the IDs on screen.
    listAll();
    QHeaderView *header = table()->horizontalHeader();
    QVERIFY(header->isSectionHidden(ConversationListModel::IdColumn));
    QAction *showId = nullptr;
    for (QAction *action : header->actions()) {
        if (action->objectName() == u"browserColumnAction%1"_s.arg(ConversationListModel::IdColumn))
            showId = action;
    }
    QVERIFY(showId);
    showId->trigger();
    QVERIFY(!header->isSectionHidden(ConversationListModel::IdColumn));
    const int firstRow = table()->rowAt(0);
    QVERIFY(firstRow >= 0);
    const QString id = table()->model()->index(firstRow, ConversationListModel::IdColumn).data().toString();
    const int wanted = std::min(table()->fontMetrics().horizontalAdvance(id), table()->fontMetrics().averageCharWidth() * 32);
    QVERIFY2(header->sectionSize(ConversationListModel::IdColumn) >= wanted,
             qPrintable(u"%1 < %2"_s.arg(header->sectionSize(ConversationListModel::IdColumn)).arg(wanted)));
}

void TestAccountBrowser::choosingARowLoadsIt_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("click") << u"click"_s;
    QTest::newRow("double click") << u"double click"_s;
    QTest::newRow("Enter") << u"Enter"_s;
}

void TestAccountBrowser::choosingARowLoadsIt()
{
    QFETCH(QString, how);
    listAll();
    const QString bob = u"support_demo|1|bob_88"_s;
    const QModelIndex index = rowFor(bob);
    QVERIFY(index.isValid());
    table()->scrollTo(index);
    const QPoint at = table()->visualRect(index).center();
    const int requests = m_sandbox->requestCount();
    if (how == u"click") {
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, at);
    } else if (how == u"double click") {
        // Through the window, as the system delivers it: press, release, press, double click, release.
        QWidget *window = m_window->get();
        QTest::mouseDClick(window->windowHandle(), Qt::LeftButton, {}, table()->viewport()->mapTo(window, at));
    } else {
        table()->setFocus();
        table()->setCurrentIndex(index);
        QTest::keyClick(table(), Qt::Key_Return);
    }
    QVERIFY(m_window->waitShown());
    QCOMPARE((*m_window)->session()->conversationId().toString(), bob);
    QVERIFY((*m_window)->windowTitle().contains(bob));
    QCOMPARE(m_sandbox->requestCount(), requests + 1); // one load, also for a double click
    // The row holds what the table shows; the window has the whole conversation, from the server.
    QVERIFY((*m_window)->session()->conversation() == *m_sandbox->conversation(bob));
    QVERIFY((*m_window)->session()->conversation().contains("last_message"));
    QCOMPARE(table()->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(table()->selectionModel()->selectedRows().first().data(ConversationListModel::ConversationIdRole)
                 .toString(),
             bob);
}

void TestAccountBrowser::choosingAsksAboutUnsavedEdits()
{
    listAll();
    m_window->typeExtension(u"unsaved"_s);
    const QString alice = (*m_window)->session()->conversationId().toString();
    const QModelIndex bob = rowFor(u"support_demo|1|bob_88"_s);
    table()->scrollTo(bob);
    DialogHook::setNextAnswer(QDialogButtonBox::Cancel);
    QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, table()->visualRect(bob).center());
    QCOMPARE(DialogHook::pendingAnswers(), 0);
    QCOMPARE(DialogHook::lastObjectName(), u"questionBox"_s);
    QCOMPARE((*m_window)->session()->conversationId().toString(), alice);
    QCOMPARE(m_window->editor()->text(), u"unsaved"_s);
    QVERIFY(!(*m_window)->session()->isBusy());
}

void TestAccountBrowser::invalidAccountSendsNothing()
{
    auto *account = m_window->find<QLineEdit>(u"browserAccount"_s);
    account->clear();
    QTest::keyClicks(account, u"no spaces allowed"_s);
    const int requests = m_sandbox->requestCount();
    QTest::keyClick(account, Qt::Key_Return);
    QCOMPARE(m_sandbox->requestCount(), requests);
    QVERIFY2(m_window->find<QLabel>(u"browserStatus"_s)->text().startsWith(u"Cannot list:"_s),
             qPrintable(m_window->find<QLabel>(u"browserStatus"_s)->text()));
    QCOMPARE(m_browser->model()->rowCount(), 0);
}

void TestAccountBrowser::failedListingIsExplained()
{
    m_sandbox->setRateLimited(true);
    QSignalSpy failed(m_browser, &AccountBrowser::pageFailed);
    QTest::mouseClick(m_window->find<QPushButton>(u"browserListButton"_s), Qt::LeftButton);
    QVERIFY(failed.wait());
    const QString status = m_window->find<QLabel>(u"browserStatus"_s)->text();
    QVERIFY2(status.startsWith(u"Listing failed: code 416"_s), qPrintable(status));
    QVERIFY(!m_window->find<QPushButton>(u"browserLoadMoreButton"_s)->isEnabled());
    QVERIFY(m_window->find<QPushButton>(u"browserListButton"_s)->isEnabled());
    m_sandbox->setRateLimited(false);
}

void TestAccountBrowser::loadMoreRefusesABrokenToken_data()
{
    QTest::addColumn<QByteArray>("secondToken"); // what the second page offers as the next one
    QTest::addColumn<QString>("words");
    QTest::newRow("repeated") << QByteArray("t1") << u"the server repeated the page token \"t1\""_s;
    QTest::newRow("empty") << QByteArray() << u"gave no page token"_s;
}

void TestAccountBrowser::loadMoreRefusesABrokenToken()
{
    QFETCH(QByteArray, secondToken);
    QFETCH(QString, words);
    ScriptedHttpServer liar(ScriptedHttpServer::Behaviour::Answer);
    liar.setResponder([&](const QByteArray &request) -> QByteArray {
        const bool first = !request.left(request.indexOf("\r\n")).contains("page_token=");
        const QByteArray peer = first ? "a" : "b";
        return R"({"code":200,"msg":"success","data":{"has_more":true,"next_token":")" + (first ? QByteArray("t1") : secondToken)
            + R"(","items":[{"conversation_id":"acc1|1|)" + peer + R"("}]}})";
    });
    ApiClient client;
    client.setCredentials(SandboxServer::demoCredentials());
    client.setEndpoint(ApiEndpoint::custom(liar.url()));
    m_browser->setClient(&client);
    m_browser->setAccount(u"acc1"_s);
    auto *loadMore = m_window->find<QPushButton>(u"browserLoadMoreButton"_s);
    auto *status = m_window->find<QLabel>(u"browserStatus"_s);

    QSignalSpy loaded(m_browser, &AccountBrowser::pageLoaded);
    m_browser->list();
    QVERIFY(loaded.wait());
    QVERIFY(loadMore->isEnabled());
    QTest::mouseClick(loadMore, Qt::LeftButton);
    QVERIFY(loaded.wait());
    QCOMPARE(m_browser->model()->rowCount(), 2); // the second page's rows are shown
    QVERIFY2(status->text().contains(words), qPrintable(status->text()));
    QVERIFY(!loadMore->isEnabled());

    m_browser->loadMore(); // refused, even when asked directly
    QCOMPARE(liar.requests().size(), 2);
    if (!secondToken.isEmpty())
        QVERIFY2(status->text().startsWith(u"Cannot load more"_s), qPrintable(status->text()));
    m_browser->setClient(nullptr);
}

QTEST_MAIN(TestAccountBrowser)
#include "tst_accountbrowser.moc"
