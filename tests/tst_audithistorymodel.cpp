#include "audit/AuditLog.h"
#include "models/AuditHistoryModel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

AuditRecord record(const QString &conversation, const QString &profile, int minute, const QString &kind)
{
    AuditRecord entry;
    entry.time = QDateTime(QDate(2024, 6, 1), QTime(12, minute), Qt::UTC);
    entry.conversationId = conversation;
    entry.profile = profile;
    entry.errorKind = kind;
    entry.stage = kind == u"conflict" ? AuditRecord::StageReread : AuditRecord::StageWrite;
    entry.code = kind == u"business" ? 414 : 0;
    entry.valueBefore = u"before %1"_s.arg(minute);
    entry.valueSent = u"{\n  \"minute\": %1\n}"_s.arg(minute);
    entry.traceId = u"trace-%1"_s.arg(minute);
    return entry;
}

AuditRecord attemptLine(const QString &id, int minute)
{
    AuditRecord entry = record(u"x|1|y"_s, u"p"_s, minute, QString());
    entry.phase = AuditRecord::Phase::Attempt;
    entry.attemptId = id;
    return entry;
}

AuditRecord outcomeLine(const QString &id, int minute, const QString &kind, const QString &verifiedBy)
{
    AuditRecord entry = record(u"x|1|y"_s, u"p"_s, minute, kind);
    entry.phase = AuditRecord::Phase::Outcome;
    entry.attemptId = id;
    entry.verifiedBy = verifiedBy;
    entry.valueAfter = u"after %1"_s.arg(minute);
    return entry;
}

QList<AuditRecord> sample()
{
    AuditRecord withReason = record(u"a|1|b"_s, u"prod"_s, 1, u"none"_s);
    withReason.reason = u"CS-42\nsecond line"_s;
    return {withReason, record(u"a|1|b"_s, u"test"_s, 2, u"business"_s), record(u"c|2|9"_s, u"prod"_s, 3, u"conflict"_s)};
}

} // namespace

class TestAuditHistoryModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void showsNewestFirst();
    void cellsShowOneLineAndKeepRawText();
    void filterNarrowsRows_data();
    void filterNarrowsRows();
    void distinctChoicesForTheFilter();
    void reloadReadsTheLogAndReportsCorruptLines();
    void updateInsertsOnlyTheNewRecords();
    void updateTakesAFinishedLineOnce();
    void updateReloadsAReplacedLog();
    void headers();
    void reasonColumnAndTextFilter();
    void joinsAttemptsWithOutcomes();
    void updateCompletesARowInPlace_data();
    void updateCompletesARowInPlace();
    void updateResetsWhenAnOutcomeCrossesTheFilter_data();
    void updateResetsWhenAnOutcomeCrossesTheFilter();
    void updateJoinsAnOrphanOutcomeWithItsLaterAttempt();
    void updateTakesTheLastOfDuplicateOutcomes();

private:
    std::unique_ptr<AuditHistoryModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester; // lives as long as the model
};

void TestAuditHistoryModel::init()
{
    m_model = std::make_unique<AuditHistoryModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setRecords(sample());
}

void TestAuditHistoryModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestAuditHistoryModel::showsNewestFirst()
{
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->columnCount(), int(AuditHistoryModel::ColumnCount));
    QCOMPARE(m_model->record(0).traceId, u"trace-3"_s);
    QCOMPARE(m_model->record(2).traceId, u"trace-1"_s);
    QCOMPARE(m_model->index(0, AuditHistoryModel::TimeColumn).data().toString(), u"2024-06-01 12:03:00 UTC"_s);
    QCOMPARE(m_model->index(0, AuditHistoryModel::TimeColumn).data(AuditHistoryModel::SortRole).toDateTime(),
             QDateTime(QDate(2024, 6, 1), QTime(12, 3), Qt::UTC));
    QCOMPARE(m_model->index(0, AuditHistoryModel::OutcomeColumn).data(AuditHistoryModel::OutcomeRole).toString(),
             u"conflict"_s);
    QCOMPARE(m_model->index(1, AuditHistoryModel::OutcomeColumn).data().toString(), u"Failed (business)"_s);
    QCOMPARE(m_model->index(1, AuditHistoryModel::CodeColumn).data().toString(), u"414"_s);
    QCOMPARE(m_model->index(2, AuditHistoryModel::OutcomeColumn).data().toString(), u"Saved"_s);
    QCOMPARE(m_model->visibleRecords().first().traceId, u"trace-3"_s);
}

