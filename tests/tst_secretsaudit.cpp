#include "CliExitCode.h"
#include "DialogHook.h"
#include "HistoryDialog.h"
#include "MainWindow.h"
#include "SandboxServer.h"
#include "api/CurlCommand.h"
#include "audit/AuditJoin.h"
#include "audit/AuditLog.h"
#include "json/JsonDocument.h"
#include "platform/AppIdentity.h"
#include "secrets/KeychainSecretStore.h"
#include "session/ConversationSession.h"
#include "session/GuardedSave.h"
#include "support/CliRun.h"
#include "support/SecretLeaks.h"
#include "support/ShownTexts.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QGuiApplication>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QUrl>
#include <QUuid>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

const QString CliProfile = u"audit-cli"_s;
const QString GuiProfile = u"audit-gui"_s;
// The end of the AppSecret, typed in the GUI through an input method as a Chinese user would.
const QString ImeTail = u"密钥"_s;

} // namespace

// The secrets audit: a whole session through convdesk-cli and the window (add a
// profile, load, save, failed saves, history, copy as cURL) with a fresh AppSecret that the
// sandbox accepts, so every signed request really succeeds or fails the way a user sees.
// Afterwards nothing printed, shown, copied or logged, and no file under the temporary
// HOME, holds that secret in any usual encoding. The test functions are one session and
// run in order. Runs under scripts/with-test-keyring.sh (a real gnome-keyring).
class TestSecretsAudit : public QObject
{
    Q_OBJECT
public:
    static void initMain();

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void cliSession();
    void guiSession();
    void cliUsesTheProfileTheGuiAdded();
    void auditLogHoldsBothPrograms();
    void nothingShownHoldsTheSecret();
    void noFileHoldsTheSecret();

private:
    using Run = CliRun;
    Run cli(const QStringList &arguments, const QByteArray &input = {});
    QString serverValue() const;
    // Which encoding of the secret `bytes` holds, or an empty string.
    QString leakIn(const QByteArray &bytes) const;
    void addGuiProfile(MainWindow &window);

    static QString privateHome();

    std::unique_ptr<SandboxServer> m_sandbox;
    QString m_testHome;   // the wrapper's temporary HOME: every file below it is scanned
    QString m_home;       // this test's HOME inside it
    QString m_secret;
    QString m_appKey;
    QString m_id;
    test::SecretLeakForms m_leakForms;
    QByteArray m_output;    // everything printed, shown and copied
    QStringList m_expectedFiles; // must be among the files scanned
};

QString TestSecretsAudit::privateHome()
{
    return qEnvironmentVariable("CONVDESK_TEST_HOME") + u"/secretsaudit-home"_s;
}

void TestSecretsAudit::initMain()
{
    // Before QApplication reads any path. ctest runs tst_cli in parallel in the wrapper's
    // HOME, and it empties the profiles and the audit log there; this session gets a HOME of
    // its own below it (the keychain is still the wrapper's, and the whole of its HOME is
    // scanned). The GUI part and every convdesk-cli run use it, like a user's one account.
    if (qEnvironmentVariableIsEmpty("CONVDESK_TEST_HOME"))
        return;
    const QString home = privateHome();
    QDir(home).removeRecursively(); // the wrapper deletes its HOME afterwards
    const std::pair<const char *, QString> paths[] = {
        {"HOME", home},
        {"XDG_CONFIG_HOME", home + u"/.config"_s},
        {"XDG_DATA_HOME", home + u"/.local/share"_s},
        {"XDG_CACHE_HOME", home + u"/.cache"_s},
    };
    for (const auto &[name, path] : paths) {
        QDir().mkpath(path);
        qputenv(name, QFile::encodeName(path));
    }
}

