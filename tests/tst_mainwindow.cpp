#include "ConversationPanel.h"
#include "DialogHook.h"
#include "models/ConversationTreeModel.h"
#include "profiles/ProfileStore.h"
#include "support/MainWindowFixture.h"

#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QClipboard>
#include <QGuiApplication>
#include <QStatusBar>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace convdesk;
using namespace Qt::StringLiterals;

// The main window on the sandbox: loading and what it shows, the tree filter and copy actions,
// cancelling, profiles, the ID builder and the window state. Editing and saving are
// tst_mainwindowsave's, the cURL copies tst_mainwindowcurl's.
class TestMainWindow : public QObject, private MainWindowFixture
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void sandboxModeIsShownAndLoaded();
    void sandboxProfileIsNotPersisted();
    void loadTriggers_data();
    void loadTriggers();
    void recentIdsAreOffered();
    void filterKeepsMatchesVisibleAndExpanded();
    void ctrlLGoesToTheIdBox();
    void copyActions_data();
    void copyActions();
    void copyTraceId();
    void expandedStateSurvivesReload();
    void unknownConversationIsExplained();
    void invalidIdIsExplainedWithoutARequest();
    void cancelSlowCall();
    void addProfileAndSwitchProfiles();
    void idBuilderFillsTheFieldAndLoads();
    void modelsStayConsistentThroughLoadReloadAndFilter();
    void windowStateIsRestored();
};

void TestMainWindow::initTestCase()
{
    QGuiApplication::setApplicationDisplayName(u"Conversation Desk"_s); // as main() sets it
    startSandbox();
}

void TestMainWindow::init()
{
    openWindow();
}

void TestMainWindow::cleanup()
{
    closeWindow();
}

void TestMainWindow::sandboxModeIsShownAndLoaded()
{
    QVERIFY(m_window->isSandboxActive());
    const QString title = m_window->windowTitle();
    QVERIFY2(title.contains(u" — Sandbox — "_s), qPrintable(title));
    // It ends with the display name, so the platform does not add it a second time.
    QVERIFY2(title.endsWith(QGuiApplication::applicationDisplayName()), qPrintable(title));
    QCOMPARE(title.count(QGuiApplication::applicationDisplayName()), 1);
    QVERIFY(m_window->windowTitle().contains(AliceId));
    QVERIFY(find<QLabel>("sandboxBanner")->isVisible());
    QVERIFY(find<QLabel>("sandboxBanner")->text().contains(m_sandbox->baseUrl().toString()));
    QVERIFY(!find<QLabel>("errorBanner")->isVisible());
    QVERIFY(find<QComboBox>("profileCombo")->currentText().contains(u"Sandbox"_s));
    QCOMPARE(find<QLineEdit>("conversationIdField")->text(), AliceId);

    // Tree, raw JSON and editor show what the server holds, in its key order.
    const OrderedJson expected = *m_sandbox->conversation(AliceId);
    auto *tree = find<QTreeView>("conversationTree");
    QCOMPARE(tree->model()->rowCount(), int(expected.size()));
    QCOMPARE(tree->model()->index(0, 0).data().toString(), u"conversation_id"_s);
    QCOMPARE(tree->model()->headerData(1, Qt::Horizontal).toString(), u"Value"_s);
    auto *raw = find<QPlainTextEdit>("rawJsonView");
    QVERIFY(raw->isReadOnly());
    QCOMPARE(raw->toPlainText(), Json::toText(expected, 2));
    QCOMPARE(editor()->originalText(), serverExtension(*m_sandbox, AliceId));
    QVERIFY(!editor()->isModified());
    // Decoded values with their raw form in the tooltip.
    const QModelIndex type = proxyIndex(u"$.type"_s).siblingAtColumn(1);
    QVERIFY2(type.data().toString().contains(u"one-to-one"_s), qPrintable(type.data().toString()));
    // The first load opens last_message.
    QVERIFY(tree->isExpanded(proxyIndex(u"$.last_message"_s)));

    QCOMPARE(find<QLabel>("callOutcome")->text(), u"Loaded %1."_s.arg(AliceId));
    QVERIFY(find<QLabel>("callOutcome")->toolTip().contains(u"code 200"_s)); // details stay at hand
    QVERIFY(find<QLabel>("traceIdLabel")->text().contains(
        QString::fromLatin1(m_sandbox->lastRequestHeader("X-custom-traceid"))));
}

