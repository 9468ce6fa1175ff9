#include "audit/AuditJoin.h"

#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

// Lines are written as short specs, so that a case reads like the log it stands for:
//   "complete <errorKind>"                    a line that stands alone (also every older line)
//   "attempt <id>"                            written before the PATCH
//   "outcome <id> <errorKind> <verifiedBy>"   written after it, or by a later reconcile
AuditRecord line(const QString &spec, int number)
{
    const QStringList parts = spec.split(u' ');
    AuditRecord entry;
    entry.time = QDateTime(QDate(2024, 7, 1), QTime(9, 0).addSecs(number * 60), Qt::UTC);
    entry.conversationId = u"acc1|1|acc2"_s;
    entry.profile = u"prod"_s;
    entry.valueBefore = u"before %1"_s.arg(number);
    entry.valueSent = u"sent %1"_s.arg(number);
    entry.stage = AuditRecord::StageWrite;
    entry.traceId = u"trace-%1"_s.arg(number);
    const QString &phase = parts.at(0);
    if (phase == u"complete") {
        entry.errorKind = parts.at(1);
    } else if (phase == u"attempt") {
        entry.phase = AuditRecord::Phase::Attempt;
        entry.attemptId = parts.at(1);
    } else {
        entry.phase = AuditRecord::Phase::Outcome;
        entry.attemptId = parts.at(1);
        entry.errorKind = parts.at(2);
        entry.verifiedBy = parts.at(3);
        entry.code = 200 + number;
        entry.msg = u"message %1"_s.arg(number);
        entry.valueAfter = u"after %1"_s.arg(number);
    }
    return entry;
}

QList<AuditRecord> lines(const QStringList &specs)
{
    QList<AuditRecord> all;
    for (qsizetype i = 0; i < specs.size(); ++i)
        all.append(line(specs.at(i), int(i)));
    return all;
}

// A row as "<attempt id or -> <outcome> <errorKind> <verifiedBy or ->".
QString summary(const AuditRecord &row)
{
    return QStringList{row.attemptId.isEmpty() ? u"-"_s : row.attemptId, AuditRecord::outcomeKey(row.outcome()),
                       row.errorKind, row.verifiedBy.isEmpty() ? u"-"_s : row.verifiedBy}
        .join(u' ');
}

} // namespace

// AuditJoin: the log's Attempt, Outcome and Complete lines as one row per save attempt.
class TestAuditJoin : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void joinsLinesIntoAttempts_data();
    void joinsLinesIntoAttempts();
    void joinedRowTakesTheResultFromTheOutcome();
    void attemptAloneIsUnknownInterrupted();
    void orphanOutcomeStandsAlone();
    void legacyLinesWithoutPhaseStandAlone();
    void joinerReportsWhichRowChanged();
};

void TestAuditJoin::joinsLinesIntoAttempts_data()
{
    QTest::addColumn<QStringList>("specs");
    QTest::addColumn<QStringList>("rows"); // summary() of each row, oldest first
    QTest::newRow("attempt and outcome: one row")
        << QStringList{u"attempt A"_s, u"outcome A none answer"_s} << QStringList{u"A success none answer"_s};
    QTest::newRow("attempt alone: unknown")
        << QStringList{u"attempt A"_s} << QStringList{u"A unknown unknown -"_s};
    QTest::newRow("reconcile found it applied")
        << QStringList{u"attempt A"_s, u"outcome A none reconcile"_s} << QStringList{u"A success none reconcile"_s};
    QTest::newRow("reconcile found it not applied")
        << QStringList{u"attempt A"_s, u"outcome A interrupted reconcile"_s}
        << QStringList{u"A failure interrupted reconcile"_s};
    QTest::newRow("answer lost, re-read undecided")
        << QStringList{u"attempt A"_s, u"outcome A unknown reread"_s} << QStringList{u"A unknown unknown reread"_s};
    QTest::newRow("overwritten right after")
        << QStringList{u"attempt A"_s, u"outcome A overwritten reread"_s}
        << QStringList{u"A conflict overwritten reread"_s};
    QTest::newRow("duplicate outcomes: the last counts")
        << QStringList{u"attempt A"_s, u"outcome A unknown reread"_s, u"outcome A none reconcile"_s}
        << QStringList{u"A success none reconcile"_s};
    QTest::newRow("duplicate attempt lines: one row")
        << QStringList{u"attempt A"_s, u"attempt A"_s, u"outcome A none answer"_s}
        << QStringList{u"A success none answer"_s};
    QTest::newRow("interleaved: in the order of each attempt's first line")
        << QStringList{u"attempt A"_s, u"attempt B"_s, u"complete conflict"_s, u"outcome B none answer"_s,
                       u"outcome A timeout answer"_s}
        << QStringList{u"A failure timeout answer"_s, u"B success none answer"_s, u"- conflict conflict -"_s};
    QTest::newRow("orphan outcome")
        << QStringList{u"complete none"_s, u"outcome Z none reconcile"_s}
        << QStringList{u"- success none -"_s, u"Z success none reconcile"_s};
    QTest::newRow("outcome before its attempt: joined where it first appeared")
        << QStringList{u"outcome A none answer"_s, u"complete none"_s, u"attempt A"_s}
        << QStringList{u"A success none answer"_s, u"- success none -"_s};
    QTest::newRow("complete lines only") << QStringList{u"complete none"_s, u"complete business"_s}
                                         << QStringList{u"- success none -"_s, u"- failure business -"_s};
    QTest::newRow("empty log") << QStringList{} << QStringList{};
}

