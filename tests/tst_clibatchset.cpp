#include "CliExitCode.h"
#include "SandboxServer.h"
#include "audit/AuditJoin.h"
#include "audit/AuditLog.h"
#include "session/GuardedSave.h"
#include "support/InProcessCli.h"

#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <pty.h>
#include <unistd.h>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

// convdesk-cli set-extension --ids-from for many conversations in this process
// (support/InProcessCli.h): each saved like a single save (guarded, audited with the reason),
// one JSON result line per ID, code 416 waited out, the progress line only on a terminal, and
// the help that documents the batch forms and the order of exit codes.
class TestCliBatchSet : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void helpNamesTheBatchForms_data();
    void helpNamesTheBatchForms();
    void eachIdIsSavedAndAuditedWithTheReason_data();
    void eachIdIsSavedAndAuditedWithTheReason();
    void outcomesAndTheMostSevereExitCode_data();
    void outcomesAndTheMostSevereExitCode();
    void rateLimitIsWaitedOut_data();
    void rateLimitIsWaitedOut();
    void rateLimitForeverFailsThatIdOnly();
    void usageErrorsSendNothing_data();
    void usageErrorsSendNothing();
    void progressOnlyOnATerminal();

private:
    CliRun cli(const QStringList &arguments, const QByteArray &input = {}) { return m_cli->run(arguments, input); }
    QString writeFile(const QByteArray &bytes);
    QString serverValue(const QString &id) const;
    QList<AuditRecord> auditRecords() const;
    // The result lines on stdout, each checked to be a JSON object with exactly the five fields.
    static QList<OrderedJson> resultLines(const QByteArray &out);
    // A field of a result line: a string as it is, anything else as JSON text ("200", "null").
    static QString field(const OrderedJson &result, const char *name);

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<InProcessCli> m_cli;
    std::unique_ptr<QTemporaryDir> m_files;
    QStringList m_ids;
};

void TestCliBatchSet::init()
{
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY(m_sandbox->listen());
    m_ids = m_sandbox->conversationIds();
    QVERIFY(m_ids.size() >= 3);
    // Known starting values, all JSON objects, so that key edits apply everywhere.
    for (const QString &id : std::as_const(m_ids))
        QVERIFY(m_sandbox->setServerExtension(id, u"{\"ticket\":\"T-1\"}"_s));
    m_cli = std::make_unique<InProcessCli>();
    m_cli->setRateLimitPolicy(RateLimitPolicy{2, 10, 20, 5000});
    m_files = std::make_unique<QTemporaryDir>();
    QVERIFY(m_files->isValid());
    const Credentials demo = SandboxServer::demoCredentials();
    const CliRun added = cli({u"profile"_s, u"add"_s, u"sandbox"_s, u"--endpoint"_s, m_sandbox->baseUrl().toString(),
                              u"--app-key"_s, demo.appKey},
                             demo.appSecret.toUtf8() + '\n');
    QVERIFY2(added.exitCode == ExitOk, added.err.constData());
}

void TestCliBatchSet::cleanup()
{
    m_cli.reset();
    m_sandbox.reset();
    m_files.reset();
}

QString TestCliBatchSet::writeFile(const QByteArray &bytes)
{
    static int next = 0;
    QFile file(m_files->filePath(u"ids-%1.txt"_s.arg(++next)));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return file.fileName();
}

QString TestCliBatchSet::serverValue(const QString &id) const
{
    return GuardedSave::serverExtensionOf(*m_sandbox->conversation(id));
}