void TestSecretsAudit::initTestCase()
{
    m_testHome = qEnvironmentVariable("CONVDESK_TEST_HOME");
    if (m_testHome.isEmpty())
        QSKIP("Needs a Secret Service: run under scripts/with-test-keyring.sh (scripts/test.sh does).");
    m_home = privateHome();
    QCOMPARE(QDir::homePath(), m_home);
    AppIdentity::apply(); // the CLI's and the GUI's settings file and data folder
    QVERIFY(AuditLog::defaultFilePath().startsWith(m_home));
    QVERIFY(QSettings().fileName().startsWith(m_home));

    test::MessageRecorder::install();
    QLoggingCategory::setFilterRules(u"*.debug=true"_s);

    // New each run, with characters that JSON, URLs, shells and INI files escape differently.
    const QString core = QUuid::createUuid().toString(QUuid::Id128);
    m_secret = u"Au"_s + core + u"\"\\/+%&'<>#?=;"_s + ImeTail;
    m_appKey = u"audit-key-"_s + QUuid::createUuid().toString(QUuid::Id128).left(12);
    m_leakForms = test::SecretLeakForms(m_secret, core);

    m_sandbox = std::make_unique<SandboxServer>();
    m_sandbox->setCredentials({m_appKey, m_secret});
    QVERIFY2(m_sandbox->listen(), qPrintable(m_sandbox->errorString()));
    m_id = m_sandbox->conversationIds().value(0);
    QVERIFY(!m_id.isEmpty());
}

void TestSecretsAudit::cleanupTestCase()
{
    if (m_testHome.isEmpty())
        return;
    // The keychain outlives this test (the wrapper's daemon): take its entries out again.
    cli({u"profile"_s, u"remove"_s, CliProfile});
    cli({u"profile"_s, u"remove"_s, GuiProfile});
    QLoggingCategory::setFilterRules({});
    test::MessageRecorder::uninstall();
    m_sandbox.reset();
}

void TestSecretsAudit::cleanup()
{
    DialogHook::clearAnswers();
}

TestSecretsAudit::Run TestSecretsAudit::cli(const QStringList &arguments, const QByteArray &input)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_LOGGING_RULES"_s, u"*.debug=true"_s); // whatever it could log
    Run run = CliRun::execute(QStringLiteral(CONVDESK_CLI_PATH), arguments, input, environment);
    m_output += run.out + run.err;
    return run;
}

QString TestSecretsAudit::serverValue() const
{
    return GuardedSave::serverExtensionOf(*m_sandbox->conversation(m_id));
}

QString TestSecretsAudit::leakIn(const QByteArray &bytes) const
{
    return m_leakForms.foundIn(bytes);
}

void TestSecretsAudit::cliSession()
{
    Run run = cli({u"profile"_s, u"add"_s, CliProfile, u"--endpoint"_s, m_sandbox->baseUrl().toString(),
                   u"--app-key"_s, m_appKey},
                  m_secret.toUtf8() + '\n');
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());

    run = cli({u"get"_s, m_id});
    QVERIFY2(run.exitCode == ExitOk, run.err.constData()); // signed with the secret, accepted
    QVERIFY(run.out.contains(m_id.toUtf8()));

    const QString cliValue = u"{\"by\":\"cli\",\"quote\":\"\\\"\"}"_s;
    run = cli({u"set-extension"_s, m_id, u"--value"_s, cliValue});
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    QCOMPARE(serverValue(), cliValue);

    run = cli({u"set-extension"_s, m_id, u"--value"_s, u"lost"_s, u"--expect-current"_s, u"stale"_s});
    QVERIFY2(run.exitCode == ExitConflict, run.err.constData());

    // The re-read succeeds, the PATCH itself gets a 502: a failure at the write.
    connect(m_sandbox.get(), &SandboxServer::requestHandled, this,
            [this](const QByteArray &method) {
                if (method == "GET")
                    m_sandbox->setFailNextWithHttpStatus(502);
            },
            Qt::SingleShotConnection);
    run = cli({u"set-extension"_s, m_id, u"--value"_s, u"not written"_s, u"--expect-current"_s, cliValue});
    QVERIFY2(run.exitCode == ExitTransport, run.err.constData());
    QCOMPARE(serverValue(), cliValue);

    m_sandbox->setRateLimited(true);
    run = cli({u"get"_s, m_id});
    m_sandbox->setRateLimited(false);
    QVERIFY2(run.exitCode == ExitBusiness, run.err.constData());

    run = cli({u"history"_s});
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    QCOMPARE(run.out.trimmed().split('\n').size(), 4); // header and three attempts
    run = cli({u"history"_s, u"--format"_s, u"json"_s});
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    run = cli({u"profile"_s, u"list"_s});
    QVERIFY2(run.exitCode == ExitOk && run.out.contains(CliProfile.toUtf8()), run.err.constData());
}

