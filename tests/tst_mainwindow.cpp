#include "ConversationPanel.h"
#include "CurlCopier.h"
#include "DialogHook.h"
#include "ExtensionEditor.h"
#include "MainWindow.h"
#include "SandboxServer.h"
#include "api/CurlCommand.h"
#include "api/ErrorText.h"
#include "models/ConversationFilterModel.h"
#include "models/ConversationTreeModel.h"
#include "profiles/ProfileStore.h"
#include "secrets/InMemorySecretStore.h"
#include "support/RequireChild.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

const QString AliceId = u"support_demo|1|alice"_s;
const QString BobId = u"support_demo|1|bob_88"_s;

QString serverExtension(const SandboxServer &server, const QString &id)
{
    const auto conversation = server.conversation(id);
    return conversation ? Json::toQString((*conversation)["server_extension"].get<std::string>()) : QString();
}

} // namespace

class TestMainWindow : public QObject
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
    void copyActions_data();
    void copyActions();
    void copyTraceId();
    void expandedStateSurvivesReload();
    void editAndSaveWithConfirmation();
    void cancelledConfirmationSendsNothing();
    void failedSaveKeepsEditedText();
    void failedLoadKeepsEditedText();
    void unknownConversationIsExplained();
    void invalidIdIsExplainedWithoutARequest();
    void cancelSlowCall();
    void saveCannotBeSentTwice();
    void unsavedPromptOnSwitchingConversation_data();
    void unsavedPromptOnSwitchingConversation();
    void unsavedPromptOnClose_data();
    void unsavedPromptOnClose();
    void addProfileAndSwitchProfiles();
    void idBuilderFillsTheFieldAndLoads();
    void modelsStayConsistentThroughLoadReloadAndFilter();
    void windowStateIsRestored();
    void copyRequestAsCurlHasPlaceholders();
    void copyRequestAsCurlWithLiveSignature_data();
    void copyRequestAsCurlWithLiveSignature();
    void expiredLiveSignatureIsNotCopied();
    void copyRequestAsCurlBeforeAnyRequest();

private:
    template<typename T>
    T *find(const char *name) const { return test::requireChild<T>(m_window.get(), name); }
    void createWindow();
    void destroyWindow();
    bool waitShown();
    void loadId(const QString &id);
    void editExtension(const QString &text);
    ExtensionEditor *editor() const { return find<ExtensionEditor>("extensionEditor"); }
    QModelIndex proxyIndex(const QString &path) const;

    std::unique_ptr<SandboxServer> m_sandbox;
    QTemporaryDir m_dir;
    int m_settingsCount = 0;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<InMemorySecretStore> m_secrets;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QSignalSpy> m_shown;
    // Alive as long as the window, so every change to the models is checked.
    std::unique_ptr<QAbstractItemModelTester> m_treeTester;
    std::unique_ptr<QAbstractItemModelTester> m_filterTester;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // nothing reaches the user's data folder
    QVERIFY(m_dir.isValid());
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY2(m_sandbox->listen(), qPrintable(m_sandbox->errorString()));
    QCOMPARE(m_sandbox->conversationIds().first(), AliceId);
}

void TestMainWindow::init()
{
    m_sandbox->resetToSeed();
    m_sandbox->setResponseDelayMs(0);
    m_sandbox->setRateLimited(false);
    DialogHook::clearAnswers();
    m_settings = std::make_unique<QSettings>(m_dir.filePath(u"settings-%1.ini"_s.arg(++m_settingsCount)),
                                             QSettings::IniFormat);
    m_secrets = std::make_unique<InMemorySecretStore>();
    createWindow();
}