QList<AuditRecord> TestCliBatchSet::auditRecords() const
{
    QStringList warnings;
    const QList<AuditRecord> lines = AuditLog(m_cli->auditLogPath()).readAll(&warnings);
    [&] { QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n'))); }();
    return AuditJoin::attempts(lines);
}

QList<OrderedJson> TestCliBatchSet::resultLines(const QByteArray &out)
{
    QList<OrderedJson> results;
    QList<QByteArray> lines = out.split('\n');
    if (lines.takeLast() != "")
        return {};
    for (const QByteArray &line : std::as_const(lines)) {
        std::optional<OrderedJson> parsed = Json::parse(line);
        if (!parsed || !parsed->is_object() || parsed->size() != 5 || !parsed->contains("id")
            || !parsed->contains("outcome") || !parsed->contains("code") || !parsed->contains("trace_id")
            || !parsed->contains("exit"))
            return {};
        results << std::move(*parsed);
    }
    return results;
}

QString TestCliBatchSet::field(const OrderedJson &result, const char *name)
{
    const OrderedJson &value = result[name];
    return value.is_string() ? Json::toQString(value.get<std::string>()) : Json::toText(value);
}

void TestCliBatchSet::helpNamesTheBatchForms_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("convdesk-cli --help")
        << QStringList{u"--help"_s}
        << QStringList{u"\"get --ids-from FILE|-\""_s, u"\"set-extension --ids-from FILE|- --set KEY=JSON ...\""_s,
                       u"in this order: 7, 5, 4, 6, 3, 2, 0."_s};
    QTest::newRow("get --help") << QStringList{u"get"_s, u"--help"_s}
                                << QStringList{u"--ids-from <file>"_s, u"JSON Lines"_s, u"7, 5, 4, 6, 3, 2, then 0"_s};
    QTest::newRow("set-extension --help")
        << QStringList{u"set-extension"_s, u"--help"_s}
        << QStringList{u"--ids-from <file>"_s, u"{\"id\":…,\"outcome\":…,\"code\":…,\"trace_id\":…,\"exit\":…}"_s,
                       u"7, 5, 4, 6, 3, 2, then 0"_s};
}

void TestCliBatchSet::helpNamesTheBatchForms()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, expected);
    const CliRun run = cli(arguments);
    QCOMPARE(run.exitCode, int(ExitOk));
    for (const QString &text : expected)
        QVERIFY2(QString::fromUtf8(run.out).contains(text), qPrintable(text));
}

void TestCliBatchSet::eachIdIsSavedAndAuditedWithTheReason_data()
{
    QTest::addColumn<QString>("source"); // file or stdin
    QTest::addColumn<QStringList>("edit");
    QTest::addColumn<QString>("expectedValue");
    QTest::newRow("key edits, list in a file")
        << u"file"_s << QStringList{u"--set"_s, u"vip=true"_s, u"--set-string"_s, u"agent=林"_s}
        << u"{\"ticket\":\"T-1\",\"vip\":true,\"agent\":\"林\"}"_s;
    QTest::newRow("key edits, list on standard input") << u"stdin"_s << QStringList{u"--unset"_s, u"ticket"_s}
                                                       << u"{}"_s;
    QTest::newRow("one whole value for all") << u"file"_s << QStringList{u"--value"_s, u"{\"batch\":1}"_s}
                                             << u"{\"batch\":1}"_s;
    QTest::newRow("a whole value over the expected one")
        << u"stdin"_s << QStringList{u"--value"_s, u"{\"batch\":2}"_s, u"--expect-current"_s, u"{\"ticket\":\"T-1\"}"_s}
        << u"{\"batch\":2}"_s;
}

