#include "CliExitCode.h"
#include "SandboxServer.h"
#include "audit/AuditJoin.h"
#include "audit/AuditLog.h"
#include "session/GuardedSave.h"
#include "support/InProcessCli.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

// convdesk-cli set-extension --set/--set-string/--unset, in this process against the in-process
// sandbox: edits on the server's text that keep every untouched byte, saved with the value read
// as the guard.
class TestCliKeyEdits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void editsAreSaved_data();
    void editsAreSaved();
    void refusedBeforeWriting_data();
    void refusedBeforeWriting();
    void editsThatChangeNothingWriteNothing();
    void changeBetweenReadAndWriteExitsSix();
    void helpNamesTheEditOptions();

private:
    CliRun editRun(const QStringList &edits) { return m_cli->run(QStringList{u"set-extension"_s, m_id} + edits); }
    QString serverValue() const { return GuardedSave::serverExtensionOf(*m_sandbox->conversation(m_id)); }
    QList<AuditRecord> auditRecords() const;
    static int writes(const QSignalSpy &handled);

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<InProcessCli> m_cli;
    QString m_id;
};

const QString Original = u"{\"a\":1.0,\"big\":9007199254740993,\"n\":{\"x\":1},\"s\":\"caf\\u00e9\"}"_s;

void TestCliKeyEdits::init()
{
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY(m_sandbox->listen());
    m_id = m_sandbox->conversationIds().value(0);
    QVERIFY(m_sandbox->setServerExtension(m_id, Original));
    m_cli = std::make_unique<InProcessCli>();
    const Credentials demo = SandboxServer::demoCredentials();
    const CliRun run = m_cli->run({u"profile"_s, u"add"_s, u"sandbox"_s, u"--endpoint"_s,
                                   m_sandbox->baseUrl().toString(), u"--app-key"_s, demo.appKey},
                                  demo.appSecret.toUtf8() + '\n');
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
}

void TestCliKeyEdits::cleanup()
{
    m_cli.reset();
    m_sandbox.reset();
}

QList<AuditRecord> TestCliKeyEdits::auditRecords() const
{
    return AuditJoin::attempts(AuditLog(m_cli->auditLogPath()).readAll());
}

int TestCliKeyEdits::writes(const QSignalSpy &handled)
{
    int count = 0;
    for (const QList<QVariant> &request : handled)
        count += request.at(0).toByteArray() != "GET";
    return count;
}

void TestCliKeyEdits::editsAreSaved_data()
{
    QTest::addColumn<QStringList>("edits");
    QTest::addColumn<QString>("expected");
    QTest::newRow("--set existing keeps the rest byte-exact")
        << QStringList{u"--set"_s, u"a=2"_s} << u"{\"a\":2,\"big\":9007199254740993,\"n\":{\"x\":1},\"s\":\"caf\\u00e9\"}"_s;
    QTest::newRow("--set new goes at the end, compact")
        << QStringList{u"--set"_s, u"vip={ \"level\": 3 }"_s}
        << u"{\"a\":1.0,\"big\":9007199254740993,\"n\":{\"x\":1},\"s\":\"caf\\u00e9\",\"vip\":{\"level\":3}}"_s;
    QTest::newRow("--set-string with quotes, backslash and '='")
        << QStringList{u"--set-string"_s, u"s=say \"hi\" \\ a=b 好"_s}
        << u"{\"a\":1.0,\"big\":9007199254740993,\"n\":{\"x\":1},\"s\":\"say \\\"hi\\\" \\\\ a=b 好\"}"_s;
    QTest::newRow("--unset first") << QStringList{u"--unset"_s, u"a"_s}
                                   << u"{\"big\":9007199254740993,\"n\":{\"x\":1},\"s\":\"caf\\u00e9\"}"_s;
    QTest::newRow("--unset middle") << QStringList{u"--unset"_s, u"n"_s}
                                    << u"{\"a\":1.0,\"big\":9007199254740993,\"s\":\"caf\\u00e9\"}"_s;
    QTest::newRow("--unset last") << QStringList{u"--unset"_s, u"s"_s}
                                  << u"{\"a\":1.0,\"big\":9007199254740993,\"n\":{\"x\":1}}"_s;
    QTest::newRow("JSON Pointer") << QStringList{u"--set"_s, u"/n/y=[1.50]"_s, u"--unset"_s, u"/n/x"_s}
                                  << u"{\"a\":1.0,\"big\":9007199254740993,\"n\":{\"y\":[1.50]},\"s\":\"caf\\u00e9\"}"_s;
    // The order on the command line, across different options.
    QTest::newRow("--set then --unset the same key")
        << QStringList{u"--set"_s, u"t=1"_s, u"--unset"_s, u"t"_s, u"--unset"_s, u"big"_s}
        << u"{\"a\":1.0,\"n\":{\"x\":1},\"s\":\"caf\\u00e9\"}"_s;
    QTest::newRow("--unset then --set the same key")
        << QStringList{u"--unset"_s, u"a"_s, u"--set"_s, u"a=true"_s}
        << u"{\"big\":9007199254740993,\"n\":{\"x\":1},\"s\":\"caf\\u00e9\",\"a\":true}"_s;
    QTest::newRow("--set-string then --set: the last wins")
        << QStringList{u"--set-string"_s, u"a=x"_s, u"--set"_s, u"a=null"_s, u"--set-string"_s, u"b=y"_s}
        << u"{\"a\":null,\"big\":9007199254740993,\"n\":{\"x\":1},\"s\":\"caf\\u00e9\",\"b\":\"y\"}"_s;
    QTest::newRow("--set=KEY=JSON form") << QStringList{u"--set=a=0"_s}
                                         << u"{\"a\":0,\"big\":9007199254740993,\"n\":{\"x\":1},\"s\":\"caf\\u00e9\"}"_s;
}