void TestSecretsAudit::addGuiProfile(MainWindow &window)
{
    // Profiles… → Add…, filled in like a user would, with "Test credentials" first.
    DialogHook::setNextAnswer(QDialog::Rejected);    // the manager: Close
    DialogHook::setNextAnswer(QDialogButtonBox::Ok); // the new profile
    DialogHook::setInspector([this](QDialog *dialog) {
        if (dialog->objectName() == u"profileManagerDialog") {
            dialog->findChild<QPushButton *>(u"addProfileButton"_s)->click(); // answered by the hook
            QTRY_VERIFY(dialog->findChild<QLabel *>(u"profileManagerStatus"_s)->text().contains(u"added"_s));
            m_output += test::shownTexts(dialog);
            return;
        }
        QCOMPARE(dialog->objectName(), u"profileDialog"_s);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"profileName"_s), GuiProfile);
        dialog->findChild<QComboBox *>(u"profileRegion"_s)->setCurrentIndex(2); // custom
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"profileBaseUrl"_s), m_sandbox->baseUrl().toString());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"profileAppKey"_s), m_appKey);
        auto *secretField = dialog->findChild<QLineEdit *>(u"profileSecret"_s);
        QTest::keyClicks(secretField, m_secret.chopped(ImeTail.size()));
        QInputMethodEvent composed;
        composed.setCommitString(ImeTail);
        QCoreApplication::sendEvent(secretField, &composed);
        QCOMPARE(secretField->text(), m_secret);
        dialog->findChild<QPushButton *>(u"testCredentialsButton"_s)->click();
        auto *result = dialog->findChild<QLabel *>(u"testResult"_s);
        QTRY_VERIFY2(result->text().startsWith(u"Credentials accepted"_s), qPrintable(result->text()));
        m_output += test::shownTexts(dialog);
    });
    QTest::mouseClick(window.findChild<QToolButton *>(u"profilesButton"_s), Qt::LeftButton);
    QCOMPARE(DialogHook::pendingAnswers(), 0);
    DialogHook::clearAnswers();
}

