#include "CliExitCode.h"
#include "SandboxServer.h"
#include "audit/AuditLog.h"
#include "support/InProcessCli.h"
#include "support/SampleAuditRecord.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

AuditRecord logLine(AuditRecord::Phase phase, const QString &attemptId, int minute, const QString &kind = {},
                    const QString &verifiedBy = {})
{
    return sampleAuditLine(phase, attemptId, minute, kind, verifiedBy);
}

} // namespace

// convdesk-cli history runs in this process (support/InProcessCli.h), on logs written by
// set-extension against the in-process sandbox or line by line, in a temporary folder.
class TestCliHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void historyFormats();
    void historyFilters_data();
    void historyFilters();
    void historySkipsCorruptLinesWithWarning();
    void tableJoinsAttemptsWithOutcomes();
    void outcomeFilterOnJoinedRows_data();
    void outcomeFilterOnJoinedRows();
    void jsonAndCsvCarryTheWriteAheadFields();

private:
    CliRun cli(const QStringList &arguments, const QByteArray &input = {}) { return m_cli->run(arguments, input); }
    void addSandboxProfile(const QString &name = u"sandbox"_s);
    void writeWriteAheadLog();

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<InProcessCli> m_cli;
    QString m_firstId;
};

void TestCliHistory::init()
{
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY(m_sandbox->listen());
    m_firstId = m_sandbox->conversationIds().value(0);
    m_cli = std::make_unique<InProcessCli>();
    addSandboxProfile();
}

void TestCliHistory::cleanup()
{
    m_cli.reset();
    m_sandbox.reset();
}

void TestCliHistory::addSandboxProfile(const QString &name)
{
    const Credentials demo = SandboxServer::demoCredentials();
    const CliRun run = cli({u"profile"_s, u"add"_s, name, u"--endpoint"_s, m_sandbox->baseUrl().toString(),
                            u"--app-key"_s, demo.appKey},
                           demo.appSecret.toUtf8() + '\n');
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
}

// Oldest first: A saved; B interrupted, no outcome yet; a conflict written before write-ahead;
// C saved then overwritten; D interrupted and found not applied by a later reconcile.
void TestCliHistory::writeWriteAheadLog()
{
    using Phase = AuditRecord::Phase;
    const AuditLog log(m_cli->auditLogPath());
    const QList<AuditRecord> lines{
        logLine(Phase::Attempt, u"A"_s, 1),
        logLine(Phase::Outcome, u"A"_s, 2, u"none"_s, AuditRecord::VerifiedByAnswer),
        logLine(Phase::Attempt, u"B"_s, 3),
        logLine(Phase::Complete, {}, 4, AuditRecord::ConflictKind),
        logLine(Phase::Attempt, u"C"_s, 5),
        logLine(Phase::Attempt, u"D"_s, 6),
        logLine(Phase::Outcome, u"C"_s, 7, AuditRecord::OverwrittenKind, AuditRecord::VerifiedByReread),
        logLine(Phase::Outcome, u"D"_s, 8, AuditRecord::InterruptedKind, AuditRecord::VerifiedByReconcile),
    };
    for (const AuditRecord &line : lines) {
        QString problem;
        QVERIFY2(log.append(line, &problem), qPrintable(problem));
    }
}

