#include "CliExitCode.h"
#include "SandboxServer.h"
#include "audit/AuditLog.h"
#include "platform/AppIdentity.h"
#include "secrets/KeychainSecretStore.h"
#include "support/CliRun.h"

#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QSettings>
#include <QTest>

#include <sys/stat.h>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

// convdesk-cli as a user runs it: a child process, the real keychain (this test runs under
// scripts/with-test-keyring.sh), the in-process sandbox on 127.0.0.1 or `convdesk-cli sandbox`.
// The commands' behaviour in detail is tested in-process: tst_clicommands, tst_clisetextension.
class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void helpAndVersion_data();
    void helpAndVersion();
    void exitCodesReachTheShell_data();
    void exitCodesReachTheShell();
    void roundTripThroughCliSandbox();
    void batchGetReadsAPipe();
    void profileRemoveDeletesSecret();
    void secretNeverLeaks();
    void sandboxOverHttpsIsTrustedOnlyWithItsCertificate();
    void endlessStandardInputIsRefused_data();
    void endlessStandardInputIsRefused();
    void settingsFileIsOwnerOnly();

private:
    using Run = CliRun;
    struct Banner // what `convdesk-cli sandbox` prints when it is ready
    {
        QString url, caFile, id;
        QByteArray certificate;
    };
    static Banner startSandbox(QProcess &server, const QStringList &options = {});
    Run cli(const QStringList &arguments, const QByteArray &input = {},
            const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    void addSandboxProfile(const QString &name = u"sandbox"_s, const QString &secret = {});

    std::unique_ptr<SandboxServer> m_sandbox;
    QString m_firstId;
    QByteArray m_allOutput;
    QString m_auditPath; // where convdesk-cli keeps its audit log in this HOME
};

void TestCli::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("CONVDESK_TEST_HOME"))
        QSKIP("Needs a Secret Service: run under scripts/with-test-keyring.sh (scripts/test.sh does).");
    // The CLI and this test share HOME and XDG_DATA_HOME, so the same identity gives the
    // same data folder.
    AppIdentity::apply();
    m_auditPath = AuditLog::defaultFilePath();
    QVERIFY(m_auditPath.startsWith(qEnvironmentVariable("CONVDESK_TEST_HOME")));
}

void TestCli::init()
{
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY(m_sandbox->listen());
    m_firstId = m_sandbox->conversationIds().value(0);
    // Each test starts without profiles; secrets of earlier tests are removed with them.
    const Run list = cli({u"profile"_s, u"list"_s});
    for (const QByteArray &line : list.out.split('\n')) {
        if (!line.isEmpty())
            cli({u"profile"_s, u"remove"_s, QString::fromUtf8(line.split('\t').first())});
    }
    // ... and with an empty audit log.
    QFile::remove(m_auditPath);
    QVERIFY(!QFile::exists(m_auditPath));
}

void TestCli::cleanup()
{
    m_sandbox.reset();
}

TestCli::Run TestCli::cli(const QStringList &arguments, const QByteArray &input,
                         const QProcessEnvironment &environment)
{
    Run run = CliRun::execute(QStringLiteral(CONVDESK_CLI_PATH), arguments, input, environment);
    m_allOutput += run.out + run.err;
    return run;
}

void TestCli::addSandboxProfile(const QString &name, const QString &secret)
{
    const Credentials demo = SandboxServer::demoCredentials();
    const Run run = cli({u"profile"_s, u"add"_s, name, u"--endpoint"_s, m_sandbox->baseUrl().toString(),
                         u"--app-key"_s, demo.appKey},
                        (secret.isEmpty() ? demo.appSecret : secret).toUtf8() + '\n');
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
}

TestCli::Banner TestCli::startSandbox(QProcess &server, const QStringList &options)
{
    server.start(QStringLiteral(CONVDESK_CLI_PATH), QStringList{u"sandbox"_s} + options);
    QByteArray printed;
    while (!printed.contains("Stop with") && server.waitForReadyRead(30000))
        printed += server.readAllStandardOutput();
    const QString text = QString::fromUtf8(printed);
    Banner banner;
    banner.url = QRegularExpression(u"listening on (\\S+)"_s).match(text).captured(1);
    banner.caFile = QRegularExpression(u"--ca-file '([^']+)'"_s).match(text).captured(1);
    banner.id = QRegularExpression(u"get '([^']+)'"_s).match(text).captured(1);
    if (QFile certificate(banner.caFile); !banner.caFile.isEmpty() && certificate.open(QIODevice::ReadOnly))
        banner.certificate = certificate.readAll();
    return banner;
}