void TestSecretsAudit::guiSession()
{
    // The window as convdesk starts it: the shared settings file and the real keychain.
    QSettings settings;
    KeychainSecretStore secrets(AppIdentity::keychainService());
    MainWindow window(settings, secrets);
    QCOMPARE(window.auditLogPath(), AuditLog::defaultFilePath());
    QSignalSpy shown(&window, &MainWindow::conversationShown);
    QSignalSpy saved(window.session(), &ConversationSession::saved);
    QSignalSpy failed(window.session(), &ConversationSession::failed);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto *editor = window.findChild<QPlainTextEdit *>(u"extensionText"_s);
    QVERIFY(editor);

    // It starts on the profile the CLI added, and reads its secret from the keychain.
    auto *idField = window.findChild<QLineEdit *>(u"conversationIdField"_s);
    QTest::keyClicks(idField, m_id);
    QTest::keyClick(idField, Qt::Key_Return);
    QVERIFY(shown.wait());
    QCOMPARE(window.session()->profile().name, CliProfile);
    QCOMPARE(window.session()->loadedServerExtension(), serverValue());
    m_output += test::shownTexts(&window);

    addGuiProfile(window);
    QCOMPARE(window.findChild<QComboBox *>(u"profileCombo"_s)->currentText(), GuiProfile);
    QTest::keyClick(&window, Qt::Key_F5);
    QVERIFY(shown.wait());
    QCOMPARE(window.session()->profile().name, GuiProfile);

    // Every dialog answered from here on is read too.
    auto recordDialogs = [this] {
        DialogHook::setInspector([this](QDialog *dialog) { m_output += test::shownTexts(dialog); });
    };
    auto type = [&](const QString &text) {
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(editor, text);
        QCOMPARE(editor->toPlainText(), text);
    };

    const QString guiValue = u"{\"by\":\"gui\",\"ticket\":\"CS-7\"}"_s;
    type(guiValue);
    recordDialogs();
    QByteArray liveCheckSum; // of the PATCH; the check after the save is a GET
    const QObject scope;     // the connection ends with this function, before liveCheckSum does
    connect(m_sandbox.get(), &SandboxServer::requestHandled, &scope, [this, &liveCheckSum](const QByteArray &method) {
        if (method == "PATCH" && liveCheckSum.isEmpty())
            liveCheckSum = m_sandbox->lastRequestHeader("CheckSum");
    });
    DialogHook::setNextAnswer(QDialogButtonBox::Save);
    window.findChild<QAction *>(u"saveAction"_s)->trigger();
    QVERIFY(saved.wait());
    QCOMPARE(serverValue(), guiValue);
    m_output += test::shownTexts(&window);

    // Copy request as cURL, both ways; the last request is the signed PATCH.
    QClipboard *clipboard = QGuiApplication::clipboard();
    clipboard->clear();
    window.findChild<QAction *>(u"copyCurlAction"_s)->trigger();
    const QString placeholders = clipboard->text();
    QVERIFY2(placeholders.contains(u"--request 'PATCH'"_s), qPrintable(placeholders));
    QVERIFY(placeholders.contains(u"CheckSum: "_s + CurlCommand::CheckSumPlaceholder));
    QVERIFY(leakIn(placeholders.toUtf8()).isEmpty());
    m_output += placeholders.toUtf8() + '\n';

    QVERIFY(QRegularExpression(u"^[0-9a-f]{40}$"_s).match(QString::fromLatin1(liveCheckSum)).hasMatch());
    recordDialogs();
    DialogHook::setNextAnswer(QDialogButtonBox::Ok);
    window.findChild<QAction *>(u"copyCurlLiveAction"_s)->trigger();
    QCOMPARE(DialogHook::pendingAnswers(), 0);
    const QString live = clipboard->text();
    QVERIFY2(live.contains(u"CheckSum: "_s + QString::fromLatin1(liveCheckSum)), qPrintable(live));
    QVERIFY(leakIn(live.toUtf8()).isEmpty()); // the signature, never what it was made with
    m_output += live.toUtf8() + '\n' + test::shownTexts(&window);

    // A save whose PATCH gets a 503 after the re-read, then one that is rate-limited.
    type(u"{\"by\":\"gui\",\"attempt\":\"503\"}"_s);
    connect(m_sandbox.get(), &SandboxServer::requestHandled, this,
            [this](const QByteArray &method) {
                if (method == "GET")
                    m_sandbox->setFailNextWithHttpStatus(503);
            },
            Qt::SingleShotConnection);
    recordDialogs();
    DialogHook::setNextAnswer(QDialogButtonBox::Save);
    window.findChild<QAction *>(u"saveAction"_s)->trigger();
    QVERIFY(failed.wait());
    QCOMPARE(serverValue(), guiValue);
    m_output += test::shownTexts(&window);

    m_sandbox->setRateLimited(true);
    recordDialogs();
    DialogHook::setNextAnswer(QDialogButtonBox::Save); // the failed edit is still there
    window.findChild<QAction *>(u"saveAction"_s)->trigger();
    QVERIFY(failed.wait());
    m_sandbox->setRateLimited(false);
    QCOMPARE(failed.size(), 2);
    QCOMPARE(serverValue(), guiValue);
    m_output += test::shownTexts(&window);

    // History: both programs' attempts, each row's details, and both exports.
    window.findChild<QAction *>(u"historyAction"_s)->trigger();
    HistoryDialog *history = window.historyDialog();
    QTRY_VERIFY(history->isVisible());
    const QList<AuditRecord> rows = history->shownRecords();
    QCOMPARE(rows.size(), 6);
    QTableView *table = history->view();
    auto *detail = history->findChild<QPlainTextEdit *>(u"historyDetail"_s);
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        table->setCurrentIndex(table->model()->index(row, 0));
        m_output += detail->toPlainText().toUtf8() + '\n';
    }
    for (const QString &format : {u"csv"_s, u"json"_s}) {
        const QString path = m_home + u"/history-export."_s + format;
        DialogHook::setNextFileName(path);
        QTest::mouseClick(history->findChild<QPushButton *>(format == u"csv" ? u"historyExportCsvButton"_s
                                                                            : u"historyExportJsonButton"_s),
                          Qt::LeftButton);
        QVERIFY2(QFileInfo(path).size() > 0, qPrintable(path));
        m_expectedFiles << path;
    }
    m_output += test::shownTexts(history) + test::shownTexts(&window);

    // Closing stores the window state; the unsaved edit is dropped.
    DialogHook::setNextAnswer(QDialogButtonBox::Discard);
    QVERIFY(window.close());
    settings.sync();
    QCOMPARE(settings.status(), QSettings::NoError);
}