void TestMainWindow::createWindow()
{
    m_window = std::make_unique<MainWindow>(*m_settings, *m_secrets);
    m_window->setAuditLogPath(m_dir.filePath(u"audit-%1.jsonl"_s.arg(m_settingsCount)));
    ConversationPanel *panel = m_window->conversationPanel();
    m_treeTester = std::make_unique<QAbstractItemModelTester>(
        panel->treeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_filterTester = std::make_unique<QAbstractItemModelTester>(
        panel->filterModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_shown = std::make_unique<QSignalSpy>(m_window.get(), &MainWindow::conversationShown);
    m_window->enableSandbox(m_sandbox->baseUrl(), m_sandbox->credentials(), m_sandbox->conversationIds());
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(waitShown());
}

void TestMainWindow::destroyWindow()
{
    m_shown.reset();
    m_filterTester.reset();
    m_treeTester.reset();
    m_window.reset();
}

void TestMainWindow::cleanup()
{
    DialogHook::clearAnswers();
    destroyWindow();
    m_secrets.reset();
    m_settings.reset();
}

bool TestMainWindow::waitShown()
{
    const qsizetype before = m_shown->size();
    return m_shown->size() > before || m_shown->wait(5000);
}

void TestMainWindow::loadId(const QString &id)
{
    auto *field = find<QLineEdit>("conversationIdField");
    field->selectAll();
    QTest::keyClicks(field, id);
    QTest::keyClick(field, Qt::Key_Return);
}

void TestMainWindow::editExtension(const QString &text)
{
    auto *edit = find<QPlainTextEdit>("extensionText");
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(edit, text);
    QCOMPARE(editor()->text(), text);
    QVERIFY(editor()->isModified());
}

QModelIndex TestMainWindow::proxyIndex(const QString &path) const
{
    ConversationPanel *panel = m_window->conversationPanel();
    return panel->filterModel()->mapFromSource(panel->treeModel()->indexForPath(path));
}

void TestMainWindow::sandboxModeIsShownAndLoaded()
{
    QVERIFY(m_window->isSandboxActive());
    QVERIFY2(m_window->windowTitle().endsWith(u"— Sandbox"_s), qPrintable(m_window->windowTitle()));
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

    QVERIFY(find<QLabel>("callOutcome")->text().contains(u"200"_s));
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

void TestMainWindow::editAndSaveWithConfirmation()
{
    const QString value = u"{\"ticket\":\"T-1\",\"priority\":\"low\"}"_s;
    editExtension(value);
    QVERIFY(m_window->isWindowModified());

    QString confirmText;
    DialogHook::setInspector([&confirmText](QDialog *dialog) {
        QCOMPARE(dialog->objectName(), u"saveConfirmDialog"_s);
        confirmText = DialogHook::lastText();
    });
    DialogHook::setNextAnswer(QDialogButtonBox::Save);
    QSignalSpy saved(m_window->session(), &ConversationSession::saved);
    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(DialogHook::pendingAnswers(), 0);
    QVERIFY(confirmText.contains(AliceId));
    QVERIFY(confirmText.contains(u"Sandbox"_s));
    QVERIFY(saved.wait());

    QCOMPARE(serverExtension(*m_sandbox, AliceId), value);
    QCOMPARE(m_sandbox->lastRequestBody(), Json::serialize(OrderedJson{{"server_extension", Json::toStdString(value)}}));
    // What the server returned is shown everywhere.
    QCOMPARE(editor()->originalText(), value);
    QVERIFY(!editor()->isModified());
    QVERIFY(!m_window->isWindowModified());
    QCOMPARE(find<QPlainTextEdit>("rawJsonView")->toPlainText(), Json::toText(*m_sandbox->conversation(AliceId), 2));
    QCOMPARE(proxyIndex(u"$.server_extension"_s).data(ConversationTreeModel::RawValueRole).toString(),
             Json::toText(OrderedJson(Json::toStdString(value))));
    QVERIFY(find<QLabel>("callOutcome")->text().startsWith(u"Save: code 200"_s));
}

void TestMainWindow::cancelledConfirmationSendsNothing()
{
    editExtension(u"draft"_s);
    const int requests = m_sandbox->requestCount();
    DialogHook::setNextAnswer(QDialogButtonBox::Cancel);
    QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);
    QCOMPARE(DialogHook::lastObjectName(), u"saveConfirmDialog"_s);
    QCOMPARE(m_sandbox->requestCount(), requests);
    QCOMPARE(editor()->text(), u"draft"_s);
    QVERIFY(editor()->isModified());
}

void TestMainWindow::failedSaveKeepsEditedText()
{
    const QString before = serverExtension(*m_sandbox, AliceId);
    editExtension(u"{\"edited\":true}"_s);
    m_sandbox->setRateLimited(true);
    DialogHook::setNextAnswer(QDialogButtonBox::Save);
    QSignalSpy failed(m_window->session(), &ConversationSession::failed);
    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier);
    QVERIFY(failed.wait());

    const auto result = failed.first().first().value<ApiResult>();
    auto *banner = find<QLabel>("errorBanner");
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(ErrorText::describe(result).toHtmlEscaped()), qPrintable(banner->text()));
    QVERIFY(banner->text().contains(u"still in the editor"_s));
    QVERIFY(find<QLabel>("callOutcome")->text().contains(u"416"_s));
    QCOMPARE(editor()->text(), u"{\"edited\":true}"_s);
    QVERIFY(editor()->isModified());
    QVERIFY(!editor()->isBusy());
    QCOMPARE(serverExtension(*m_sandbox, AliceId), before);

    // Once the server accepts again, the same text can be saved; the banner goes away.
    m_sandbox->setRateLimited(false);
    DialogHook::setNextAnswer(QDialogButtonBox::Save);
    QSignalSpy saved(m_window->session(), &ConversationSession::saved);
    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier);
    QVERIFY(saved.wait());
    QVERIFY(!banner->isVisible());
    QCOMPARE(serverExtension(*m_sandbox, AliceId), u"{\"edited\":true}"_s);
}