void TestMainWindow::sandboxProfileIsNotPersisted()
{
    m_window->close();
    m_settings->sync();
    ProfileStore store(*m_settings);
    QVERIFY(store.names().isEmpty());
    QVERIFY(!m_settings->contains(u"recentConversationIds"_s));
    QCOMPARE(m_secrets->count(), 0); // the demo secret never reached the real store
}

void TestMainWindow::loadTriggers_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("Load button") << u"button"_s;
    QTest::newRow("F5") << u"F5"_s;
    QTest::newRow("Ctrl+R") << u"Ctrl+R"_s;
    QTest::newRow("Enter in the ID field") << u"Enter"_s;
}

void TestMainWindow::loadTriggers()
{
    QFETCH(QString, how);
    auto *field = find<QLineEdit>("conversationIdField");
    field->setFocus();
    field->selectAll();
    QTest::keyClicks(field, BobId);
    if (how == u"button")
        QTest::mouseClick(find<QToolButton>("loadButton"), Qt::LeftButton);
    else if (how == u"F5")
        QTest::keyClick(field, Qt::Key_F5);
    else if (how == u"Ctrl+R")
        QTest::keyClick(field, Qt::Key_R, Qt::ControlModifier);
    else
        QTest::keyClick(field, Qt::Key_Return);
    QVERIFY(waitShown());
    QCOMPARE(m_window->session()->conversationId().toString(), BobId);
    // The tree shows the session's document itself: no copy on the way to the panel.
    QVERIFY(m_window->session()->sharedConversation().index());
    QCOMPARE(m_window->conversationPanel()->treeModel()->documentIndex().get(),
             m_window->session()->sharedConversation().index().get());
    QVERIFY(m_window->windowTitle().contains(BobId));
    QCOMPARE(editor()->originalText(), u"called back on Tuesday, waiting for the bank receipt"_s);
}

void TestMainWindow::recentIdsAreOffered()
{
    loadId(BobId);
    QVERIFY(waitShown());
    auto *completer = find<QLineEdit>("conversationIdField")->completer();
    QVERIFY(completer);
    QAbstractItemModel *recent = completer->model();
    QCOMPARE(recent->index(0, 0).data().toString(), BobId); // the last opened comes first
    QStringList all;
    for (int row = 0; row < recent->rowCount(); ++row)
        all << recent->index(row, 0).data().toString();
    QVERIFY(all.contains(AliceId));
    QCOMPARE(all.count(BobId), 1);
}

void TestMainWindow::ctrlLGoesToTheIdBox()
{
    auto *field = find<QLineEdit>("conversationIdField");
    m_window->conversationPanel()->treeView()->setFocus();
    QTRY_VERIFY(!field->hasFocus());
    QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier);
    QTRY_VERIFY(field->hasFocus());
    QCOMPARE(field->selectedText(), field->text()); // typing replaces the ID
    QVERIFY(!field->text().isEmpty());
}

void TestMainWindow::filterKeepsMatchesVisibleAndExpanded()
{
    auto *tree = find<QTreeView>("conversationTree");
    auto *filter = find<QLineEdit>("treeFilter");
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(filter->hasFocus());
    QTest::keyClicks(filter, u"push_content"_s);
    QTRY_COMPARE(tree->model()->rowCount(), 1); // only last_message leads to a match
    const QModelIndex match = proxyIndex(u"$.last_message.push_config.push_content"_s);
    QVERIFY(match.isValid());
    for (QModelIndex at = match.parent(); at.isValid(); at = at.parent())
        QVERIFY2(tree->isExpanded(at), qPrintable(at.data(ConversationTreeModel::PathRole).toString()));
    QVERIFY(!tree->visualRect(match).isEmpty());

    // A value matches too.
    filter->clear();
    QTest::keyClicks(filter, u"SO-99812"_s);
    QTRY_VERIFY(proxyIndex(u"$.last_message.message.text"_s).isValid());
    QVERIFY(!proxyIndex(u"$.sender_id"_s).isValid());

    filter->clear();
    QTRY_COMPARE(tree->model()->rowCount(), int(m_sandbox->conversation(AliceId)->size()));
    QVERIFY(tree->isExpanded(proxyIndex(u"$.last_message"_s))); // as before filtering
}

