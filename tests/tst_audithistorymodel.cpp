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

QList<AuditRecord> sample()
{
    return {record(u"a|1|b"_s, u"prod"_s, 1, u"none"_s), record(u"a|1|b"_s, u"test"_s, 2, u"business"_s),
            record(u"c|2|9"_s, u"prod"_s, 3, u"conflict"_s)};
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
}

void TestAuditHistoryModel::updateInsertsOnlyTheNewRecords()
{
    QTemporaryDir dir;
    AuditLog log(dir.filePath(u"audit.jsonl"_s));
    QVERIFY(log.append(record(u"x|1|y"_s, u"p"_s, 10, u"none"_s)));
    QVERIFY(log.append(record(u"x|1|y"_s, u"q"_s, 11, u"none"_s)));
    QVERIFY(m_model->update(log).isEmpty());
    QCOMPARE(m_model->rowCount(), 2);
    m_model->setFilter(AuditFilter{{}, u"p"_s, {}, {}, {}});
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

QTEST_GUILESS_MAIN(TestAuditHistoryModel)
#include "tst_audithistorymodel.moc"