void TestMainWindow::failedLoadKeepsEditedText()
{
    editExtension(u"keep me"_s);
    m_sandbox->setRateLimited(true);
    DialogHook::setNextAnswer(QDialogButtonBox::Discard);
    QSignalSpy failed(m_window->session(), &ConversationSession::failed);
    loadId(BobId);
    QCOMPARE(DialogHook::pendingAnswers(), 0);
    QVERIFY(failed.wait());
    QCOMPARE(editor()->text(), u"keep me"_s);
    QCOMPARE(m_window->session()->conversationId().toString(), AliceId);
    QVERIFY(find<QLabel>("errorBanner")->isVisible());
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

void TestMainWindow::saveCannotBeSentTwice()
{
    editExtension(u"once"_s);
    m_sandbox->setResponseDelayMs(500);
    QSignalSpy handled(m_sandbox.get(), &SandboxServer::requestHandled);
    QSignalSpy saved(m_window->session(), &ConversationSession::saved);
    DialogHook::setNextAnswer(QDialogButtonBox::Save);
    DialogHook::setNextAnswer(QDialogButtonBox::Save); // must stay unused
    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier);
    QVERIFY(m_window->session()->isBusy());
    QVERIFY(!find<QPushButton>("saveButton")->isEnabled());
    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier);
    m_window->save(); // even when called directly
    QCOMPARE(DialogHook::pendingAnswers(), 1);
    QVERIFY(find<QLabel>("callOutcome")->text().contains(u"save is still running"_s));
    QVERIFY(saved.wait());
    QCOMPARE(handled.size(), 2); // the re-read before writing, and one PATCH
    QCOMPARE(handled.at(0).at(0).toByteArray(), QByteArray("GET"));
    QCOMPARE(handled.at(1).at(0).toByteArray(), QByteArray("PATCH"));
}

void TestMainWindow::unsavedPromptOnSwitchingConversation_data()
{
    QTest::addColumn<int>("answer");
    QTest::newRow("cancel") << int(QDialogButtonBox::Cancel);
    QTest::newRow("discard") << int(QDialogButtonBox::Discard);
    QTest::newRow("save") << int(QDialogButtonBox::Save);
}

