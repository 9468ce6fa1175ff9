#include "AccountBrowser.h"
#include "DialogHook.h"
#include "MainWindow.h"
#include "SandboxServer.h"
#include "models/ConversationListModel.h"
#include "session/ConversationSession.h"
#include "support/MainWindowFixture.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

// The ID box, the account browser's selection, the window title and the panels name the same
// conversation, or the view says it does not: a switch the user cancelled, a load that failed,
// another ID typed. And a failure a retry may cure offers Retry.
class TestViewConsistency : public QObject, private MainWindowFixture
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void cancelledSwitchKeepsEverythingOnTheShownConversation();
    void failedLoadMarksTheViewWithItsLoadTime();
    void typedIdMarksTheViewUntilLoaded();
    void retryIsOfferedForFailuresARetryMayCure_data();
    void retryIsOfferedForFailuresARetryMayCure();
    void retryOfAFailedSaveGoesThroughTheReview();

private:
    QTableView *table() const { return find<QTableView>("browserTable"); }
    QString selectedId() const;
    void listAccount();
    void clickRow(const QString &conversationId);
    QLabel *staleBanner() const { return find<QLabel>("staleViewBanner"); }
    QString idBox() const { return find<QLineEdit>("conversationIdField")->text(); }
    QString rootConversationId() const;
};

void TestViewConsistency::initTestCase()
{
    startSandbox();
}

void TestViewConsistency::init()
{
    openWindow();
}

void TestViewConsistency::cleanup()
{
    m_sandbox->setFailNextWithHttpStatus(503, 0);
    closeWindow();
}

QString TestViewConsistency::selectedId() const
{
    const QModelIndexList rows = table()->selectionModel()->selectedRows();
    return rows.size() == 1 ? rows.first().data(ConversationListModel::ConversationIdRole).toString() : QString();
}

void TestViewConsistency::listAccount()
{
    AccountBrowser *browser = m_window->accountBrowser();
    QSignalSpy pages(browser, &AccountBrowser::pageLoaded);
    QTest::mouseClick(find<QPushButton>("browserListButton"), Qt::LeftButton);
    QVERIFY(pages.wait());
    QCOMPARE(selectedId(), AliceId); // the conversation shown is the row highlighted
}

void TestViewConsistency::clickRow(const QString &conversationId)
{
    AccountBrowser *browser = m_window->accountBrowser();
    const int row = browser->model()->rowOf(conversationId);
    QVERIFY2(row >= 0, qPrintable(conversationId));
    const QModelIndex index =
        browser->sortModel()->mapFromSource(browser->model()->index(row, ConversationListModel::PeerColumn));
    table()->scrollTo(index);
    QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, table()->visualRect(index).center());
}

QString TestViewConsistency::rootConversationId() const
{
    return proxyIndex(u"$.conversation_id"_s).data(ConversationTreeModel::RawValueRole).toString();
}

void TestViewConsistency::cancelledSwitchKeepsEverythingOnTheShownConversation()
{
    listAccount();
    editExtension(u"{\"unsaved\":1}"_s);
    DialogHook::setNextAnswer(QDialogButtonBox::Cancel);
    clickRow(BobId);
    QCOMPARE(DialogHook::pendingAnswers(), 0); // asked, and the user stayed
    QCOMPARE(m_window->session()->conversationId().toString(), AliceId);
    QCOMPARE(idBox(), AliceId);
    QCOMPARE(selectedId(), AliceId);
    QVERIFY2(m_window->windowTitle().startsWith(AliceId), qPrintable(m_window->windowTitle()));
    QVERIFY(rootConversationId().contains(u"alice"_s));
    QVERIFY(!staleBanner()->isVisible());
    QCOMPARE(editor()->text(), u"{\"unsaved\":1}"_s);

    // Saving the edit afterwards changes none of it.
    DialogHook::setNextAnswer(QDialogButtonBox::Save);
    QSignalSpy saved(m_window->session(), &ConversationSession::saved);
    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier);
    QVERIFY(saved.wait());
    QCOMPARE(idBox(), AliceId);
    QCOMPARE(selectedId(), AliceId);
}