void TestMainWindow::copyActions_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("action");
    QTest::addColumn<int>("modifiers");
    QTest::addColumn<QString>("expected");
    const int ctrl = Qt::ControlModifier;
    QTest::newRow("path") << u"$.last_message.push_config.push_content"_s << u"copyPathAction"_s
                          << int(ctrl | Qt::ShiftModifier) << u"$.last_message.push_config.push_content"_s;
    QTest::newRow("value") << u"$.last_message.push_config.push_content"_s << u"copyValueAction"_s << ctrl
                           << u"Support: your refund has been approved"_s;
    QTest::newRow("exact big integer") << u"$.group_ids[0]"_s << u"copyValueAction"_s << ctrl
                                       << u"1125899906842624001"_s;
    QTest::newRow("subtree") << u"$.last_message.route_config"_s << u"copySubtreeAction"_s
                             << int(ctrl | Qt::AltModifier)
                             << u"{\n  \"route_enabled\": true,\n  \"route_environment\": \"production\"\n}"_s;
}

void TestMainWindow::copyActions()
{
    QFETCH(QString, path);
    QFETCH(QString, action);
    QFETCH(int, modifiers);
    QFETCH(QString, expected);

    auto *tree = find<QTreeView>("conversationTree");
    auto *copy = find<QAction>(action.toLatin1().constData());
    QVERIFY(tree->actions().contains(copy)); // in the context menu
    QVERIFY(m_window->conversationPanel()->setCurrentPath(path));
    tree->setFocus();
    QTRY_VERIFY(tree->hasFocus());
    QGuiApplication::clipboard()->clear();
    QTest::keyClick(tree, Qt::Key_C, Qt::KeyboardModifiers(modifiers));
    QCOMPARE(QGuiApplication::clipboard()->text(), expected);
    QVERIFY2(m_window->statusBar()->currentMessage().endsWith(u"copied."_s)
                 || m_window->statusBar()->currentMessage().endsWith(u"copied as JSON."_s),
             qPrintable(m_window->statusBar()->currentMessage())); // a short note says so

    QGuiApplication::clipboard()->clear();
    copy->trigger(); // the same through the menu
    QCOMPARE(QGuiApplication::clipboard()->text(), expected);
}

void TestMainWindow::copyTraceId()
{
    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(find<QToolButton>("copyTraceIdButton"), Qt::LeftButton);
    const QString traceId = QString::fromLatin1(m_sandbox->lastRequestHeader("X-custom-traceid"));
    QVERIFY(!traceId.isEmpty());
    QCOMPARE(QGuiApplication::clipboard()->text(), traceId);
    QCOMPARE(m_window->statusBar()->currentMessage(), u"Trace id copied."_s);
    QVERIFY(find<QLabel>("traceIdLabel")->textInteractionFlags() & Qt::TextSelectableByMouse);
}

void TestMainWindow::expandedStateSurvivesReload()
{
    auto *tree = find<QTreeView>("conversationTree");
    ConversationPanel *panel = m_window->conversationPanel();
    QVERIFY(panel->expandPath(u"$.last_message.route_config"_s));
    QVERIFY(panel->expandPath(u"$.last_message.push_config"_s));
    tree->collapse(proxyIndex(u"$.group_ids"_s));
    QVERIFY(panel->setCurrentPath(u"$.last_message.route_config.route_environment"_s));
    const QStringList expanded = panel->expandedPaths();
    QVERIFY(expanded.contains(u"$.last_message.push_config"_s));

    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QVERIFY(waitShown());
    QCOMPARE(panel->expandedPaths(), expanded);
    // Not merely opened to show the current node: push_config is off its path.
    QVERIFY(tree->isExpanded(proxyIndex(u"$.last_message.push_config"_s)));
    QVERIFY(tree->isExpanded(proxyIndex(u"$.last_message.route_config"_s)));
    QVERIFY(!tree->isExpanded(proxyIndex(u"$.group_ids"_s)));
    QCOMPARE(panel->currentPath(), u"$.last_message.route_config.route_environment"_s);
}