void TestAuditHistoryModel::cellsShowOneLineAndKeepRawText()
{
    const QModelIndex sent = m_model->index(0, AuditHistoryModel::ValueSentColumn);
    QVERIFY(!sent.data().toString().contains(u'\n'));
    QVERIFY(sent.data().toString().contains(u"\"minute\": 3"_s));
    QCOMPARE(sent.data(AuditHistoryModel::RawValueRole).toString(), u"{\n  \"minute\": 3\n}"_s);
    QCOMPARE(sent.data(Qt::ToolTipRole).toString(), u"{\n  \"minute\": 3\n}"_s);
}

void TestAuditHistoryModel::filterNarrowsRows_data()
{
    QTest::addColumn<QString>("conversation");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QStringList>("traceIds");
    QTest::newRow("conversation") << u"a|1|b"_s << QString() << QString() << QStringList{u"trace-2"_s, u"trace-1"_s};
    QTest::newRow("profile") << QString() << u"prod"_s << QString() << QStringList{u"trace-3"_s, u"trace-1"_s};
    QTest::newRow("outcome") << QString() << QString() << u"failure"_s << QStringList{u"trace-2"_s};
    QTest::newRow("no match") << u"a|1|b"_s << QString() << u"conflict"_s << QStringList{};
}

void TestAuditHistoryModel::filterNarrowsRows()
{
    QFETCH(QString, conversation);
    QFETCH(QString, profile);
    QFETCH(QString, outcome);
    QFETCH(QStringList, traceIds);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    AuditFilter filter;
    filter.conversationId = conversation;
    filter.profile = profile;
    if (!outcome.isEmpty())
        filter.outcomes = {*AuditRecord::outcomeFromKey(outcome)};
    m_model->setFilter(filter);
    QCOMPARE(reset.count(), 1);
    QStringList shown;
    for (int row = 0; row < m_model->rowCount(); ++row)
        shown << m_model->index(row, AuditHistoryModel::TraceIdColumn).data().toString();
    QCOMPARE(shown, traceIds);
    QCOMPARE(m_model->visibleRecords().size(), traceIds.size());

    m_model->setFilter({});
    QCOMPARE(m_model->rowCount(), 3);
}

void TestAuditHistoryModel::distinctChoicesForTheFilter()
{
    QCOMPARE(m_model->profiles(), (QStringList{u"prod"_s, u"test"_s}));
    QCOMPARE(m_model->conversationIds(), (QStringList{u"a|1|b"_s, u"c|2|9"_s}));
}

void TestAuditHistoryModel::reloadReadsTheLogAndReportsCorruptLines()
{
    QTemporaryDir dir;
    AuditLog log(dir.filePath(u"audit.jsonl"_s));
    QVERIFY(log.append(record(u"x|1|y"_s, u"p"_s, 10, u"none"_s)));
    QFile file(log.filePath());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Append));
    file.write("garbage\n");
    file.close();
    QVERIFY(log.append(record(u"x|1|y"_s, u"p"_s, 11, u"timeout"_s)));

    const QStringList warnings = m_model->reload(log);
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.first().contains(u"line 2"_s), qPrintable(warnings.first()));
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->record(0).traceId, u"trace-11"_s);
}

