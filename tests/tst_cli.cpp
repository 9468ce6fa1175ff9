#include "CliExitCode.h"
#include "SandboxServer.h"
#include "audit/AuditLog.h"
#include "platform/AppIdentity.h"
#include "session/GuardedSave.h"
#include "support/CliRun.h"

#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

// convdesk-cli as a user runs it: a child process, the real keychain (this test runs under
// scripts/with-test-keyring.sh), the in-process sandbox on 127.0.0.1.
class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void helpAndVersion_data();
    void helpAndVersion();
    void usageErrors_data();
    void usageErrors();
    void noProfileIsCredentialError();
    void roundTrip();
    void setExtensionSources_data();
    void setExtensionSources();
    void businessErrorsExitThree_data();
    void businessErrorsExitThree();
    void transportErrorsExitFour();
    void listPagesThroughEverything();
    void profileRemoveDeletesSecret();
    void secretNeverLeaks();
    void caFileProfileTalksToPrivateTls();

    void expectedValueMismatchExitsSix_data();
    void expectedValueMismatchExitsSix();
    void expectedValueMatchingSaves_data();
    void expectedValueMatchingSaves();
    void expectOptionsAreExclusive();
    void everyAttemptIsAudited_data();
    void everyAttemptIsAudited();
    void unwritableAuditLogRefusesSave();
    void historyPrintsTheLog();
    void historyFilters_data();
    void historyFilters();
    void historySkipsCorruptLinesWithWarning();
    void sandboxOverHttpsIsTrustedOnlyWithItsCertificate();
    void textThatIsNotUtf8IsRefused_data();
    void textThatIsNotUtf8IsRefused();