void TestMainWindow::unsavedPromptOnSwitchingConversation()
{
    QFETCH(int, answer);
    const QString seeded = serverExtension(*m_sandbox, AliceId);
    editExtension(u"edited before switching"_s);
    const int requests = m_sandbox->requestCount();
    DialogHook::setNextAnswer(QDialogButtonBox::StandardButton(answer));
    if (answer == QDialogButtonBox::Save)
        DialogHook::setNextAnswer(QDialogButtonBox::Save); // the confirmation
    loadId(BobId);
    QCOMPARE(DialogHook::pendingAnswers(), 0);

    if (answer == QDialogButtonBox::Cancel) {
        QCOMPARE(m_sandbox->requestCount(), requests);
        QCOMPARE(editor()->text(), u"edited before switching"_s);
        QCOMPARE(m_window->session()->conversationId().toString(), AliceId);
        return;
    }
    QVERIFY(waitShown());
    if (answer == QDialogButtonBox::Save) {
        // Saved first, then the next conversation was loaded.
        QTRY_COMPARE(m_window->session()->conversationId().toString(), BobId);
        QCOMPARE(serverExtension(*m_sandbox, AliceId), u"edited before switching"_s);
    } else {
        QCOMPARE(serverExtension(*m_sandbox, AliceId), seeded);
    }
    QCOMPARE(m_window->session()->conversationId().toString(), BobId);
    QCOMPARE(editor()->originalText(), serverExtension(*m_sandbox, BobId));
    QVERIFY(!editor()->isModified());
}

void TestMainWindow::unsavedPromptOnClose_data()
{
    unsavedPromptOnSwitchingConversation_data();
}

void TestMainWindow::unsavedPromptOnClose()
{
    QFETCH(int, answer);
    editExtension(u"edited before closing"_s);
    DialogHook::setNextAnswer(QDialogButtonBox::StandardButton(answer));
    if (answer == QDialogButtonBox::Save)
        DialogHook::setNextAnswer(QDialogButtonBox::Save);
    const bool closed = m_window->close();
    QCOMPARE(DialogHook::pendingAnswers(), 0);
    QCOMPARE(DialogHook::lastObjectName(), answer == QDialogButtonBox::Save ? u"saveConfirmDialog"_s
                                                                            : u"questionBox"_s);
    switch (answer) {
    case QDialogButtonBox::Cancel:
        QVERIFY(!closed);
        QVERIFY(m_window->isVisible());
        QCOMPARE(editor()->text(), u"edited before closing"_s);
        break;
    case QDialogButtonBox::Discard:
        QVERIFY(closed);
        QVERIFY(!m_window->isVisible());
        break;
    default: // closes once the save succeeded
        QVERIFY(!closed);
        QTRY_VERIFY(!m_window->isVisible());
        QCOMPARE(serverExtension(*m_sandbox, AliceId), u"edited before closing"_s);
    }
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

void TestMainWindow::copyRequestAsCurlHasPlaceholders()
{
    const QString secret = m_sandbox->credentials().appSecret;
    const QString liveCheckSum = QString::fromLatin1(m_sandbox->lastRequestHeader("CheckSum"));
    QVERIFY(!liveCheckSum.isEmpty());
    QGuiApplication::clipboard()->clear();
    find<QAction>("copyCurlAction")->trigger();
    QString command = QGuiApplication::clipboard()->text();
    QVERIFY2(command.contains(u"--request 'GET'"_s), qPrintable(command));
    QVERIFY(command.contains(u"support_demo%7C1%7Calice"_s));
    QVERIFY(command.contains(u"CheckSum: "_s + CurlCommand::CheckSumPlaceholder));
    QVERIFY(command.contains(u"Nonce: "_s + CurlCommand::NoncePlaceholder));
    QVERIFY(command.contains(u"CurTime: "_s + CurlCommand::CurTimePlaceholder));
    QVERIFY(command.contains(u"sha1sum"_s)); // how to compute them
    QVERIFY(!command.contains(liveCheckSum));
    QVERIFY(!command.contains(secret));
    QVERIFY2(find<QLabel>("callOutcome")->text().contains(u"placeholders"_s),
             qPrintable(find<QLabel>("callOutcome")->text()));

    // After a save the last request is the PATCH, with its body.
    editExtension(u"{\"copied\":true}"_s);
    DialogHook::setNextAnswer(QDialogButtonBox::Save);
    QSignalSpy saved(m_window->session(), &ConversationSession::saved);
    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier);
    QVERIFY(saved.wait());
    find<QAction>("copyCurlAction")->trigger();
    command = QGuiApplication::clipboard()->text();
    QVERIFY2(command.contains(u"--request 'PATCH'"_s), qPrintable(command));
    QVERIFY(command.contains(u"copied"_s));
    QVERIFY(!command.contains(secret));
}