void TestCliBatchSet::eachIdIsSavedAndAuditedWithTheReason()
{
    QFETCH(QString, source);
    QFETCH(QStringList, edit);
    QFETCH(QString, expectedValue);
    const QStringList ids{m_ids.at(2), m_ids.at(0), m_ids.at(1)};
    const QByteArray list = "# CS-9\n" + ids.join(u'\n').toUtf8() + '\n';
    const QStringList reason{u"--reason"_s, u"CS-9 批量"_s};
    const CliRun run = source == u"file"
                           ? cli(QStringList{u"set-extension"_s, u"--ids-from"_s, writeFile(list)} + edit + reason)
                           : cli(QStringList{u"set-extension"_s, u"--ids-from"_s, u"-"_s} + edit + reason, list);
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    QVERIFY2(!run.err.contains("done"), run.err.constData()); // no progress line into a file

    const QList<OrderedJson> results = resultLines(run.out);
    const QList<AuditRecord> records = auditRecords();
    QCOMPARE(results.size(), ids.size());
    QCOMPARE(records.size(), ids.size()); // one record per ID
    for (qsizetype index = 0; index < ids.size(); ++index) {
        const OrderedJson &result = results.at(index);
        QCOMPARE(field(result, "id"), ids.at(index));
        QCOMPARE(field(result, "outcome"), u"saved"_s);
        QCOMPARE(field(result, "code"), u"200"_s);
        QCOMPARE(field(result, "exit"), u"0"_s);
        const AuditRecord &record = records.at(index);
        QCOMPARE(record.conversationId, ids.at(index));
        QCOMPARE(record.reason, u"CS-9 批量"_s);
        QCOMPARE(record.outcome(), AuditRecord::Outcome::Success);
        QCOMPARE(field(result, "trace_id"), record.traceId);
        QCOMPARE(serverValue(ids.at(index)), expectedValue);
    }
    QCOMPARE(serverValue(m_ids.at(3)), u"{\"ticket\":\"T-1\"}"_s); // not in the list
}

void TestCliBatchSet::outcomesAndTheMostSevereExitCode_data()
{
    QTest::addColumn<QStringList>("list");   // {0}, {1}: the sandbox's IDs
    QTest::addColumn<QStringList>("edit");
    QTest::addColumn<QStringList>("outcomes"); // "outcome code exit" per line
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("stderrStarts");
    QTest::newRow("saved, invalid, missing, saved")
        << QStringList{u"{0}"_s, u"x|9|y"_s, u"nobody|1|ghost"_s, u"{1}"_s} << QStringList{u"--set"_s, u"n=1"_s}
        << QStringList{u"saved 200 0"_s, u"invalid null 2"_s, u"failed 414 3"_s, u"saved 200 0"_s} << int(ExitBusiness)
        << QStringList{u"x|9|y: convdesk-cli: line 2 is not a conversation ID"_s,
                       u"nobody|1|ghost: convdesk-cli: Rejected by the server: No such conversation"_s};
    QTest::newRow("the edits change nothing")
        << QStringList{u"{1}"_s, u"# {0} holds another ticket"_s} << QStringList{u"--set-string"_s, u"ticket=T-1"_s}
        << QStringList{u"unchanged 200 0"_s} << int(ExitOk)
        << QStringList{u"{1}: convdesk-cli: the edits change nothing"_s};
    QTest::newRow("one conflict: exit 6 over 2")
        << QStringList{u"{0}"_s, u"bad id"_s, u"{1}"_s}
        << QStringList{u"--value"_s, u"new"_s, u"--expect-current"_s, u"{\"ticket\":\"T-0\"}"_s}
        << QStringList{u"saved 200 0"_s, u"invalid null 2"_s, u"conflict null 6"_s} << int(ExitConflict)
        << QStringList{u"bad id: convdesk-cli: line 2 "_s, u"{1}: convdesk-cli: not saved: "_s, u"{1}: Expected:"_s};
}