void TestCliKeyEdits::editsAreSaved()
{
    QFETCH(QStringList, edits);
    QFETCH(QString, expected);
    QSignalSpy handled(m_sandbox.get(), &SandboxServer::requestHandled);
    const CliRun run = editRun(edits);
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    QCOMPARE(serverValue(), expected);
    QCOMPARE(writes(handled), 1);
    const auto printed = Json::parse(run.out);
    QVERIFY(printed);
    QCOMPARE(Json::toQString((*printed)["server_extension"].get<std::string>()), expected);
    // The value read is the guard of the recorded attempt.
    const QList<AuditRecord> records = auditRecords();
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.first().outcome(), AuditRecord::Outcome::Success);
    QCOMPARE(records.first().expected, std::optional<QString>(Original));
    QCOMPARE(records.first().valueSent, expected);
}

void TestCliKeyEdits::refusedBeforeWriting_data()
{
    QTest::addColumn<QString>("serverValue");
    QTest::addColumn<QStringList>("edits");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("readFirst"); // refused after reading the value, else before any request

    QTest::newRow("--set value not JSON") << Original << QStringList{u"--set"_s, u"a=hello"_s}
                                          << u"the value for a is not JSON"_s << false;
    QTest::newRow("--set without '='") << Original << QStringList{u"--set"_s, u"a"_s} << u"--set needs KEY=JSON"_s
                                       << false;
    QTest::newRow("--set-string without '='") << Original << QStringList{u"--set-string"_s, u"a"_s}
                                              << u"--set-string needs KEY=TEXT"_s << false;
    QTest::newRow("--set empty KEY") << Original << QStringList{u"--set"_s, u"=1"_s}
                                     << u"the KEY before '=' is empty"_s << false;
    QTest::newRow("--set-string empty KEY") << Original << QStringList{u"--set-string"_s, u"=x"_s}
                                            << u"the KEY before '=' is empty"_s << false;
    QTest::newRow("--unset empty KEY") << Original << QStringList{u"--unset"_s, QString()}
                                       << u"--unset needs a KEY; it is empty"_s << false;
    QTest::newRow("with --value") << Original << QStringList{u"--set"_s, u"a=1"_s, u"--value"_s, u"{}"_s}
                                  << u"cannot be combined with --value"_s << false;
    QTest::newRow("with --stdin") << Original << QStringList{u"--unset"_s, u"a"_s, u"--stdin"_s}
                                  << u"cannot be combined with --stdin"_s << false;
    QTest::newRow("with --file") << Original << QStringList{u"--file"_s, u"x.json"_s, u"--unset"_s, u"a"_s}
                                 << u"cannot be combined with --file"_s << false;
    QTest::newRow("with --expect-current")
        << Original << QStringList{u"--unset"_s, u"a"_s, u"--expect-current"_s, Original}
        << u"cannot be combined with --expect-current"_s << false;
    QTest::newRow("value not an object") << u"[1,2]"_s << QStringList{u"--set"_s, u"a=1"_s}
                                         << u"edits by key need a JSON object; this value is an array."_s << true;
    QTest::newRow("value a plain string") << u"vip customer"_s << QStringList{u"--unset"_s, u"a"_s}
                                          << u"the value is not valid JSON (line 1, column"_s << true;
    QTest::newRow("value empty") << QString() << QStringList{u"--set"_s, u"a=1"_s}
                                 << u"the value is not valid JSON"_s << true;
    QTest::newRow("parent missing") << Original << QStringList{u"--set"_s, u"/contact/phone=1"_s}
                                    << u"/contact does not exist"_s << true;
    QTest::newRow("parent not an object") << Original << QStringList{u"--set"_s, u"/a/b=1"_s}
                                          << u"/a is a number, not an object"_s << true;
    QTest::newRow("result over the limit")
        << Original << QStringList{u"--set-string"_s, u"pad="_s + QString(1000, u'p')}
        << u"would have 1069 characters; the server accepts at most 1024"_s << true;
}