void TestMainWindow::unknownConversationIsExplained()
{
    QSignalSpy failed(m_window->session(), &ConversationSession::failed);
    loadId(u"support_demo|1|nobody"_s);
    QVERIFY(failed.wait());
    auto *banner = find<QLabel>("errorBanner");
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(u"No such conversation"_s), qPrintable(banner->text()));
    QVERIFY(banner->text().contains(u"414"_s));
    QVERIFY(find<QLabel>("callOutcome")->text().contains(u"414"_s));
    // What was loaded before stays on screen.
    QCOMPARE(m_window->session()->conversationId().toString(), AliceId);
    QVERIFY(proxyIndex(u"$.conversation_id"_s).isValid());
}

void TestMainWindow::invalidIdIsExplainedWithoutARequest()
{
    const int requests = m_sandbox->requestCount();
    loadId(u"not an id"_s);
    auto *banner = find<QLabel>("errorBanner");
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().startsWith(u"Cannot load:"_s), qPrintable(banner->text()));
    QCOMPARE(m_sandbox->requestCount(), requests);
}

void TestMainWindow::cancelSlowCall()
{
    m_sandbox->setResponseDelayMs(3000);
    auto *busy = find<QProgressBar>("busyIndicator");
    auto *cancel = find<QPushButton>("cancelButton");
    auto *loadButton = find<QToolButton>("loadButton");
    QVERIFY(!busy->isVisible());
    loadId(BobId);
    QTRY_VERIFY(busy->isVisible());
    QCOMPARE(busy->maximum(), 0); // busy mode
    QVERIFY(cancel->isVisible());
    QVERIFY(!loadButton->isEnabled());

    // The window stays usable while the call runs.
    auto *filter = find<QLineEdit>("treeFilter");
    QTest::keyClicks(filter, u"type"_s);
    QCOMPARE(filter->text(), u"type"_s);

    QSignalSpy failed(m_window->session(), &ConversationSession::failed);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().value<ApiResult>().error, ErrorKind::Cancelled);
    QVERIFY(!busy->isVisible());
    QVERIFY(!cancel->isVisible());
    QVERIFY(loadButton->isEnabled());
    QVERIFY(find<QLabel>("callOutcome")->text().contains(u"Cancelled"_s));
    QVERIFY(!find<QLabel>("errorBanner")->isVisible()); // the user asked for it
    QCOMPARE(m_window->session()->conversationId().toString(), AliceId);
}

void TestMainWindow::addProfileAndSwitchProfiles()
{
    // Profiles… → Add…, filled in like a user would; the secret goes to the secret store.
    DialogHook::setNextAnswer(QDialog::Rejected);               // the manager: Close
    DialogHook::setNextAnswer(QDialogButtonBox::Ok);            // the new profile
    const QUrl baseUrl = m_sandbox->baseUrl();
    const Credentials demo = m_sandbox->credentials();
    DialogHook::setInspector([baseUrl, demo](QDialog *dialog) {
        if (dialog->objectName() == u"profileManagerDialog") {
            dialog->findChild<QPushButton *>(u"addProfileButton"_s)->click(); // not shown: answered by the hook
            // The profile is stored once its secret is; the user closes the manager after that.
            QTRY_VERIFY(dialog->findChild<QLabel *>(u"profileManagerStatus"_s)->text().contains(u"added"_s));
            return;
        }
        QCOMPARE(dialog->objectName(), u"profileDialog"_s);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"profileName"_s), u"Staging"_s);
        dialog->findChild<QComboBox *>(u"profileRegion"_s)->setCurrentIndex(2); // custom
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"profileBaseUrl"_s), baseUrl.toString());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"profileAppKey"_s), demo.appKey);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"profileSecret"_s), demo.appSecret);
        // "Test credentials" makes one signed GET of the ID in the window's field.
        dialog->findChild<QPushButton *>(u"testCredentialsButton"_s)->click();
        auto *result = dialog->findChild<QLabel *>(u"testResult"_s);
        QTRY_VERIFY2(result->text().startsWith(u"Credentials accepted"_s), qPrintable(result->text()));
        QVERIFY(result->text().contains(u"GET support_demo|1|alice"_s));
    });
    QTest::mouseClick(find<QToolButton>("profilesButton"), Qt::LeftButton);
    QCOMPARE(DialogHook::pendingAnswers(), 0);
    DialogHook::setInspector({});

    QVERIFY(ProfileStore(*m_settings).find(u"Staging"_s).has_value());
    QVERIFY(m_secrets->contains(u"Staging"_s));
    auto *combo = find<QComboBox>("profileCombo");
    QCOMPARE(combo->count(), 2);
    QCOMPARE(combo->currentText(), u"Staging"_s); // a new profile is selected
    QVERIFY(!m_window->isSandboxActive());
    QVERIFY(!find<QLabel>("sandboxBanner")->isVisible());
    QVERIFY(!m_window->windowTitle().contains(u"Sandbox"_s));
    QVERIFY(!m_window->session()->hasConversation()); // loaded with another profile

    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QVERIFY(waitShown());
    QCOMPARE(m_window->session()->profile().name, u"Staging"_s);

    // Switching back with unsaved edits asks first; Cancel keeps everything.
    editExtension(u"staging edit"_s);
    combo->setFocus();
    DialogHook::setNextAnswer(QDialogButtonBox::Cancel);
    QTest::keyClick(combo, Qt::Key_Up);
    QCOMPARE(DialogHook::pendingAnswers(), 0);
    QCOMPARE(combo->currentText(), u"Staging"_s);
    QCOMPARE(editor()->text(), u"staging edit"_s);

    DialogHook::setNextAnswer(QDialogButtonBox::Discard);
    QTest::keyClick(combo, Qt::Key_Up);
    QVERIFY(combo->currentText().contains(u"Sandbox"_s));
    QVERIFY(m_window->isSandboxActive());
    QVERIFY(find<QLabel>("sandboxBanner")->isVisible());
    QVERIFY(!editor()->isModified());
}