void TestCliBatchSet::outcomesAndTheMostSevereExitCode()
{
    QFETCH(QStringList, list);
    QFETCH(QStringList, edit);
    QFETCH(QStringList, outcomes);
    QFETCH(int, exitCode);
    QFETCH(QStringList, stderrStarts);
    // {0} holds what the conflict row expects; {1} does not.
    QVERIFY(m_sandbox->setServerExtension(m_ids.at(0), u"{\"ticket\":\"T-0\"}"_s));
    for (int index = 0; index < 2; ++index) {
        list.replaceInStrings(u"{%1}"_s.arg(index), m_ids.at(index));
        stderrStarts.replaceInStrings(u"{%1}"_s.arg(index), m_ids.at(index));
    }
    const CliRun run = cli(QStringList{u"set-extension"_s, u"--ids-from"_s, u"-"_s} + edit,
                           list.join(u'\n').toUtf8());
    QVERIFY2(run.exitCode == exitCode, run.err.constData());
    QStringList actual;
    for (const OrderedJson &result : resultLines(run.out)) {
        actual << u"%1 %2 %3"_s.arg(field(result, "outcome"), field(result, "code"), field(result, "exit"));
        QCOMPARE(result["trace_id"].is_null(), field(result, "outcome") == u"invalid");
    }
    QCOMPARE(actual, outcomes);
    const QString err = QString::fromUtf8(run.err);
    for (const QString &start : std::as_const(stderrStarts))
        QVERIFY2(err.startsWith(start) || err.contains(u'\n' + start), qPrintable(start + u"\n---\n"_s + err));
    // Every line of stderr names its conversation.
    for (const QString &line : err.split(u'\n', Qt::SkipEmptyParts))
        QVERIFY2(std::any_of(list.cbegin(), list.cend(), [&line](const QString &id) { return line.startsWith(id + u": "_s); }),
                 qPrintable(line));
}

void TestCliBatchSet::rateLimitIsWaitedOut_data()
{
    QTest::addColumn<QStringList>("edit");
    QTest::addColumn<int>("firstIdRecords"); // audit records of the ID that met the 416
    // Key edits read first: the 416 comes before any attempt, so there is nothing to record.
    QTest::newRow("key edits") << QStringList{u"--set"_s, u"vip=true"_s} << 1;
    // A whole value meets it at the guard's re-read, an attempt on record as not applied.
    QTest::newRow("whole value") << QStringList{u"--value"_s, u"{\"vip\":true}"_s} << 2;
}

void TestCliBatchSet::rateLimitIsWaitedOut()
{
    QFETCH(QStringList, edit);
    QFETCH(int, firstIdRecords);
    m_sandbox->setRateLimitedNext(1);
    const QStringList ids = m_ids.mid(0, 2);
    const CliRun run = cli(QStringList{u"set-extension"_s, u"--ids-from"_s, u"-"_s, u"--reason"_s, u"CS-416"_s} + edit,
                           ids.join(u'\n').toUtf8());
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    // The attempt's failure, then the pause.
    QVERIFY2(run.err.contains(QByteArray(ids.first().toUtf8() + ": convdesk-cli: Rejected by the server: Rate limited")),
             run.err.constData());
    QVERIFY2(run.err.contains(QByteArray(ids.first().toUtf8() + ": convdesk-cli: rate limited by the server; "
                                                                "trying again in ")),
             run.err.constData());
    const QList<OrderedJson> results = resultLines(run.out);
    QCOMPARE(results.size(), 2);
    QCOMPARE(field(results.at(0), "outcome"), u"saved"_s);
    QCOMPARE(field(results.at(1), "outcome"), u"saved"_s);
    const QList<AuditRecord> records = auditRecords();
    QCOMPARE(records.size(), firstIdRecords + 1);
    QCOMPARE(records.first().conversationId, ids.first());
    if (firstIdRecords == 2) {
        QCOMPARE(records.first().code, 416);
        QCOMPARE(records.first().outcome(), AuditRecord::Outcome::Failure);
    }
    for (const AuditRecord &record : records)
        QCOMPARE(record.reason, u"CS-416"_s);
    QCOMPARE(serverValue(ids.first()).contains(u"\"vip\":true"_s), true);
}