void TestCliKeyEdits::refusedBeforeWriting()
{
    QFETCH(QString, serverValue);
    QFETCH(QStringList, edits);
    QFETCH(QString, message);
    QFETCH(bool, readFirst);
    QVERIFY(m_sandbox->setServerExtension(m_id, serverValue));
    const int requestsBefore = m_sandbox->requestCount();
    QSignalSpy handled(m_sandbox.get(), &SandboxServer::requestHandled);

    const CliRun run = editRun(edits);
    QCOMPARE(run.exitCode, int(ExitUsage));
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    if (readFirst)
        QVERIFY2(run.err.contains("nothing was written"), run.err.constData());
    QVERIFY(run.out.isEmpty());
    QCOMPARE(writes(handled), 0);
    QCOMPARE(m_sandbox->requestCount() - requestsBefore, readFirst ? 1 : 0);
    QCOMPARE(this->serverValue(), serverValue);
    QVERIFY(auditRecords().isEmpty());
}

void TestCliKeyEdits::editsThatChangeNothingWriteNothing()
{
    QSignalSpy handled(m_sandbox.get(), &SandboxServer::requestHandled);
    const CliRun run = editRun({u"--unset"_s, u"gone"_s, u"--set"_s, u"a=1.0"_s});
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    QVERIFY2(run.err.contains("gone is not there; nothing to remove."), run.err.constData());
    QVERIFY2(run.err.contains("the edits change nothing; nothing was written."), run.err.constData());
    QVERIFY(Json::parse(run.out));
    QCOMPARE(writes(handled), 0);
    QCOMPARE(serverValue(), Original);
    QVERIFY(auditRecords().isEmpty());
}

void TestCliKeyEdits::changeBetweenReadAndWriteExitsSix()
{
    const QString colleagues = u"{\"by\":\"colleague\"}"_s;
    bool changed = false;
    // A colleague saves right after our read, before the guarded save re-reads.
    connect(m_sandbox.get(), &SandboxServer::requestHandled, this, [&](const QByteArray &method) {
        if (!changed && method == "GET") {
            changed = true;
            QVERIFY(m_sandbox->setServerExtension(m_id, colleagues));
        }
    });
    QSignalSpy handled(m_sandbox.get(), &SandboxServer::requestHandled);
    const CliRun run = editRun({u"--set"_s, u"a=2"_s});
    QCOMPARE(run.exitCode, int(ExitConflict));
    QVERIFY(changed);
    QVERIFY2(run.err.contains("Nothing was written"), run.err.constData());
    QVERIFY2(QString::fromUtf8(run.err).contains(u"Expected:\n"_s + Original + u"\nOn the server now:\n"_s + colleagues),
             run.err.constData());
    QVERIFY2(run.err.contains("run the command again"), run.err.constData());
    QCOMPARE(writes(handled), 0);
    QCOMPARE(serverValue(), colleagues);
    const QList<AuditRecord> records = auditRecords();
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.first().outcome(), AuditRecord::Outcome::Conflict);
}

void TestCliKeyEdits::helpNamesTheEditOptions()
{
    const CliRun run = m_cli->run({u"set-extension"_s, u"--help"_s});
    QCOMPARE(run.exitCode, int(ExitOk));
    for (const char *option : {"--set <KEY=JSON>", "--set-string <KEY=TEXT>", "--unset <KEY>", "--value <text>"})
        QVERIFY2(run.out.contains(option), run.out.constData());
}

QTEST_GUILESS_MAIN(TestCliKeyEdits)
#include "tst_clikeyedits.moc"