void TestCliHistory::historyFormats()
{
    CliRun run = cli({u"history"_s});
    QCOMPARE(run.exitCode, int(ExitOk)); // an empty log is not an error
    QVERIFY(run.out.isEmpty());
    QVERIFY(run.err.contains("No save attempts recorded."));
    QVERIFY(cli({u"history"_s, u"--outcome"_s, u"failure"_s}).err.contains("No save attempts recorded that match."));
    QCOMPARE(cli({u"set-extension"_s, m_firstId, u"--value"_s, u"one\ttwo\nthree"_s}).exitCode, int(ExitOk));
    QCOMPARE(cli({u"set-extension"_s, m_firstId, u"--value"_s, u"x"_s, u"--expect-current"_s, u"stale"_s}).exitCode,
             int(ExitConflict));

    const CliRun table = cli({u"history"_s});
    QCOMPARE(table.exitCode, int(ExitOk));
    const QList<QByteArray> lines = table.out.chopped(1).split('\n'); // not trimmed: the last cell (reason) may be empty
    QCOMPARE(lines.size(), 3); // header and two attempts, each on one line
    QCOMPARE(lines.at(0), QByteArray("TIME (UTC)\tPROFILE\tCONVERSATION\tOUTCOME\tCODE\tTRACE ID\tVALUE BEFORE\t"
                                     "VALUE SENT\tREASON"));
    QVERIFY2(lines.at(1).contains("\tsuccess\t") && lines.at(1).contains("one\\ttwo\\nthree"), lines.at(1).constData());
    QVERIFY2(lines.at(2).contains("\tconflict\t"), lines.at(2).constData());
    QVERIFY(lines.at(2).contains(m_firstId.toUtf8()));
    QCOMPARE(lines.at(2).count('\t'), 8);

    const CliRun json = cli({u"history"_s, u"--format"_s, u"json"_s});
    QCOMPARE(json.exitCode, int(ExitOk));
    const auto parsed = Json::parse(json.out);
    QVERIFY(parsed && parsed->is_array());
    QCOMPARE(parsed->size(), size_t(2));
    QCOMPARE((*parsed)[0]["value_sent"].get<std::string>(), std::string("one\ttwo\nthree"));
    QCOMPARE((*parsed)[1]["outcome"].get<std::string>(), std::string("conflict"));

    const CliRun csv = cli({u"history"_s, u"--format"_s, u"csv"_s});
    QCOMPARE(csv.exitCode, int(ExitOk));
    QVERIFY(csv.out.startsWith("time,os_user,"));
    QVERIFY(csv.out.contains("\"one\ttwo\nthree\""));

    run = cli({u"history"_s, u"--format"_s, u"xml"_s});
    QCOMPARE(run.exitCode, int(ExitUsage));
    QVERIFY(run.err.contains("--format must be table, json or csv, not \"xml\"."));
    run = cli({u"history"_s, u"--outcome"_s, u"maybe"_s});
    QCOMPARE(run.exitCode, int(ExitUsage));
    QVERIFY(run.err.contains("--outcome must be success, failure, conflict or unknown, not \"maybe\"."));
    QCOMPARE(cli({u"history"_s, u"--conversation"_s, u"a|9|b"_s}).exitCode, int(ExitUsage));
    QCOMPARE(cli({u"history"_s, u"everything"_s}).exitCode, int(ExitUsage));
}

void TestCliHistory::historyFilters_data()
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

void TestCliHistory::historyFilters()
{
    QFETCH(QStringList, options);
    QFETCH(int, count);
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
    const CliRun run = cli(QStringList{u"history"_s, u"--format"_s, u"json"_s} + options);
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    const auto parsed = Json::parse(run.out);
    QVERIFY(parsed && parsed->is_array());
    QCOMPARE(int(parsed->size()), count);
}

void TestCliHistory::historySkipsCorruptLinesWithWarning()
{
    // Lines 1 and 2: the attempt and its outcome; then two damaged lines.
    QCOMPARE(cli({u"set-extension"_s, m_firstId, u"--value"_s, u"before the damage"_s}).exitCode, int(ExitOk));
    {
        QFile file(m_cli->auditLogPath());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Append));
        file.write("{\"time\": \"broken\n");
        file.write("{\"time\":\"2024-01-01T00:00:00.000Z\",\"conversation_id\":\"a|1|b\",\"err"); // cut short
    }
    // The next save still appends a whole, readable record.
    QCOMPARE(cli({u"set-extension"_s, m_firstId, u"--value"_s, u"after the damage"_s}).exitCode, int(ExitOk));

    const CliRun run = cli({u"history"_s, u"--format"_s, u"json"_s});
    QCOMPARE(run.exitCode, int(ExitOk));
    const auto parsed = Json::parse(run.out);
    QVERIFY(parsed && parsed->is_array());
    QCOMPARE(parsed->size(), size_t(2));
    QCOMPARE((*parsed)[1]["value_sent"].get<std::string>(), std::string("after the damage"));
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(u"convdesk-cli: warning:"_s) && err.contains(u"line 3"_s) && err.contains(u"line 4"_s),
             run.err.constData());
}