void TestMainWindow::copyRequestAsCurlWithLiveSignature_data()
{
    QTest::addColumn<int>("answer");
    QTest::newRow("confirmed") << int(QDialogButtonBox::Ok);
    QTest::newRow("cancelled") << int(QDialogButtonBox::Cancel);
}

void TestMainWindow::copyRequestAsCurlWithLiveSignature()
{
    QFETCH(int, answer);
    const QString liveCheckSum = QString::fromLatin1(m_sandbox->lastRequestHeader("CheckSum"));
    const QString liveNonce = QString::fromLatin1(m_sandbox->lastRequestHeader("Nonce"));
    QGuiApplication::clipboard()->setText(u"before"_s);
    DialogHook::setNextAnswer(QDialogButtonBox::StandardButton(answer));
    find<QAction>("copyCurlLiveAction")->trigger();
    QCOMPARE(DialogHook::pendingAnswers(), 0);
    QCOMPARE(DialogHook::lastObjectName(), u"questionBox"_s);
    QVERIFY2(DialogHook::lastText().contains(u"5 minutes"_s), qPrintable(DialogHook::lastText()));
    QVERIFY(DialogHook::lastText().contains(u"anyone who has the command"_s));

    const QString command = QGuiApplication::clipboard()->text();
    const QString note = find<QLabel>("callOutcome")->text();
    if (answer == QDialogButtonBox::Cancel) {
        QCOMPARE(command, u"before"_s);
        QCOMPARE(note, u"Nothing copied."_s);
        return;
    }
    QVERIFY2(command.contains(u"CheckSum: "_s + liveCheckSum), qPrintable(command));
    QVERIFY(command.contains(u"Nonce: "_s + liveNonce));
    QVERIFY(command.contains(u"Live signature"_s));
    QVERIFY(!command.contains(m_sandbox->credentials().appSecret));
    QVERIFY2(note.contains(u"valid until"_s) && note.contains(u"replay"_s), qPrintable(note));
}

void TestMainWindow::expiredLiveSignatureIsNotCopied()
{
    const qint64 signedAt = QString::fromLatin1(m_sandbox->lastRequestHeader("CurTime")).toLongLong();
    m_window->curlCopier()->setClock([signedAt] { return signedAt + CurlCopier::SignatureLifetimeSeconds; });
    QGuiApplication::clipboard()->setText(u"before"_s);
    DialogHook::setNextAnswer(QDialogButtonBox::Ok); // must stay unused: nothing to ask
    find<QAction>("copyCurlLiveAction")->trigger();
    QCOMPARE(DialogHook::pendingAnswers(), 1);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"before"_s);
    QVERIFY2(find<QLabel>("callOutcome")->text().contains(u"expired"_s), qPrintable(find<QLabel>("callOutcome")->text()));
}

void TestMainWindow::copyRequestAsCurlBeforeAnyRequest()
{
    QSettings settings(m_dir.filePath(u"no-requests.ini"_s), QSettings::IniFormat);
    InMemorySecretStore secrets;
    MainWindow fresh(settings, secrets);
    QGuiApplication::clipboard()->setText(u"before"_s);
    fresh.findChild<QAction *>(u"copyCurlAction"_s)->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), u"before"_s);
    QVERIFY(fresh.findChild<QLabel *>(u"callOutcome"_s)->text().startsWith(u"No request has been sent yet"_s));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