void TestCli::helpAndVersion_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("expected");
    // The usage line names the program, not the path it was started by.
    QTest::newRow("help") << QStringList{u"--help"_s}
                          << QStringList{u"Usage: convdesk-cli [options] command\n"_s,
                                         u"set-extension CONVERSATION_ID"_s};
    QTest::newRow("command help") << QStringList{u"get"_s, u"--help"_s}
                                  << QStringList{u"Usage: convdesk-cli get [options] CONVERSATION_ID\n"_s};
    QTest::newRow("help command") << QStringList{u"help"_s, u"profile"_s, u"add"_s}
                                  << QStringList{u"Usage: convdesk-cli profile add [options] NAME\n"_s};
    QTest::newRow("version") << QStringList{u"--version"_s} << QStringList{u"convdesk-cli 0."_s};
}

void TestCli::helpAndVersion()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, expected);
    const Run run = cli(arguments);
    QCOMPARE(run.exitCode, int(ExitOk));
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.startsWith(expected.first()), run.out.constData());
    for (const QString &text : expected)
        QVERIFY2(out.contains(text), run.out.constData());
    QVERIFY2(!out.contains(QStringLiteral(CONVDESK_CLI_PATH)), run.out.constData());
}

void TestCli::exitCodesReachTheShell_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("ok") << QStringList{u"get"_s, u"FIRST"_s} << QString() << int(ExitOk);
    QTest::newRow("usage") << QStringList{u"get"_s, u"FIRST"_s, u"--all"_s} << QString() << int(ExitUsage);
    QTest::newRow("business") << QStringList{u"get"_s, u"nobody|1|ghost"_s} << QString() << int(ExitBusiness);
    QTest::newRow("transport") << QStringList{u"get"_s, u"FIRST"_s} << u"malformed"_s << int(ExitTransport);
    QTest::newRow("credentials") << QStringList{u"get"_s, u"FIRST"_s, u"--profile"_s, u"nobody"_s} << QString()
                                 << int(ExitCredentials);
    QTest::newRow("conflict") << QStringList{u"set-extension"_s, u"FIRST"_s, u"--value"_s, u"x"_s,
                                             u"--expect-current"_s, u"stale"_s}
                              << QString() << int(ExitConflict);
    // A batch: the most severe code of its conversations.
    QTest::newRow("batch, one missing") << QStringList{u"get"_s, u"FIRST"_s, u"nobody|1|ghost"_s, u"FIRST"_s}
                                        << QString() << int(ExitBusiness);
    QTest::newRow("batch, endless list") << QStringList{u"get"_s, u"--ids-from"_s, u"/dev/zero"_s} << QString()
                                         << int(ExitUsage);
}

void TestCli::exitCodesReachTheShell()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, fault);
    QFETCH(int, exitCode);
    const QString shell = QStandardPaths::findExecutable(u"sh"_s);
    if (shell.isEmpty())
        QSKIP("No POSIX shell.");
    addSandboxProfile();
    if (fault == u"malformed")
        m_sandbox->setMalformedNext(1);
    arguments.replaceInStrings(u"FIRST"_s, m_firstId);
    // What a script sees in $?.
    const Run run = CliRun::execute(shell, QStringList{u"-c"_s, u"\"$0\" \"$@\" >/dev/null 2>&1; echo \"exit $?\""_s,
                                                       QStringLiteral(CONVDESK_CLI_PATH)} + arguments);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.trimmed(), QByteArray("exit ") + QByteArray::number(exitCode));
}