void TestAuditHistoryModel::headers()
{
    QCOMPARE(m_model->headerData(AuditHistoryModel::ValueBeforeColumn, Qt::Horizontal).toString(), u"Value before"_s);
    QCOMPARE(m_model->headerData(AuditHistoryModel::TraceIdColumn, Qt::Horizontal).toString(), u"Trace id"_s);
    QCOMPARE(m_model->headerData(AuditHistoryModel::ReasonColumn, Qt::Horizontal).toString(), u"Reason"_s);
}

void TestAuditHistoryModel::reasonColumnAndTextFilter()
{
    const QModelIndex reason = m_model->index(2, AuditHistoryModel::ReasonColumn); // oldest row: minute 1
    QCOMPARE(reason.data().toString(), u"CS-42 \u21b5 second line"_s); // one line in the table
    QCOMPARE(reason.data(AuditHistoryModel::RawValueRole).toString(), u"CS-42\nsecond line"_s);
    QCOMPARE(m_model->index(0, AuditHistoryModel::ReasonColumn).data().toString(), QString());

    AuditFilter filter;
    filter.text = u"cs-42"_s;
    m_model->setFilter(filter);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->record(0).traceId, u"trace-1"_s);
}

void TestAuditHistoryModel::updateInsertsOnlyTheNewRecords()
{
    QTemporaryDir dir;
    AuditLog log(dir.filePath(u"audit.jsonl"_s));
    QVERIFY(log.append(record(u"x|1|y"_s, u"p"_s, 10, u"none"_s)));
    QVERIFY(log.append(record(u"x|1|y"_s, u"q"_s, 11, u"none"_s)));
    QVERIFY(m_model->update(log).isEmpty());
    QCOMPARE(m_model->rowCount(), 2);
    m_model->setFilter(AuditFilter{{}, u"p"_s, {}, {}, {}, {}});
    QCOMPARE(m_model->rowCount(), 1);

    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QVERIFY(log.append(record(u"x|1|y"_s, u"p"_s, 12, u"none"_s)));
    QVERIFY(log.append(record(u"x|1|y"_s, u"q"_s, 13, u"none"_s))); // filtered out
    QVERIFY(log.append(record(u"x|1|y"_s, u"p"_s, 14, u"none"_s)));
    QVERIFY(m_model->update(log).isEmpty());

    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0); // on top: newest first
    QCOMPARE(inserted.first().at(2).toInt(), 1);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->record(0).traceId, u"trace-14"_s);
    QCOMPARE(m_model->record(1).traceId, u"trace-12"_s);
    QCOMPARE(m_model->record(2).traceId, u"trace-10"_s);
    QCOMPARE(m_model->allRecords().size(), 5);

    m_model->update(log); // nothing new: no signal at all
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(reset.count(), 0);
}

void TestAuditHistoryModel::updateTakesAFinishedLineOnce()
{
    QTemporaryDir dir;
    AuditLog log(dir.filePath(u"audit.jsonl"_s));
    QVERIFY(log.append(record(u"x|1|y"_s, u"p"_s, 10, u"none"_s)));
    m_model->update(log);

    // Another process (the CLI) is in the middle of appending its record.
    const QByteArray line = Json::serialize(record(u"x|1|y"_s, u"p"_s, 11, u"none"_s).toJson()) + '\n';
    QFile file(log.filePath());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered));
    QCOMPARE(file.write(line.left(20)), 20);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    const QStringList waiting = m_model->update(log);
    QCOMPARE(waiting.size(), 1);
    QVERIFY2(waiting.first().contains(u"line 2"_s), qPrintable(waiting.first()));
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(inserted.count(), 0);

    QCOMPARE(file.write(line.mid(20)), line.size() - 20);
    QVERIFY(m_model->update(log).isEmpty());
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->record(0).traceId, u"trace-11"_s);
    m_model->update(log);
    QCOMPARE(m_model->rowCount(), 2); // taken once
    QCOMPARE(reset.count(), 0);
}