private:
    using Run = CliRun;
    Run cli(const QStringList &arguments, const QByteArray &input = {},
            const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    QString serverValue() const;
    QList<AuditRecord> auditRecords();
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

void TestCli::helpAndVersion_data()
{
    QTest::addColumn<QString>("flag");
    QTest::addColumn<QString>("expected");
    QTest::newRow("help") << u"--help"_s << u"set-extension CONVERSATION_ID"_s;
    QTest::newRow("version") << u"--version"_s << u"convdesk-cli 0."_s;
}

void TestCli::helpAndVersion()
{
    QFETCH(QString, flag);
    QFETCH(QString, expected);
    const Run run = cli({flag});
    QCOMPARE(run.exitCode, int(ExitOk));
    QVERIFY2(QString::fromUtf8(run.out).contains(expected), run.out.constData());
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList() << u"no command"_s;
    QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << u"unknown command"_s;
    QTest::newRow("malformed id") << QStringList{u"get"_s, u"acc1|9|x"_s} << u"conversation type"_s;
    QTest::newRow("id with two parts") << QStringList{u"get"_s, u"acc1|acc2"_s} << u"three parts"_s;
    QTest::newRow("no value source") << QStringList{u"set-extension"_s, u"a|1|b"_s} << u"exactly one of"_s;
    QTest::newRow("two value sources")
        << QStringList{u"set-extension"_s, u"a|1|b"_s, u"--value"_s, u"x"_s, u"--stdin"_s} << u"exactly one of"_s;
    QTest::newRow("too long") << QStringList{u"set-extension"_s, u"a|1|b"_s, u"--value"_s, QString(1025, u'x')}
                              << u"at most 1024"_s;
    QTest::newRow("bad limit") << QStringList{u"list"_s, u"acc1"_s, u"--limit"_s, u"101"_s} << u"--limit"_s;
    QTest::newRow("region and endpoint")
        << QStringList{u"profile"_s, u"add"_s, u"p"_s, u"--region"_s, u"mainland"_s, u"--endpoint"_s,
                       u"http://127.0.0.1:1"_s, u"--app-key"_s, u"k"_s}
        << u"exactly one of"_s;
    QTest::newRow("bad region") << QStringList{u"profile"_s, u"add"_s, u"p"_s, u"--region"_s, u"mars"_s,
                                               u"--app-key"_s, u"k"_s}
                                << u"mainland or overseas"_s;
    QTest::newRow("plain http remote")
        << QStringList{u"profile"_s, u"add"_s, u"p"_s, u"--endpoint"_s, u"http://example.com"_s, u"--app-key"_s,
                       u"k"_s}
        << u"https"_s;
    QTest::newRow("option of another command") << QStringList{u"get"_s, u"a|1|b"_s, u"--all"_s} << u"--all"_s;
    QTest::newRow("unknown option") << QStringList{u"get"_s, u"--bogus"_s} << u"bogus"_s;
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    addSandboxProfile();
    const int before = m_sandbox->requestCount();
    const Run run = cli(arguments);
    QCOMPARE(run.exitCode, int(ExitUsage));
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    QVERIFY(run.out.isEmpty());
    QCOMPARE(m_sandbox->requestCount(), before); // caught before any request
}

void TestCli::noProfileIsCredentialError()
{
    const Run run = cli({u"get"_s, m_firstId});
    QCOMPARE(run.exitCode, int(ExitCredentials));
    QVERIFY(run.err.contains("profile add"));
    QCOMPARE(m_sandbox->requestCount(), 0);
}

void TestCli::roundTrip()
{
    addSandboxProfile();
    const Run get = cli({u"get"_s, m_firstId});
    QCOMPARE(get.exitCode, int(ExitOk));
    const auto before = Json::parse(get.out);
    QVERIFY(before);
    QCOMPARE(QString::fromStdString((*before)["conversation_id"].get<std::string>()), m_firstId);
    QVERIFY(get.out.indexOf("\"conversation_id\"") < get.out.indexOf("\"server_extension\"")); // server order

    const QString value = u"{\"ticket\":\"CS-42\",\"vip\":true}"_s;
    const Run set = cli({u"set-extension"_s, m_firstId, u"--value"_s, value});
    QVERIFY2(set.exitCode == ExitOk, set.err.constData());
    QCOMPARE(QString::fromStdString((*Json::parse(set.out))["server_extension"].get<std::string>()), value);

    const Run again = cli({u"get"_s, m_firstId, u"--profile"_s, u"sandbox"_s});
    QCOMPARE(again.exitCode, int(ExitOk));
    QCOMPARE(QString::fromStdString((*Json::parse(again.out))["server_extension"].get<std::string>()), value);
}

void TestCli::setExtensionSources_data()
{
    QTest::addColumn<QString>("source");
    QTest::newRow("value") << u"value"_s;
    QTest::newRow("file") << u"file"_s;
    QTest::newRow("stdin") << u"stdin"_s;
}

void TestCli::setExtensionSources()
{
    QFETCH(QString, source);
    addSandboxProfile();
    const QString value = u"{\"source\":\"%1\",\"note\":\"多行\\n文本\"}"_s.arg(source);
    QStringList arguments{u"set-extension"_s, m_firstId};
    QByteArray input;
    QTemporaryDir dir;
    if (source == u"value") {
        arguments << u"--value"_s << value;
    } else if (source == u"file") {
        QFile file(dir.filePath(u"ext.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(value.toUtf8());
        file.close();
        arguments << u"--file"_s << file.fileName();
    } else {
        arguments << u"--stdin"_s;
        input = value.toUtf8();
    }
    const Run run = cli(arguments, input);
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    const auto stored = m_sandbox->conversation(m_firstId);
    QVERIFY(stored);
    QCOMPARE(QString::fromStdString((*stored)["server_extension"].get<std::string>()), value);
}

void TestCli::businessErrorsExitThree_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QString>("message");
    QTest::newRow("wrong secret") << u"secret"_s << u"AppSecret"_s;
    QTest::newRow("unknown conversation") << u"unknown"_s << u"No such conversation"_s;
    QTest::newRow("rate limited") << u"ratelimit"_s << u"Rate limited"_s;
}

void TestCli::businessErrorsExitThree()
{
    QFETCH(QString, fault);
    QFETCH(QString, message);
    addSandboxProfile(u"sandbox"_s, fault == u"secret" ? u"wrong-secret"_s : QString());
    QString id = m_firstId;
    if (fault == u"unknown")
        id = u"nobody|1|ghost"_s;
    if (fault == u"ratelimit")
        m_sandbox->setRateLimited(true);
    const Run run = cli({u"get"_s, id});
    QCOMPARE(run.exitCode, int(ExitBusiness));
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    QVERIFY(run.err.contains("trace id"));
    QVERIFY(run.out.isEmpty());
}

void TestCli::transportErrorsExitFour()
{
    addSandboxProfile();
    m_sandbox->setMalformedNext(1);
    Run run = cli({u"get"_s, m_firstId});
    QCOMPARE(run.exitCode, int(ExitTransport));
    QVERIFY(run.err.contains("trace id"));

    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const QString closed = u"http://127.0.0.1:%1"_s.arg(probe.serverPort());
    probe.close();
    QCOMPARE(cli({u"profile"_s, u"add"_s, u"down"_s, u"--endpoint"_s, closed, u"--app-key"_s, u"k"_s}, "s\n").exitCode,
             int(ExitOk));
    run = cli({u"get"_s, m_firstId, u"--profile"_s, u"down"_s});
    QCOMPARE(run.exitCode, int(ExitTransport));
    QVERIFY(run.err.contains("Could not reach"));
}

void TestCli::listPagesThroughEverything()
{
    addSandboxProfile();
    const QString account = m_firstId.section(u'|', 0, 0);
    const Run page = cli({u"list"_s, account, u"--limit"_s, u"2"_s});
    QCOMPARE(page.exitCode, int(ExitOk));
    const auto first = Json::parse(page.out);
    QVERIFY(first);
    QVERIFY((*first)["items"].size() <= 2);

    const Run all = cli({u"list"_s, account, u"--limit"_s, u"2"_s, u"--all"_s});
    QCOMPARE(all.exitCode, int(ExitOk));
    const auto everything = Json::parse(all.out);
    QVERIFY(everything);
    int expected = 0;
    for (const QString &id : m_sandbox->conversationIds())
        expected += id.startsWith(account + u'|') ? 1 : 0;
    QCOMPARE(int((*everything)["items"].size()), expected);
    QVERIFY(expected > 2);
}

void TestCli::profileRemoveDeletesSecret()
{
    addSandboxProfile(u"temp"_s);
    QCOMPARE(cli({u"profile"_s, u"remove"_s, u"temp"_s}).exitCode, int(ExitOk));
    QVERIFY(!cli({u"profile"_s, u"list"_s}).out.contains("temp"));
    QCOMPARE(cli({u"profile"_s, u"remove"_s, u"temp"_s}).exitCode, int(ExitUsage));
    // Adding it again without the keychain entry would have to ask for the secret again.
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
    struct Banner
    {
        QString url, caFile, id;
        QByteArray certificate;
    };
    // Starts `convdesk-cli sandbox --https` and reads what it prints until it is ready.
    const auto startHttpsSandbox = [](QProcess &server) {
        server.start(QStringLiteral(CONVDESK_CLI_PATH), {u"sandbox"_s, u"--https"_s});
        QByteArray printed;
        while (!printed.contains("Stop with") && server.waitForReadyRead(30000))
            printed += server.readAllStandardOutput();
        const QString text = QString::fromUtf8(printed);
        Banner banner;
        banner.url = QRegularExpression(u"listening on (\\S+)"_s).match(text).captured(1);
        banner.caFile = QRegularExpression(u"--ca-file '([^']+)'"_s).match(text).captured(1);
        banner.id = QRegularExpression(u"get '([^']+)'"_s).match(text).captured(1);
        QFile certificate(banner.caFile);
        if (certificate.open(QIODevice::ReadOnly))
            banner.certificate = certificate.readAll();
        return banner;
    };

    QProcess server;
    const Banner banner = startHttpsSandbox(server);
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
    const Banner second = startHttpsSandbox(again);
    QCOMPARE(second.caFile, banner.caFile);
    QCOMPARE(second.certificate, banner.certificate);
    again.kill();
    QVERIFY(again.waitForFinished());
}

void TestCli::textThatIsNotUtf8IsRefused_data()
{
    QTest::addColumn<QString>("source"); // which input carries the bytes
    QTest::addColumn<QByteArray>("bytes");
    const QByteArray latin1("{\"note\":\"caf\xe9\"}"); // é in Latin-1, as an old editor saves it
    const QByteArray gbk("{\"note\":\"\xc4\xe3\xba\xc3\"}"); // 你好 in GBK
    QTest::newRow("--file, Latin-1") << u"file"_s << latin1;
    QTest::newRow("--stdin, GBK") << u"stdin"_s << gbk;
    QTest::newRow("--expect-file, cut UTF-8 sequence") << u"expect-file"_s << QByteArray("caf\xc3");
}

void TestCli::textThatIsNotUtf8IsRefused()
{
    QFETCH(QString, source);
    QFETCH(QByteArray, bytes);
    addSandboxProfile();
    QTemporaryDir dir;
    const QString path = dir.filePath(u"value.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    QStringList arguments{u"set-extension"_s, m_firstId};
    QByteArray input;
    if (source == u"file") {
        arguments << u"--file"_s << path;
    } else if (source == u"stdin") {
        arguments << u"--stdin"_s;
        input = bytes;
    } else {
        arguments << u"--value"_s << u"new"_s << u"--expect-file"_s << path;
    }
    const QString before = serverValue();
    const int requests = m_sandbox->requestCount();

    const Run run = cli(arguments, input);
    QCOMPARE(run.exitCode, int(ExitUsage));
    QVERIFY2(run.err.contains("is not UTF-8 text"), run.err.constData());
    QVERIFY2(run.err.contains(source == u"stdin" ? QByteArray("standard input") : path.toUtf8()), run.err.constData());
    QCOMPARE(m_sandbox->requestCount(), requests); // refused before anything was sent
    QCOMPARE(serverValue(), before);
}

QString TestCli::serverValue() const
{
    return GuardedSave::serverExtensionOf(*m_sandbox->conversation(m_firstId));
}

QList<AuditRecord> TestCli::auditRecords()
{
    QStringList warnings;
    const QList<AuditRecord> records = AuditLog(m_auditPath).readAll(&warnings);
    [&] { QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n'))); }();
    return records;
}

void TestCli::expectedValueMismatchExitsSix_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("--expect-current") << u"current"_s;
    QTest::newRow("--expect-file") << u"file"_s;
}

void TestCli::expectedValueMismatchExitsSix()
{
    QFETCH(QString, how);
    addSandboxProfile();
    const QString loaded = serverValue();
    // A colleague saves between our look and our write.
    QVERIFY(m_sandbox->setServerExtension(m_firstId, u"{\"by\":\"colleague\",\"备注\":\"别动\"}"_s));
    QSignalSpy handled(m_sandbox.get(), &SandboxServer::requestHandled);

    QStringList arguments{u"set-extension"_s, m_firstId, u"--value"_s, u"mine"_s};
    QTemporaryDir dir;
    if (how == u"current") {
        arguments << u"--expect-current"_s << loaded;
    } else {
        QFile file(dir.filePath(u"expected.txt"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(loaded.toUtf8());
        file.close();
        arguments << u"--expect-file"_s << file.fileName();
    }
    const Run run = cli(arguments);
    QCOMPARE(run.exitCode, int(ExitConflict));
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(u"Nothing was written"_s), run.err.constData());
    QVERIFY2(err.contains(u"{\"by\":\"colleague\",\"备注\":\"别动\"}"_s), run.err.constData()); // the server's value
    QVERIFY(err.contains(u"trace id"_s));
    QVERIFY(run.out.isEmpty());
    QCOMPARE(serverValue(), u"{\"by\":\"colleague\",\"备注\":\"别动\"}"_s);
    for (const QList<QVariant> &request : handled)
        QCOMPARE(request.at(0).toByteArray(), QByteArray("GET"));

    const QList<AuditRecord> records = auditRecords();
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.first().outcome(), AuditRecord::Outcome::Conflict);
    QCOMPARE(records.first().expected, std::optional<QString>(loaded));
    QCOMPARE(records.first().valueBefore, std::optional<QString>(u"{\"by\":\"colleague\",\"备注\":\"别动\"}"_s));
    QCOMPARE(records.first().valueSent, u"mine"_s);
    QCOMPARE(records.first().source, u"cli"_s);
}

void TestCli::expectedValueMatchingSaves_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("--expect-current") << u"current"_s;
    QTest::newRow("--expect-file") << u"file"_s;
    QTest::newRow("--expect-current \"\" on a missing server_extension") << u"missing"_s;
}

void TestCli::expectedValueMatchingSaves()
{
    QFETCH(QString, how);
    addSandboxProfile();
    if (how == u"missing") {
        OrderedJson bare = *m_sandbox->conversation(m_firstId);
        bare.erase("server_extension");
        m_sandbox->putConversation(bare);
    }
    const QString loaded = serverValue();
    QStringList arguments{u"set-extension"_s, m_firstId, u"--value"_s, u"{\"guarded\":true}"_s};
    QTemporaryDir dir;
    if (how == u"file") {
        QFile file(dir.filePath(u"expected.txt"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(loaded.toUtf8());
        file.close();
        arguments << u"--expect-file"_s << file.fileName();
    } else {
        arguments << u"--expect-current"_s << loaded;
    }
    const Run run = cli(arguments);
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    QCOMPARE(serverValue(), u"{\"guarded\":true}"_s);
    const QList<AuditRecord> records = auditRecords();
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.first().outcome(), AuditRecord::Outcome::Success);
    QCOMPARE(records.first().expected, std::optional<QString>(loaded));
}

void TestCli::expectOptionsAreExclusive()
{
    addSandboxProfile();
    QTemporaryDir dir;
    const Run both = cli({u"set-extension"_s, m_firstId, u"--value"_s, u"x"_s, u"--expect-current"_s, u"a"_s,
                          u"--expect-file"_s, dir.filePath(u"f"_s)});
    QCOMPARE(both.exitCode, int(ExitUsage));
    QVERIFY(both.err.contains("at most one"));
    const Run missing = cli({u"set-extension"_s, m_firstId, u"--value"_s, u"x"_s, u"--expect-file"_s,
                             dir.filePath(u"no-such-file"_s)});
    QCOMPARE(missing.exitCode, int(ExitUsage));
    QVERIFY(missing.err.contains("no-such-file"));
    QCOMPARE(m_sandbox->requestCount(), 0);
    QVERIFY(auditRecords().isEmpty()); // refused before any attempt
}

void TestCli::everyAttemptIsAudited_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QString>("errorKind");
    QTest::addColumn<QString>("stage");
    QTest::newRow("success") << QString() << int(ExitOk) << u"success"_s << u"none"_s << u"write"_s;
    QTest::newRow("business") << u"ratelimit"_s << int(ExitBusiness) << u"failure"_s << u"business"_s
                              << u"reread"_s;
    QTest::newRow("transport") << u"malformed"_s << int(ExitTransport) << u"failure"_s
                               << u"malformed-response"_s << u"reread"_s;
    QTest::newRow("conflict") << u"conflict"_s << int(ExitConflict) << u"conflict"_s << u"conflict"_s
                              << u"reread"_s;
}

void TestCli::everyAttemptIsAudited()
{
    QFETCH(QString, fault);
    QFETCH(int, exitCode);
    QFETCH(QString, outcome);
    QFETCH(QString, errorKind);
    QFETCH(QString, stage);
    addSandboxProfile();
    const QString before = serverValue();
    if (fault == u"ratelimit")
        m_sandbox->setRateLimited(true);
    else if (fault == u"malformed")
        m_sandbox->setMalformedNext(1);
    const QString expected = fault == u"conflict" ? u"not what the server has"_s : before;
    const Run run = cli({u"set-extension"_s, m_firstId, u"--value"_s, u"audited, \"quoted\"\n多行"_s,
                         u"--expect-current"_s, expected});
    QVERIFY2(run.exitCode == exitCode, run.err.constData());
    if (exitCode != ExitOk)
        QCOMPARE(serverValue(), before);

    const QList<AuditRecord> records = auditRecords();
    QCOMPARE(records.size(), 1);
    const AuditRecord &record = records.first();
    QCOMPARE(AuditRecord::outcomeKey(record.outcome()), outcome);
    QCOMPARE(record.errorKind, errorKind);
    QCOMPARE(record.stage, stage);
    QCOMPARE(record.profile, u"sandbox"_s);
    QCOMPARE(record.appKey, SandboxServer::demoCredentials().appKey);
    QCOMPARE(record.conversationId, m_firstId);
    QCOMPARE(record.valueSent, u"audited, \"quoted\"\n多行"_s);
    QCOMPARE(record.osUser, AuditRecord::currentOsUser());
    QVERIFY(!record.traceId.isEmpty());
    if (fault == u"ratelimit")
        QCOMPARE(record.code, 416);
    QVERIFY(record.time.secsTo(QDateTime::currentDateTimeUtc()) < 3600);
    // The trace id the user saw on stderr is the one recorded.
    if (exitCode != ExitOk)
        QVERIFY2(run.err.contains(record.traceId.toUtf8()), run.err.constData());
}

void TestCli::unwritableAuditLogRefusesSave()
{
    addSandboxProfile();
    const int before = m_sandbox->requestCount();
    QTemporaryDir dir;
    QFile blocker(dir.filePath(u"not-a-folder"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    // The data folder lies below a regular file: no one, root included, can create it.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_DATA_HOME"_s, blocker.fileName());
    const QString valueBefore = serverValue();
    const Run run = cli({u"set-extension"_s, m_firstId, u"--value"_s, u"unrecorded"_s}, {}, environment);
    QCOMPARE(run.exitCode, int(ExitAuditLog));
    QVERIFY2(run.err.contains("audit log"), run.err.constData());
    QCOMPARE(m_sandbox->requestCount(), before); // nothing sent, not even the re-read
    QCOMPARE(serverValue(), valueBefore);
}

void TestCli::historyPrintsTheLog()
{
    addSandboxProfile();
    QCOMPARE(cli({u"history"_s}).exitCode, int(ExitOk)); // an empty log is not an error
    QCOMPARE(cli({u"set-extension"_s, m_firstId, u"--value"_s, u"one\ttwo\nthree"_s}).exitCode, int(ExitOk));
    QCOMPARE(cli({u"set-extension"_s, m_firstId, u"--value"_s, u"x"_s, u"--expect-current"_s, u"stale"_s}).exitCode,
             int(ExitConflict));

    const Run table = cli({u"history"_s});
    QCOMPARE(table.exitCode, int(ExitOk));
    const QList<QByteArray> lines = table.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3); // header and two attempts, each on one line
    QVERIFY(lines.at(0).startsWith("TIME (UTC)\tPROFILE\tCONVERSATION\tOUTCOME"));
    QVERIFY2(lines.at(1).contains("\tsuccess\t") && lines.at(1).contains("one\\ttwo\\nthree"), lines.at(1).constData());
    QVERIFY2(lines.at(2).contains("\tconflict\t"), lines.at(2).constData());
    QVERIFY(lines.at(2).contains(m_firstId.toUtf8()));

    const Run json = cli({u"history"_s, u"--format"_s, u"json"_s});
    QCOMPARE(json.exitCode, int(ExitOk));
    const auto parsed = Json::parse(json.out);
    QVERIFY(parsed && parsed->is_array());
    QCOMPARE(parsed->size(), size_t(2));
    QCOMPARE((*parsed)[0]["value_sent"].get<std::string>(), std::string("one\ttwo\nthree"));
    QCOMPARE((*parsed)[1]["outcome"].get<std::string>(), std::string("conflict"));

    const Run csv = cli({u"history"_s, u"--format"_s, u"csv"_s});
    QCOMPARE(csv.exitCode, int(ExitOk));
    QVERIFY(csv.out.startsWith("time,os_user,"));
    QVERIFY(csv.out.contains("\"one\ttwo\nthree\""));

    QCOMPARE(cli({u"history"_s, u"--format"_s, u"xml"_s}).exitCode, int(ExitUsage));
    QCOMPARE(cli({u"history"_s, u"--outcome"_s, u"maybe"_s}).exitCode, int(ExitUsage));
}

void TestCli::historyFilters_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("count");
    QTest::newRow("everything") << QStringList{} << 3;
    QTest::newRow("conversation") << QStringList{u"--conversation"_s, u"FIRST"_s} << 2;
    QTest::newRow("percent-encoded conversation") << QStringList{u"--conversation"_s, u"FIRST-ENCODED"_s} << 2;
    QTest::newRow("other conversation") << QStringList{u"--conversation"_s, u"SECOND"_s} << 1;
    QTest::newRow("profile") << QStringList{u"--profile"_s, u"second"_s} << 1;
    QTest::newRow("unknown profile") << QStringList{u"--profile"_s, u"nobody"_s} << 0;
    QTest::newRow("conflicts") << QStringList{u"--outcome"_s, u"conflict"_s} << 1;
    QTest::newRow("successes of the first profile")
        << QStringList{u"--outcome"_s, u"success"_s, u"--profile"_s, u"sandbox"_s} << 1;
}

void TestCli::historyFilters()
{
    QFETCH(QStringList, options);
    QFETCH(int, count);
    addSandboxProfile();
    addSandboxProfile(u"second"_s);
    const QString second = m_sandbox->conversationIds().value(1);
    QCOMPARE(cli({u"set-extension"_s, m_firstId, u"--value"_s, u"a"_s, u"--profile"_s, u"sandbox"_s}).exitCode,
             int(ExitOk));
    QCOMPARE(cli({u"set-extension"_s, m_firstId, u"--value"_s, u"b"_s, u"--expect-current"_s, u"stale"_s,
                  u"--profile"_s, u"sandbox"_s}).exitCode,
             int(ExitConflict));
    QCOMPARE(cli({u"set-extension"_s, second, u"--value"_s, u"c"_s, u"--profile"_s, u"second"_s}).exitCode,
             int(ExitOk));

    options.replaceInStrings(u"FIRST-ENCODED"_s, QString(m_firstId).replace(u'|', u"%7C"_s));
    options.replaceInStrings(u"FIRST"_s, m_firstId);
    options.replaceInStrings(u"SECOND"_s, second);
    const Run run = cli(QStringList{u"history"_s, u"--format"_s, u"json"_s} + options);
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    const auto parsed = Json::parse(run.out);
    QVERIFY(parsed && parsed->is_array());
    QCOMPARE(int(parsed->size()), count);
}

void TestCli::historySkipsCorruptLinesWithWarning()
{
    addSandboxProfile();
    QCOMPARE(cli({u"set-extension"_s, m_firstId, u"--value"_s, u"before the damage"_s}).exitCode, int(ExitOk));
    {
        QFile file(m_auditPath);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Append));
        file.write("{\"time\": \"broken\n");
        file.write("{\"time\":\"2024-01-01T00:00:00.000Z\",\"conversation_id\":\"a|1|b\",\"err"); // cut short
    }
    // The next save still appends a whole, readable record.
    QCOMPARE(cli({u"set-extension"_s, m_firstId, u"--value"_s, u"after the damage"_s}).exitCode, int(ExitOk));

    const Run run = cli({u"history"_s, u"--format"_s, u"json"_s});
    QCOMPARE(run.exitCode, int(ExitOk));
    const auto parsed = Json::parse(run.out);
    QVERIFY(parsed && parsed->is_array());
    QCOMPARE(parsed->size(), size_t(2));
    QCOMPARE((*parsed)[1]["value_sent"].get<std::string>(), std::string("after the damage"));
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(u"warning"_s) && err.contains(u"line 2"_s) && err.contains(u"line 3"_s),
             run.err.constData());
}

