#include "DialogHook.h"
#include "SandboxServer.h"
#include "api/ErrorText.h"
#include "models/ConversationTreeModel.h"
#include "support/MainWindowFixture.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

// Editing and saving in the main window on the sandbox: the confirmation, failures that keep
// the edited text, no second save while one runs, and the prompt about unsaved edits.
class TestMainWindowSave : public QObject, private MainWindowFixture
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void editAndSaveWithConfirmation();
    void cancelledConfirmationSendsNothing();
    void failedSaveKeepsEditedText();
    void failedLoadKeepsEditedText();
    void saveCannotBeSentTwice();
    void unsavedPromptOnSwitchingConversation_data();
    void unsavedPromptOnSwitchingConversation();
    void unsavedPromptOnClose_data();
    void unsavedPromptOnClose();
};

void TestMainWindowSave::initTestCase()
{
    startSandbox();
}

void TestMainWindowSave::init()
{
    openWindow();
}

void TestMainWindowSave::cleanup()
{
    closeWindow();
}

void TestMainWindowSave::editAndSaveWithConfirmation()
{
    const QString value = u"{\"ticket\":\"T-1\",\"priority\":\"low\"}"_s;
    editExtension(value);
    QVERIFY(m_window->isWindowModified());

    QString confirmText;
    DialogHook::setInspector(test::confirmingRisk([&confirmText](QDialog *dialog) {
        QCOMPARE(dialog->objectName(), u"saveConfirmDialog"_s);
        confirmText = DialogHook::lastText();
    }));
    DialogHook::setNextAnswer(QDialogButtonBox::Save);
    QSignalSpy saved(m_window->session(), &ConversationSession::saved);
    QByteArray patchBody;
    const QObject scope; // the connection ends with this test, before patchBody does
    connect(m_sandbox.get(), &SandboxServer::requestHandled, &scope, [this, &patchBody](const QByteArray &method) {
        if (method == "PATCH")
            patchBody = m_sandbox->lastRequestBody();
    });
    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(DialogHook::pendingAnswers(), 0);
    QVERIFY(confirmText.contains(AliceId));
    QVERIFY(confirmText.contains(u"Sandbox"_s));
    QVERIFY(saved.wait());

    QCOMPARE(serverExtension(*m_sandbox, AliceId), value);
    QCOMPARE(patchBody, Json::serialize(OrderedJson{{"server_extension", Json::toStdString(value)}}));
    // What the server returned is shown everywhere.
    QCOMPARE(editor()->originalText(), value);
    QVERIFY(!editor()->isModified());
    QVERIFY(!m_window->isWindowModified());
    QCOMPARE(find<QPlainTextEdit>("rawJsonView")->toPlainText(), Json::toText(*m_sandbox->conversation(AliceId), 2));
    QCOMPARE(proxyIndex(u"$.server_extension"_s).data(ConversationTreeModel::RawValueRole).toString(),
             Json::toText(OrderedJson(Json::toStdString(value))));
    QCOMPARE(find<QLabel>("callOutcome")->text(), u"Saved. The server now holds your value."_s);
    QVERIFY(find<QLabel>("callOutcome")->toolTip().contains(u"Save: code 200"_s));
}

void TestMainWindowSave::cancelledConfirmationSendsNothing()
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

void TestMainWindowSave::failedSaveKeepsEditedText()
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

void TestMainWindowSave::failedLoadKeepsEditedText()
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

void TestMainWindowSave::saveCannotBeSentTwice()
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
    QCOMPARE(handled.size(), 3); // the re-read before writing, one PATCH, the check after it
    QCOMPARE(handled.at(0).at(0).toByteArray(), QByteArray("GET"));
    QCOMPARE(handled.at(1).at(0).toByteArray(), QByteArray("PATCH"));
    QCOMPARE(handled.at(2).at(0).toByteArray(), QByteArray("GET"));
}

void TestMainWindowSave::unsavedPromptOnSwitchingConversation_data()
{
    QTest::addColumn<int>("answer");
    QTest::newRow("cancel") << int(QDialogButtonBox::Cancel);
    QTest::newRow("discard") << int(QDialogButtonBox::Discard);
    QTest::newRow("save") << int(QDialogButtonBox::Save);
}

void TestMainWindowSave::unsavedPromptOnSwitchingConversation()
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

void TestMainWindowSave::unsavedPromptOnClose_data()
{
    unsavedPromptOnSwitchingConversation_data();
}

void TestMainWindowSave::unsavedPromptOnClose()
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

QTEST_MAIN(TestMainWindowSave)
#include "tst_mainwindowsave.moc"