void TestCliHistory::tableJoinsAttemptsWithOutcomes()
{
    writeWriteAheadLog();
    const CliRun run = cli({u"history"_s});
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    const QList<QByteArray> lines = run.out.chopped(1).split('\n');
    QCOMPARE(lines.size(), 6); // header and five attempts, from eight lines
    QStringList outcomes;
    QStringList times;
    for (const QByteArray &line : lines.mid(1)) {
        const QList<QByteArray> cells = line.split('\t');
        QCOMPARE(cells.size(), 9);
        times << QString::fromUtf8(cells.at(0));
        outcomes << QString::fromUtf8(cells.at(3));
    }
    QCOMPARE(outcomes, (QStringList{u"success"_s, u"unknown:interrupted"_s, u"conflict"_s, u"conflict:overwritten"_s,
                                    u"failure:interrupted"_s}));
    // Each row is when its attempt was made, not when its outcome was written.
    QCOMPARE(times, (QStringList{u"2026-12-01 09:01:00"_s, u"2026-12-01 09:03:00"_s, u"2026-12-01 09:04:00"_s,
                                 u"2026-12-01 09:05:00"_s, u"2026-12-01 09:06:00"_s}));
}

void TestCliHistory::outcomeFilterOnJoinedRows_data()
{
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QStringList>("attemptIds"); // "" for the line without one
    QTest::newRow("success") << u"success"_s << QStringList{u"A"_s};
    QTest::newRow("failure") << u"failure"_s << QStringList{u"D"_s};
    QTest::newRow("conflict") << u"conflict"_s << QStringList{QString(), u"C"_s};
    QTest::newRow("unknown") << u"unknown"_s << QStringList{u"B"_s};
}

void TestCliHistory::outcomeFilterOnJoinedRows()
{
    QFETCH(QString, outcome);
    QFETCH(QStringList, attemptIds);
    writeWriteAheadLog();
    const CliRun run = cli({u"history"_s, u"--format"_s, u"json"_s, u"--outcome"_s, outcome});
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    const auto parsed = Json::parse(run.out);
    QVERIFY(parsed && parsed->is_array());
    QStringList shown;
    for (const auto &row : *parsed) {
        shown << Json::toQString(row["attempt_id"].get<std::string>());
        QCOMPARE(Json::toQString(row["outcome"].get<std::string>()), outcome);
    }
    QCOMPARE(shown, attemptIds);
}

void TestCliHistory::jsonAndCsvCarryTheWriteAheadFields()
{
    writeWriteAheadLog();
    const CliRun json = cli({u"history"_s, u"--format"_s, u"json"_s});
    QVERIFY2(json.exitCode == ExitOk, json.err.constData());
    const auto parsed = Json::parse(json.out);
    QVERIFY(parsed && parsed->is_array());
    QCOMPARE(parsed->size(), size_t(5));
    const auto &saved = (*parsed)[0];
    QCOMPARE(saved["phase"].get<std::string>(), std::string("complete")); // joined
    QCOMPARE(saved["attempt_id"].get<std::string>(), std::string("A"));
    QCOMPARE(saved["verified_by"].get<std::string>(), std::string("answer"));
    QCOMPARE(saved["value_after"].get<std::string>(), std::string("after 2"));
    QCOMPARE(saved["value_before"].get<std::string>(), std::string("before 1"));
    QCOMPARE(saved["time"].get<std::string>(), std::string("2026-12-01T09:01:00.000Z"));
    const auto &interrupted = (*parsed)[1];
    QCOMPARE(interrupted["phase"].get<std::string>(), std::string("attempt"));
    QCOMPARE(interrupted["outcome"].get<std::string>(), std::string("unknown"));
    QVERIFY(interrupted["value_after"].is_null());
    QCOMPARE((*parsed)[4]["verified_by"].get<std::string>(), std::string("reconcile"));

    const CliRun csv = cli({u"history"_s, u"--format"_s, u"csv"_s});
    QVERIFY2(csv.exitCode == ExitOk, csv.err.constData());
    const QList<QByteArray> lines = csv.out.split('\n');
    QVERIFY2(lines.at(0).startsWith("time,os_user,source,profile,app_key,conversation_id,outcome,error_kind,"),
             lines.at(0).constData());
    QVERIFY2(lines.at(0).endsWith("value_sent,phase,attempt_id,verified_by,value_after,reason,revert_of\r"), lines.at(0).constData());
    QVERIFY2(lines.at(1).endsWith(",complete,A,answer,after 2,,\r"), lines.at(1).constData());
    QVERIFY2(lines.at(2).endsWith(",attempt,B,,,,\r"), lines.at(2).constData());
}

QTEST_GUILESS_MAIN(TestCliHistory)
#include "tst_clihistory.moc"