void TestSecretsAudit::cliUsesTheProfileTheGuiAdded()
{
    // The GUI put the secret in the keychain, not just in memory: the CLI can sign with it.
    Run run = cli({u"get"_s, m_id, u"--profile"_s, GuiProfile});
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    QVERIFY(run.out.contains("CS-7"));
    run = cli({u"history"_s, u"--format"_s, u"json"_s});
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    const auto parsed = Json::parse(run.out);
    QVERIFY(parsed && parsed->is_array());
    QCOMPARE(parsed->size(), size_t(6));
    run = cli({u"history"_s, u"--format"_s, u"csv"_s});
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    run = cli({u"profile"_s, u"list"_s});
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    QVERIFY(run.out.contains(CliProfile.toUtf8()) && run.out.contains(GuiProfile.toUtf8()));
}

void TestSecretsAudit::auditLogHoldsBothPrograms()
{
    const AuditLog log(AuditLog::defaultFilePath());
    QStringList warnings;
    const QList<AuditRecord> records = AuditJoin::attempts(log.readAll(&warnings));
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
    QStringList seen; // source/outcome, one per save attempt
    for (const AuditRecord &record : records) {
        QCOMPARE(record.appKey, m_appKey);
        QCOMPARE(record.profile, record.source == u"cli" ? CliProfile : GuiProfile);
        seen << record.source + u'/' + AuditRecord::outcomeKey(record.outcome());
    }
    QCOMPARE(seen, QStringList({u"cli/success"_s, u"cli/conflict"_s, u"cli/failure"_s, u"gui/success"_s,
                                u"gui/failure"_s, u"gui/failure"_s}));
    // gnome-keyring's own file is scanned too: it holds the secret, but only encrypted.
    m_expectedFiles << log.filePath() << QSettings().fileName()
                    << m_testHome + u"/.local/share/keyrings/login.keyring"_s;
}

void TestSecretsAudit::nothingShownHoldsTheSecret()
{
    // The collections are real: the session's AppKey and a live signature went through them.
    QVERIFY(m_output.contains(m_appKey.toUtf8()));
    QVERIFY(m_output.contains("CheckSum: "));
    QVERIFY(m_output.contains("Credentials accepted"));
    QVERIFY2(leakIn(m_output).isEmpty(),
             qPrintable(u"the programs' output or the clipboard holds the AppSecret (%1)"_s.arg(leakIn(m_output))));
    const QByteArray loggedMessages = test::MessageRecorder::messages();
    QVERIFY(!loggedMessages.isEmpty()); // debug output of the network stack at least
    QVERIFY2(leakIn(loggedMessages).isEmpty(),
             qPrintable(u"a log message holds the AppSecret (%1)"_s.arg(leakIn(loggedMessages))));
}

void TestSecretsAudit::noFileHoldsTheSecret()
{
    QStringList scanned;
    QDirIterator files(m_testHome, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (!file.open(QIODevice::ReadOnly))
            continue; // gone meanwhile (other tests share the wrapper's HOME)
        const QString leak = leakIn(file.readAll());
        QVERIFY2(leak.isEmpty(), qPrintable(u"%1 holds the AppSecret (%2)"_s.arg(file.fileName(), leak)));
        scanned << QFileInfo(file).absoluteFilePath();
    }
    for (const QString &path : std::as_const(m_expectedFiles))
        QVERIFY2(scanned.contains(QFileInfo(path).absoluteFilePath()), qPrintable(path));
    QVERIFY2(scanned.size() >= 5, qPrintable(scanned.join(u'\n')));
}

QTEST_MAIN(TestSecretsAudit)
#include "tst_secretsaudit.moc"