void TestCli::roundTripThroughCliSandbox()
{
    QProcess server;
    const Banner banner = startSandbox(server);
    QVERIFY2(banner.url.startsWith(u"http://127.0.0.1:"_s),
             qPrintable(QString::fromUtf8(server.readAllStandardError())));
    QVERIFY(banner.caFile.isEmpty());
    const Credentials demo = SandboxServer::demoCredentials();
    Run run = cli({u"profile"_s, u"add"_s, u"sandbox"_s, u"--endpoint"_s, banner.url, u"--app-key"_s, demo.appKey},
                  demo.appSecret.toUtf8() + '\n');
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());

    run = cli({u"get"_s, banner.id});
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    const auto before = Json::parse(run.out);
    QVERIFY(before);
    QCOMPARE(QString::fromStdString((*before)["conversation_id"].get<std::string>()), banner.id);

    const QString value = u"{\"ticket\":\"CS-42\",\"备注\":\"多行\\n文本\"}"_s;
    run = cli({u"set-extension"_s, banner.id, u"--stdin"_s}, value.toUtf8());
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    run = cli({u"get"_s, banner.id, u"--profile"_s, u"sandbox"_s});
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    QCOMPARE(QString::fromStdString((*Json::parse(run.out))["server_extension"].get<std::string>()), value);
    QVERIFY(QFile::exists(m_auditPath)); // the default audit log, in this HOME

    server.kill();
    QVERIFY(server.waitForFinished());
}

void TestCli::batchGetReadsAPipe()
{
    addSandboxProfile();
    const QStringList ids = m_sandbox->conversationIds().mid(0, 3);
    const QByteArray list = "# CS-77\n" + ids.join(u'\n').toUtf8() + "\nnobody|1|ghost\n\n";
    const Run run = cli({u"get"_s, u"--ids-from"_s, u"-"_s}, list);
    QCOMPARE(run.exitCode, int(ExitBusiness));
    const QList<QByteArray> lines = run.out.split('\n');
    QCOMPARE(lines.size(), ids.size() + 1); // and nothing after the last newline
    for (qsizetype index = 0; index < ids.size(); ++index) {
        const auto conversation = Json::parse(lines.at(index));
        QVERIFY2(conversation, lines.at(index).constData());
        QCOMPARE(Json::toQString((*conversation)["conversation_id"].get<std::string>()), ids.at(index));
    }
    QVERIFY2(run.err.startsWith("nobody|1|ghost: convdesk-cli: Rejected by the server"), run.err.constData());
    QCOMPARE(m_sandbox->requestCount(), ids.size() + 1);
    QCOMPARE(m_sandbox->connectionCount(), 1); // one process, one connection
}

void TestCli::profileRemoveDeletesSecret()
{
    addSandboxProfile(u"temp"_s);
    KeychainSecretStore keychain(AppIdentity::keychainService());
    QCOMPARE(keychain.readBlocking(u"temp"_s).secret, SandboxServer::demoCredentials().appSecret);
    QCOMPARE(cli({u"profile"_s, u"remove"_s, u"temp"_s}).exitCode, int(ExitOk));
    QCOMPARE(keychain.readBlocking(u"temp"_s).status, SecretStatus::NotFound);
    QVERIFY(!cli({u"profile"_s, u"list"_s}).out.contains("temp"));
    QCOMPARE(cli({u"profile"_s, u"remove"_s, u"temp"_s}).exitCode, int(ExitUsage));
    QCOMPARE(cli({u"get"_s, m_firstId, u"--profile"_s, u"temp"_s}).exitCode, int(ExitCredentials));
}