void TestCliBatchSet::rateLimitForeverFailsThatIdOnly()
{
    m_sandbox->setRateLimitedNext(3); // the first ID's read and both retries
    const QStringList ids = m_ids.mid(0, 3);
    const CliRun run = cli({u"set-extension"_s, u"--ids-from"_s, u"-"_s, u"--set"_s, u"vip=true"_s},
                           ids.join(u'\n').toUtf8());
    QCOMPARE(run.exitCode, int(ExitBusiness));
    const QList<OrderedJson> results = resultLines(run.out);
    QCOMPARE(results.size(), 3);
    QCOMPARE(field(results.at(0), "outcome"), u"failed"_s);
    QCOMPARE(field(results.at(0), "code"), u"416"_s);
    QCOMPARE(field(results.at(0), "exit"), u"3"_s);
    QCOMPARE(field(results.at(1), "outcome"), u"saved"_s);
    QCOMPARE(field(results.at(2), "outcome"), u"saved"_s);
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(ids.first() + u": convdesk-cli: still rate limited after 2 retries"_s), qPrintable(err));
    QVERIFY2(err.contains(ids.first() + u": convdesk-cli: Rejected by the server: Rate limited by the server"_s),
             qPrintable(err));
    QCOMPARE(serverValue(ids.first()), u"{\"ticket\":\"T-1\"}"_s);
    QCOMPARE(auditRecords().size(), 2);
}

void TestCliBatchSet::usageErrorsSendNothing_data()
{
    QTest::addColumn<QStringList>("arguments"); // after "set-extension"
    QTest::addColumn<QString>("message");
    QTest::newRow("list and value both on standard input")
        << QStringList{u"--ids-from"_s, u"-"_s, u"--stdin"_s} << u"would both read standard input"_s;
    QTest::newRow("an ID and a list") << QStringList{u"a|1|b"_s, u"--ids-from"_s, u"-"_s, u"--set"_s, u"v=1"_s}
                                      << u"not both"_s;
    QTest::newRow("several IDs as arguments") << QStringList{u"a|1|b"_s, u"a|1|c"_s, u"--set"_s, u"v=1"_s}
                                              << u"set-extension takes exactly one CONVERSATION_ID."_s;
    QTest::newRow("/dev/zero as the list") << QStringList{u"--ids-from"_s, u"/dev/zero"_s, u"--set"_s, u"v=1"_s}
                                           << u"/dev/zero holds more than 1048576 bytes"_s;
    QTest::newRow("no edit") << QStringList{u"--ids-from"_s, u"-"_s} << u"exactly one of --value TEXT"_s;
}

void TestCliBatchSet::usageErrorsSendNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliRun run = cli(QStringList{u"set-extension"_s} + arguments, m_ids.first().toUtf8() + '\n');
    QCOMPARE(run.exitCode, int(ExitUsage));
    QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
    QVERIFY(run.out.isEmpty());
    QCOMPARE(m_sandbox->requestCount(), 0);
    QVERIFY(auditRecords().isEmpty());
}

void TestCliBatchSet::progressOnlyOnATerminal()
{
    int master = -1;
    int terminal = -1;
    QVERIFY(::openpty(&master, &terminal, nullptr, nullptr, nullptr) == 0);
    const auto closeMaster = qScopeGuard([master] { ::close(master); });
    FILE *err = ::fdopen(terminal, "w");
    QVERIFY(err);
    m_cli->setErrorStream(err);
    const QStringList ids = m_ids.mid(0, 2);
    const CliRun run = cli({u"set-extension"_s, u"--ids-from"_s, u"-"_s, u"--set"_s, u"vip=true"_s},
                           ids.join(u'\n').toUtf8());
    m_cli->setErrorStream(nullptr);
    std::fclose(err);
    QVERIFY2(run.exitCode == ExitOk, run.out.constData());
    QCOMPARE(resultLines(run.out).size(), 2);

    QByteArray shown;
    ::fcntl(master, F_SETFL, ::fcntl(master, F_GETFL) | O_NONBLOCK);
    char buffer[4096];
    for (ssize_t read; (read = ::read(master, buffer, sizeof buffer)) > 0;)
        shown.append(buffer, read);
    QVERIFY2(shown.contains("set-extension: 1 of 2 done, 0 failed"), shown.constData());
    QVERIFY2(shown.contains("set-extension: 2 of 2 done, 0 failed"), shown.constData());
    QVERIFY2(shown.endsWith("\r\x1b[K"), shown.constData()); // erased at the end
}

QTEST_GUILESS_MAIN(TestCliBatchSet)
#include "tst_clibatchset.moc"