void TestViewConsistency::failedLoadMarksTheViewWithItsLoadTime()
{
    listAccount();
    const QDateTime loadedAt = m_window->session()->fetchedAt();
    QVERIFY(loadedAt.isValid());
    QVERIFY(!staleBanner()->isVisible());
    m_sandbox->setRateLimited(true);
    QSignalSpy failed(m_window->session(), &ConversationSession::failed);
    clickRow(BobId);
    QVERIFY(failed.wait());

    QCOMPARE(m_window->session()->conversationId().toString(), AliceId);
    QCOMPARE(idBox(), BobId); // what was asked for stays, so Retry and Enter can use it
    QCOMPARE(selectedId(), AliceId); // the row of what is shown
    QVERIFY(staleBanner()->isVisible());
    const QString text = staleBanner()->text();
    QVERIFY2(text.contains(AliceId) && text.contains(BobId), qPrintable(text));
    QVERIFY2(text.contains(u"failed"_s), qPrintable(text));
    QVERIFY2(text.contains(loadedAt.toLocalTime().toString(u"HH:mm:ss"_s)), qPrintable(text));
    QCOMPARE(staleBanner()->property("alert"), QVariant()); // a banner, not a label marked alert
    QCOMPARE(staleBanner()->backgroundRole(), QPalette::Window); // the warning colours

    // Back to the ID of what is shown: nothing to mark.
    auto *field = find<QLineEdit>("conversationIdField");
    field->selectAll();
    QTest::keyClicks(field, AliceId);
    QVERIFY(!staleBanner()->isVisible());
}

void TestViewConsistency::typedIdMarksTheViewUntilLoaded()
{
    auto *field = find<QLineEdit>("conversationIdField");
    field->selectAll();
    QTest::keyClicks(field, BobId);
    QVERIFY(staleBanner()->isVisible());
    QVERIFY2(staleBanner()->text().contains(u"press Enter"_s), qPrintable(staleBanner()->text()));
    QTest::keyClick(field, Qt::Key_Return);
    QVERIFY(waitShown());
    QCOMPARE(m_window->session()->conversationId().toString(), BobId);
    QVERIFY(!staleBanner()->isVisible());
    QVERIFY(m_window->windowTitle().startsWith(BobId));
}

void TestViewConsistency::retryIsOfferedForFailuresARetryMayCure_data()
{
    QTest::addColumn<int>("httpStatus");     // injected HTTP status, 0 for none
    QTest::addColumn<bool>("rateLimited");   // code 416
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("offered");

    QTest::newRow("rate limit 416") << 0 << true << BobId << true;
    QTest::newRow("HTTP 503") << 503 << false << BobId << true;
    QTest::newRow("HTTP 403") << 403 << false << BobId << false;
    QTest::newRow("no such conversation 414") << 0 << false << u"support_demo|1|nobody"_s << false;
}

void TestViewConsistency::retryIsOfferedForFailuresARetryMayCure()
{
    QFETCH(int, httpStatus);
    QFETCH(bool, rateLimited);
    QFETCH(QString, id);
    QFETCH(bool, offered);
    auto *retry = find<QPushButton>("retryButton");
    QVERIFY(!retry->isVisible());
    m_sandbox->setRateLimited(rateLimited);
    if (httpStatus != 0)
        m_sandbox->setFailNextWithHttpStatus(httpStatus, 4); // the backup host's retry too
    QSignalSpy failed(m_window->session(), &ConversationSession::failed);
    loadId(id);
    QVERIFY(failed.wait());
    QCOMPARE(retry->isVisible(), offered);
    QVERIFY(find<QLabel>("errorBanner")->isVisible());
    if (!offered)
        return;

    m_sandbox->setRateLimited(false);
    m_sandbox->setFailNextWithHttpStatus(503, 0);
    QTest::mouseClick(retry, Qt::LeftButton);
    QVERIFY(waitShown());
    QCOMPARE(m_window->session()->conversationId().toString(), id);
    QVERIFY(!retry->isVisible());
    QVERIFY(!find<QLabel>("errorBanner")->isVisible());
    QVERIFY(!staleBanner()->isVisible());
}

void TestViewConsistency::retryOfAFailedSaveGoesThroughTheReview()
{
    editExtension(u"{\"retried\":true}"_s);
    m_sandbox->setRateLimited(true);
    DialogHook::setNextAnswer(QDialogButtonBox::Save);
    QSignalSpy failed(m_window->session(), &ConversationSession::failed);
    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier);
    QVERIFY(failed.wait());
    auto *retry = find<QPushButton>("retryButton");
    QVERIFY(retry->isVisible());

    m_sandbox->setRateLimited(false);
    DialogHook::setNextAnswer(QDialogButtonBox::Save);
    QSignalSpy saved(m_window->session(), &ConversationSession::saved);
    QTest::mouseClick(retry, Qt::LeftButton);
    QCOMPARE(DialogHook::lastObjectName(), u"saveConfirmDialog"_s); // reviewed again, not sent blind
    QVERIFY(saved.wait());
    QCOMPARE(serverExtension(*m_sandbox, AliceId), u"{\"retried\":true}"_s);
    QVERIFY(!retry->isVisible());
}

QTEST_MAIN(TestViewConsistency)
#include "tst_viewconsistency.moc"