void TestAuditHistoryModel::updateReloadsAReplacedLog()
{
    QTemporaryDir dir;
    AuditLog log(dir.filePath(u"audit.jsonl"_s));
    QVERIFY(log.append(record(u"x|1|y"_s, u"p"_s, 10, u"none"_s)));
    QVERIFY(log.append(record(u"x|1|y"_s, u"p"_s, 11, u"none"_s)));
    m_model->update(log);
    QCOMPARE(m_model->rowCount(), 2);

    QVERIFY(QFile::resize(log.filePath(), 0));
    QVERIFY(log.append(record(u"x|1|y"_s, u"p"_s, 20, u"none"_s)));
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->update(log);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->record(0).traceId, u"trace-20"_s);
    QCOMPARE(m_model->allRecords().size(), 1);
}

void TestAuditHistoryModel::joinsAttemptsWithOutcomes()
{
    m_model->setRecords({attemptLine(u"A"_s, 20), attemptLine(u"B"_s, 21),
                         outcomeLine(u"A"_s, 22, u"none"_s, u"answer"_s), record(u"x|1|y"_s, u"p"_s, 23, u"none"_s)});
    QCOMPARE(m_model->rowCount(), 3); // A, B, and the line written before write-ahead
    QCOMPARE(m_model->allRecords().size(), 3);
    QCOMPARE(m_model->visibleRecords().size(), 3);
    QCOMPARE(m_model->record(2).attemptId, u"A"_s);
    QCOMPARE(m_model->index(2, AuditHistoryModel::OutcomeColumn).data().toString(), u"Saved"_s);
    QCOMPARE(m_model->index(2, AuditHistoryModel::TimeColumn).data().toString(), u"2024-06-01 12:20:00 UTC"_s);
    QCOMPARE(m_model->record(1).attemptId, u"B"_s);
    QCOMPARE(m_model->index(1, AuditHistoryModel::OutcomeColumn).data().toString(), u"Unknown (interrupted)"_s);
    QCOMPARE(m_model->index(1, AuditHistoryModel::OutcomeColumn).data(AuditHistoryModel::OutcomeRole).toString(),
             u"unknown"_s);

    m_model->setFilter(AuditFilter{{}, {}, {}, {}, {AuditRecord::Outcome::Unknown}, {}});
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->record(0).attemptId, u"B"_s);
}

void TestAuditHistoryModel::updateCompletesARowInPlace_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("verifiedBy");
    QTest::addColumn<QString>("outcomeText");
    QTest::newRow("the server's answer") << u"none"_s << u"answer"_s << u"Saved"_s;
    QTest::newRow("re-read: overwritten") << u"overwritten"_s << u"reread"_s << u"Saved, then overwritten"_s;
    QTest::newRow("re-read: still undecided") << u"unknown"_s << u"reread"_s << u"Unknown (may have been written)"_s;
    QTest::newRow("reconcile: applied") << u"none"_s << u"reconcile"_s << u"Saved"_s;
    QTest::newRow("reconcile: not applied") << u"interrupted"_s << u"reconcile"_s << u"Not applied (interrupted)"_s;
}

void TestAuditHistoryModel::updateCompletesARowInPlace()
{
    QFETCH(QString, kind);
    QFETCH(QString, verifiedBy);
    QFETCH(QString, outcomeText);
    QTemporaryDir dir;
    AuditLog log(dir.filePath(u"audit.jsonl"_s));
    QVERIFY(log.append(record(u"x|1|y"_s, u"p"_s, 10, u"none"_s)));
    QVERIFY(log.append(attemptLine(u"A"_s, 11)));
    QVERIFY(m_model->update(log).isEmpty());
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->index(0, AuditHistoryModel::OutcomeColumn).data().toString(), u"Unknown (interrupted)"_s);

    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QVERIFY(log.append(outcomeLine(u"A"_s, 12, kind, verifiedBy)));
    QVERIFY(m_model->update(log).isEmpty());

    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex(), m_model->index(0, 0));
    QCOMPARE(changed.first().at(1).toModelIndex(), m_model->index(0, AuditHistoryModel::ColumnCount - 1));
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->allRecords().size(), 2);
    QCOMPARE(m_model->index(0, AuditHistoryModel::OutcomeColumn).data().toString(), outcomeText);
    QCOMPARE(m_model->index(0, AuditHistoryModel::TimeColumn).data().toString(), u"2024-06-01 12:11:00 UTC"_s);
    QCOMPARE(m_model->record(0).verifiedBy, verifiedBy);
    QCOMPARE(m_model->record(0).valueAfter, std::optional<QString>(u"after 12"_s));
}

