#include "CliExitCode.h"
#include "SandboxServer.h"

#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QSignalSpy>
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

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run cli(const QStringList &arguments, const QByteArray &input = {});
    void addSandboxProfile(const QString &name = u"sandbox"_s, const QString &secret = {});

    std::unique_ptr<SandboxServer> m_sandbox;
    QString m_firstId;
    QByteArray m_allOutput;
};

void TestCli::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("CONVDESK_TEST_HOME"))
        QSKIP("Needs a Secret Service: run under scripts/with-test-keyring.sh (scripts/test.sh does).");
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
}

void TestCli::cleanup()
{
    m_sandbox.reset();
}

TestCli::Run TestCli::cli(const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.setProgram(QStringLiteral(CONVDESK_CLI_PATH));
    process.setArguments(arguments);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start();
    if (!process.waitForStarted())
        return {};
    process.write(input);
    process.closeWriteChannel();
    // The sandbox lives in this process: keep the event loop running while the CLI works.
    if (!finished.wait(20000)) {
        process.kill();
        process.waitForFinished();
    }
    Run run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
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
    cli({u"profile"_s, u"list"_s});
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

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