void TestMainWindow::idBuilderFillsTheFieldAndLoads()
{
    DialogHook::setNextAnswer(QDialog::Accepted);
    DialogHook::setInspector([](QDialog *dialog) {
        QCOMPARE(dialog->objectName(), u"idBuilderDialog"_s);
        auto *account = dialog->findChild<QLineEdit *>(u"builderAccount"_s);
        account->clear();
        QTest::keyClicks(account, u"support_demo"_s);
        dialog->findChild<QComboBox *>(u"builderType"_s)->setCurrentIndex(0);
        auto *target = dialog->findChild<QLineEdit *>(u"builderTarget"_s);
        target->clear();
        QTest::keyClicks(target, u"bob_88"_s);
        dialog->findChild<QPushButton *>(u"builderUseButton"_s)->click();
    });
    QTest::mouseClick(find<QToolButton>("idBuilderButton"), Qt::LeftButton);
    QCOMPARE(find<QLineEdit>("conversationIdField")->text(), BobId);
    QVERIFY(waitShown());
    QCOMPARE(m_window->session()->conversationId().toString(), BobId);
}

void TestMainWindow::modelsStayConsistentThroughLoadReloadAndFilter()
{
    // The testers made in init() watch both models; every step here is checked by them.
    ConversationPanel *panel = m_window->conversationPanel();
    loadId(BobId);
    QVERIFY(waitShown());
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QVERIFY(waitShown());
    panel->setFilterText(u"order"_s);
    QVERIFY(panel->filterModel()->rowCount() > 0);
    loadId(u"support_demo|1|carol.w"_s); // a recalled message: an empty last_message
    QVERIFY(waitShown());
    panel->setFilterText(u"revoke"_s);
    QCOMPARE(panel->filterModel()->rowCount(), 1);
    panel->setFilterText({});
    QCOMPARE(panel->filterModel()->rowCount(), panel->treeModel()->rowCount());
    QVERIFY(!QTest::currentTestFailed());
}

void TestMainWindow::windowStateIsRestored()
{
    m_window->resize(1010, 690);
    auto *splitter = find<QSplitter>("mainSplitter");
    splitter->setSizes({400, 500});
    QTRY_COMPARE(m_window->size(), QSize(1010, 690));
    const QList<int> sizes = splitter->sizes();
    QVERIFY(m_window->close());
    destroyWindow();

    createWindow();
    QCOMPARE(m_window->size(), QSize(1010, 690));
    QCOMPARE(find<QSplitter>("mainSplitter")->sizes(), sizes);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