void TestAuditJoin::joinsLinesIntoAttempts()
{
    QFETCH(QStringList, specs);
    QFETCH(QStringList, rows);
    QStringList joined;
    for (const AuditRecord &row : AuditJoin::attempts(lines(specs)))
        joined << summary(row);
    QCOMPARE(joined, rows);
}

void TestAuditJoin::joinedRowTakesTheResultFromTheOutcome()
{
    const QList<AuditRecord> log = lines({u"attempt A"_s, u"outcome A overwritten reread"_s});
    const QList<AuditRecord> rows = AuditJoin::attempts(log);
    QCOMPARE(rows.size(), 1);
    const AuditRecord &row = rows.first();
    QCOMPARE(row.phase, AuditRecord::Phase::Complete);
    QCOMPARE(row.attemptId, u"A"_s);
    // What was sent, and when, is the attempt's ...
    QCOMPARE(row.time, log.at(0).time);
    QCOMPARE(row.valueBefore, log.at(0).valueBefore);
    QCOMPARE(row.valueSent, log.at(0).valueSent);
    // ... what came of it, the outcome's.
    QCOMPARE(row.code, 201);
    QCOMPARE(row.msg, u"message 1"_s);
    QCOMPARE(row.verifiedBy, AuditRecord::VerifiedByReread);
    QCOMPARE(row.valueAfter, std::optional<QString>(u"after 1"_s));
    // The trace id is the write's (the attempt's): a later check's is in its own line.
    QCOMPARE(row.traceId, u"trace-0"_s);

    AuditRecord attemptWithoutTrace = log.at(0);
    attemptWithoutTrace.traceId.clear();
    QCOMPARE(attemptWithoutTrace.joinedWith(&log.at(1)).traceId, u"trace-1"_s);
}

void TestAuditJoin::attemptAloneIsUnknownInterrupted()
{
    const QList<AuditRecord> rows = AuditJoin::attempts(lines({u"attempt A"_s}));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().phase, AuditRecord::Phase::Attempt);
    QCOMPARE(rows.first().outcome(), AuditRecord::Outcome::Unknown);
    QCOMPARE(rows.first().errorKind, AuditRecord::UnknownKind);
    QVERIFY2(rows.first().msg.startsWith(u"Interrupted"_s), qPrintable(rows.first().msg));
    QVERIFY(!rows.first().valueAfter);
}

void TestAuditJoin::orphanOutcomeStandsAlone()
{
    const QList<AuditRecord> log = lines({u"outcome Z interrupted reconcile"_s});
    const QList<AuditRecord> rows = AuditJoin::attempts(log);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first(), log.first()); // shown as it is: nothing to join it with
    QCOMPARE(rows.first().outcome(), AuditRecord::Outcome::Failure);
}

void TestAuditJoin::legacyLinesWithoutPhaseStandAlone()
{
    // Written before write-ahead: no phase, no attempt id.
    const QByteArray legacy[] = {
        R"({"time":"2024-06-11T08:30:00.123Z","conversation_id":"acc1|1|acc2","outcome":"success",)"
        R"("error_kind":"none","stage":"write","value_before":"a","value_sent":"b"})",
        R"({"time":"2024-06-11T08:31:00.000Z","conversation_id":"acc1|1|acc2","outcome":"conflict",)"
        R"("error_kind":"conflict","stage":"reread","value_before":"c","value_sent":"d"})",
    };
    QList<AuditRecord> log;
    for (const QByteArray &text : legacy) {
        QString error;
        const auto record = AuditRecord::fromJson(*Json::parse(text), &error);
        QVERIFY2(record, qPrintable(error));
        QCOMPARE(record->phase, AuditRecord::Phase::Complete);
        log.append(*record);
    }
    QCOMPARE(AuditJoin::attempts(log), log);
}

void TestAuditJoin::joinerReportsWhichRowChanged()
{
    AuditJoin::Joiner joiner;
    const QList<AuditRecord> log = lines({u"attempt A"_s, u"complete none"_s, u"outcome A none answer"_s,
                                          u"outcome B none reconcile"_s, u"attempt B"_s});
    const QList<std::pair<qsizetype, bool>> expected{{0, true}, {1, true}, {0, false}, {2, true}, {2, false}};
    for (qsizetype i = 0; i < log.size(); ++i) {
        const AuditJoin::Joiner::Change change = joiner.add(log.at(i));
        QCOMPARE(change.row, expected.at(i).first);
        QCOMPARE(change.inserted, expected.at(i).second);
    }
    QCOMPARE(joiner.rows().size(), 3);
    QCOMPARE(summary(joiner.rows().at(2)), u"B success none reconcile"_s);
}

QTEST_GUILESS_MAIN(TestAuditJoin)
#include "tst_auditjoin.moc"