void TestAuditHistoryModel::updateResetsWhenAnOutcomeCrossesTheFilter_data()
{
    QTest::addColumn<QString>("outcome"); // the filter
    QTest::addColumn<int>("rowsBefore");
    QTest::addColumn<int>("rowsAfter");
    QTest::newRow("unknown: the row leaves") << u"unknown"_s << 1 << 0;
    QTest::newRow("success: the row arrives") << u"success"_s << 0 << 1;
}

void TestAuditHistoryModel::updateResetsWhenAnOutcomeCrossesTheFilter()
{
    QFETCH(QString, outcome);
    QFETCH(int, rowsBefore);
    QFETCH(int, rowsAfter);
    QTemporaryDir dir;
    AuditLog log(dir.filePath(u"audit.jsonl"_s));
    QVERIFY(log.append(attemptLine(u"A"_s, 10)));
    m_model->update(log);
    m_model->setFilter(AuditFilter{{}, {}, {}, {}, {*AuditRecord::outcomeFromKey(outcome)}, {}});
    QCOMPARE(m_model->rowCount(), rowsBefore);

    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QVERIFY(log.append(outcomeLine(u"A"_s, 11, u"none"_s, u"answer"_s)));
    m_model->update(log);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), rowsAfter);
    QCOMPARE(m_model->allRecords().size(), 1);
}

void TestAuditHistoryModel::updateJoinsAnOrphanOutcomeWithItsLaterAttempt()
{
    QTemporaryDir dir;
    AuditLog log(dir.filePath(u"audit.jsonl"_s));
    QVERIFY(log.append(outcomeLine(u"A"_s, 10, u"none"_s, u"reconcile"_s))); // its attempt not read yet
    m_model->update(log);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->index(0, AuditHistoryModel::OutcomeColumn).data().toString(), u"Saved"_s);

    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QVERIFY(log.append(attemptLine(u"A"_s, 9)));
    QVERIFY(log.append(attemptLine(u"B"_s, 11))); // a new attempt in the same read
    m_model->update(log);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->record(1).phase, AuditRecord::Phase::Complete); // joined now
    QCOMPARE(m_model->record(1).valueSent, u"{\n  \"minute\": 9\n}"_s); // the attempt's
    QCOMPARE(m_model->index(1, AuditHistoryModel::OutcomeColumn).data().toString(), u"Saved"_s);
    QCOMPARE(m_model->record(0).attemptId, u"B"_s);
}

void TestAuditHistoryModel::updateTakesTheLastOfDuplicateOutcomes()
{
    QTemporaryDir dir;
    AuditLog log(dir.filePath(u"audit.jsonl"_s));
    QVERIFY(log.append(attemptLine(u"A"_s, 10)));
    QVERIFY(log.append(outcomeLine(u"A"_s, 11, u"unknown"_s, u"reread"_s)));
    m_model->update(log);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->index(0, AuditHistoryModel::OutcomeColumn).data().toString(),
             u"Unknown (may have been written)"_s);

    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QVERIFY(log.append(outcomeLine(u"A"_s, 30, u"none"_s, u"reconcile"_s)));
    m_model->update(log);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->index(0, AuditHistoryModel::OutcomeColumn).data().toString(), u"Saved"_s);
    QCOMPARE(m_model->record(0).verifiedBy, u"reconcile"_s);
}

QTEST_GUILESS_MAIN(TestAuditHistoryModel)
#include "tst_audithistorymodel.moc"