void TestCli::caFileProfileTalksToPrivateTls()
{
    const QString tlsDir = QStringLiteral(CONVDESK_TLS_DIR);
    SandboxServer server;
    QVERIFY2(server.setTlsCertificate(tlsDir + u"/localhost.pem"_s, tlsDir + u"/localhost.key"_s),
             qPrintable(server.errorString()));
    QVERIFY(server.listen());
    const Credentials demo = SandboxServer::demoCredentials();
    const QString id = server.conversationIds().value(0);
    auto add = [&](const QString &name, const QStringList &extra) {
        return cli(QStringList{u"profile"_s, u"add"_s, name, u"--endpoint"_s, server.baseUrl().toString(),
                               u"--app-key"_s, demo.appKey} + extra,
                   demo.appSecret.toUtf8() + '\n');
    };

    Run run = add(u"system-cas"_s, {});
    QCOMPARE(run.exitCode, int(ExitOk));
    run = cli({u"get"_s, id, u"--profile"_s, u"system-cas"_s});
    QVERIFY2(run.exitCode == ExitTransport, run.err.constData());
    QVERIFY2(run.err.contains("not trusted"), run.err.constData());

    run = add(u"private-ca"_s, {u"--ca-file"_s, tlsDir + u"/test-ca.pem"_s});
    QCOMPARE(run.exitCode, int(ExitOk));
    run = cli({u"get"_s, id, u"--profile"_s, u"private-ca"_s});
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    QVERIFY(run.out.contains(id.toUtf8()));

    run = add(u"key-as-ca"_s, {u"--ca-file"_s, tlsDir + u"/localhost.key"_s});
    QCOMPARE(run.exitCode, int(ExitUsage));
    QVERIFY2(run.err.contains("holds no certificate"), run.err.constData());
    QVERIFY(!cli({u"profile"_s, u"list"_s}).out.contains("key-as-ca"));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