void TestCli::secretNeverLeaks()
{
    const QString secret = u"cli-Leak-Check-%1"_s.arg(QDateTime::currentMSecsSinceEpoch());
    addSandboxProfile(u"leakcheck"_s, secret);
    cli({u"get"_s, m_firstId, u"--profile"_s, u"leakcheck"_s});
    cli({u"set-extension"_s, m_firstId, u"--value"_s, u"audited"_s, u"--profile"_s, u"leakcheck"_s});
    cli({u"history"_s, u"--format"_s, u"json"_s});
    cli({u"profile"_s, u"list"_s});
    QVERIFY(QFile::exists(m_auditPath)); // the audit log is among the files scanned below
    QVERIFY(!m_allOutput.contains(secret.toUtf8()));
    const QString home = qEnvironmentVariable("CONVDESK_TEST_HOME");
    QDirIterator files(home, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int scanned = 0;
    while (files.hasNext()) {
        QFile file(files.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        ++scanned;
        QVERIFY2(!file.readAll().contains(secret.toUtf8()), qPrintable(file.fileName()));
    }
    QVERIFY(scanned > 0);
}

void TestCli::sandboxOverHttpsIsTrustedOnlyWithItsCertificate()
{
    if (QStandardPaths::findExecutable(u"openssl"_s).isEmpty())
        QSKIP("openssl is not installed (scripts/install-deps.sh installs it).");
    QProcess server;
    const Banner banner = startSandbox(server, {u"--https"_s});
    QVERIFY2(banner.url.startsWith(u"https://127.0.0.1:"_s), qPrintable(banner.url + QString::fromUtf8(server.readAllStandardError())));
    QVERIFY(banner.certificate.startsWith("-----BEGIN CERTIFICATE-----"));
    const Credentials demo = SandboxServer::demoCredentials();
    Run run = cli({u"profile"_s, u"add"_s, u"trusted"_s, u"--endpoint"_s, banner.url, u"--app-key"_s, demo.appKey,
                   u"--ca-file"_s, banner.caFile},
                  demo.appSecret.toUtf8() + '\n');
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    run = cli({u"get"_s, banner.id, u"--profile"_s, u"trusted"_s});
    QVERIFY2(run.exitCode == ExitOk && run.out.contains(banner.id.toUtf8()), run.err.constData());

    // Without the certificate the same server is refused, and the error says why.
    run = cli({u"profile"_s, u"add"_s, u"untrusting"_s, u"--endpoint"_s, banner.url, u"--app-key"_s, demo.appKey},
              demo.appSecret.toUtf8() + '\n');
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    run = cli({u"get"_s, banner.id, u"--profile"_s, u"untrusting"_s});
    QCOMPARE(run.exitCode, int(ExitTransport));
    QVERIFY2(run.err.contains("not trusted"), run.err.constData());
    server.kill();
    QVERIFY(server.waitForFinished());

    // The next run serves the same certificate, so the profile that trusts it still works.
    QProcess again;
    const Banner second = startSandbox(again, {u"--https"_s});
    QCOMPARE(second.caFile, banner.caFile);
    QCOMPARE(second.certificate, banner.certificate);
    again.kill();
    QVERIFY(again.waitForFinished());
}

void TestCli::endlessStandardInputIsRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("set-extension --stdin") << QStringList{u"set-extension"_s, u"a|1|b"_s, u"--stdin"_s}
                                           << u"standard input holds more than 65536 bytes"_s;
    QTest::newRow("profile add") << QStringList{u"profile"_s, u"add"_s, u"endless"_s, u"--region"_s,
                                                u"mainland"_s, u"--app-key"_s, u"k"_s}
                                 << u"holds more than 4096 bytes"_s;
}

void TestCli::endlessStandardInputIsRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    // The shell connects /dev/zero, as a user would; the program must stop reading by itself.
    const Run run = CliRun::execute(u"/bin/sh"_s,
                                    QStringList{u"-c"_s, u"exec \"$0\" \"$@\" < /dev/zero"_s,
                                                QStringLiteral(CONVDESK_CLI_PATH)}
                                        + arguments);
    QCOMPARE(run.exitCode, int(ExitUsage));
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    QVERIFY(!cli({u"profile"_s, u"list"_s}).out.contains("endless"));
}

void TestCli::settingsFileIsOwnerOnly()
{
    addSandboxProfile();
    // The test shares the program's identity and XDG folders, so QSettings finds the same file.
    const QString path = QSettings().fileName();
    QVERIFY2(path.startsWith(qEnvironmentVariable("CONVDESK_TEST_HOME")), qPrintable(path));
    const auto modeOf = [](const QString &file) {
        struct stat info{};
        return ::stat(QFile::encodeName(file).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
    };
    QCOMPARE(modeOf(path), 0600);
    QCOMPARE(modeOf(QFileInfo(path).absolutePath()), 0700);
    QVERIFY(cli({u"profile"_s, u"list"_s}).out.contains("sandbox"));
    QCOMPARE(modeOf(path), 0600); // still, after the program ran again
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
