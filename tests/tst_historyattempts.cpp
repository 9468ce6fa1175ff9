#include "HistoryDialog.h"
#include "audit/AuditLog.h"
#include "models/AuditHistoryModel.h"

#include "support/RequireChild.h"
#include "support/SampleAuditRecord.h"

#include <QComboBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

AuditRecord logLine(AuditRecord::Phase phase, const QString &attemptId, int minute, const QString &kind = {},
                    const QString &verifiedBy = {})
{
    return sampleAuditLine(phase, attemptId, minute, kind, verifiedBy, u"Sandbox"_s, u"support_demo|1|alice"_s);
}

} // namespace

// The History window on a write-ahead log: attempts joined with their outcomes, the "unknown"
// outcome filter, and details that say how each outcome is known.
class TestHistoryAttempts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void outcomeFilterOffersUnknown();
    void detailsSayHowTheOutcomeIsKnown_data();
    void detailsSayHowTheOutcomeIsKnown();
    void revertNeedsTheValueBefore();
    void anArrivingOutcomeKeepsTheRowSelected();

private:
    void append(const AuditRecord &line);
    bool selectAttempt(const QString &attemptId);
    QString detail() const
    {
        return test::requireChild<QPlainTextEdit>(m_history.get(), u"historyDetail"_s)->toPlainText();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HistoryDialog> m_history;
};

void TestHistoryAttempts::init()
{
    using Phase = AuditRecord::Phase;
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_history = std::make_unique<HistoryDialog>();
    m_history->setLogPath(m_dir->filePath(u"audit.jsonl"_s));
    // A saved; B interrupted; C saved then overwritten; D found not applied by a reconcile;
    // E's answer lost and the re-read undecided.
    append(logLine(Phase::Attempt, u"A"_s, 1));
    append(logLine(Phase::Outcome, u"A"_s, 2, u"none"_s, AuditRecord::VerifiedByAnswer));
    append(logLine(Phase::Attempt, u"B"_s, 3));
    append(logLine(Phase::Attempt, u"C"_s, 4));
    append(logLine(Phase::Outcome, u"C"_s, 5, AuditRecord::OverwrittenKind, AuditRecord::VerifiedByReread));
    append(logLine(Phase::Attempt, u"D"_s, 6));
    append(logLine(Phase::Outcome, u"D"_s, 7, AuditRecord::InterruptedKind, AuditRecord::VerifiedByReconcile));
    append(logLine(Phase::Attempt, u"E"_s, 8));
    append(logLine(Phase::Outcome, u"E"_s, 9, AuditRecord::UnknownKind, AuditRecord::VerifiedByReread));
    m_history->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_history.get()));
    QCOMPARE(m_history->shownRecords().size(), 5);
}

void TestHistoryAttempts::cleanup()
{
    m_history.reset();
    m_dir.reset();
}

void TestHistoryAttempts::append(const AuditRecord &line)
{
    QString problem;
    QVERIFY2(AuditLog(m_history->logPath()).append(line, &problem), qPrintable(problem));
}

bool TestHistoryAttempts::selectAttempt(const QString &attemptId)
{
    const QList<AuditRecord> shown = m_history->shownRecords();
    for (int row = 0; row < shown.size(); ++row) {
        if (shown.at(row).attemptId == attemptId) {
            m_history->view()->setCurrentIndex(m_history->view()->model()->index(row, 0));
            return m_history->currentRecord() && m_history->currentRecord()->attemptId == attemptId;
        }
    }
    return false;
}

void TestHistoryAttempts::outcomeFilterOffersUnknown()
{
    auto *outcomes = test::requireChild<QComboBox>(m_history.get(), u"historyOutcomeFilter"_s);
    const int unknown = outcomes->findData(u"unknown"_s);
    QVERIFY(unknown >= 0);
    QCOMPARE(outcomes->itemText(unknown), u"Unknown (interrupted or may have been written)"_s);
    outcomes->setCurrentIndex(unknown);
    QStringList shown;
    for (const AuditRecord &row : m_history->shownRecords())
        shown << row.attemptId;
    QCOMPARE(shown, (QStringList{u"E"_s, u"B"_s})); // newest first
    QCOMPARE(m_history->filter().outcomes, QSet<AuditRecord::Outcome>{AuditRecord::Outcome::Unknown});
}

void TestHistoryAttempts::detailsSayHowTheOutcomeIsKnown_data()
{
    QTest::addColumn<QString>("attemptId");
    QTest::addColumn<QStringList>("shown");
    QTest::addColumn<QStringList>("notShown");
    QTest::newRow("the server's answer")
        << u"A"_s
        << QStringList{u"Value before:\nbefore 1"_s, u"Value sent:\nsent 1"_s,
                       u"Value on the server after the save:\nafter 2"_s,
                       u"Outcome established by the server's answer."_s, u"Server message: message 2"_s}
        << QStringList{u"Interrupted"_s};
    QTest::newRow("interrupted, no outcome yet")
        << u"B"_s
        << QStringList{u"Value before:\nbefore 3"_s, u"Interrupted: the save was sent"_s}
        << QStringList{u"Value on the server after"_s, u"Outcome established"_s, u"Server message"_s};
    QTest::newRow("a re-read after the answer")
        << u"C"_s
        << QStringList{u"Value on the server after the save:\nafter 5"_s,
                       u"Outcome established by a re-read after the answer was lost or could not be trusted."_s}
        << QStringList{};
    QTest::newRow("a later check")
        << u"D"_s
        << QStringList{u"Value on the server after the save:\nafter 7"_s,
                       u"Outcome established by a later check of an interrupted save."_s}
        << QStringList{};
    QTest::newRow("value after not known")
        << u"E"_s << QStringList{u"Outcome established by a re-read"_s}
        << QStringList{u"Value on the server after"_s};
}

void TestHistoryAttempts::detailsSayHowTheOutcomeIsKnown()
{
    QFETCH(QString, attemptId);
    QFETCH(QStringList, shown);
    QFETCH(QStringList, notShown);
    QVERIFY(selectAttempt(attemptId));
    const QString text = detail();
    for (const QString &part : std::as_const(shown))
        QVERIFY2(text.contains(part), qPrintable(part + u"\n---\n"_s + text));
    for (const QString &part : std::as_const(notShown))
        QVERIFY2(!text.contains(part), qPrintable(part + u"\n---\n"_s + text));
}

void TestHistoryAttempts::revertNeedsTheValueBefore()
{
    auto *revert = test::requireChild<QPushButton>(m_history.get(), u"historyRevertButton"_s);
    QSignalSpy requested(m_history.get(), &HistoryDialog::revertRequested);
    std::optional<QString> revertedTo;
    connect(m_history.get(), &HistoryDialog::revertRequested, this,
            [&revertedTo](const AuditRecord &row) { revertedTo = row.valueBefore; });
    QVERIFY(selectAttempt(u"A"_s));
    QVERIFY(revert->isEnabled());
    QTest::mouseClick(revert, Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(revertedTo, std::optional<QString>(u"before 1"_s)); // not the value after

    AuditRecord blind = logLine(AuditRecord::Phase::Attempt, u"F"_s, 20);
    blind.valueBefore.reset(); // sent without reading the server first
    append(blind);
    m_history->reload();
    QVERIFY(selectAttempt(u"F"_s));
    QVERIFY(!revert->isEnabled());
    QTest::mouseClick(revert, Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
}

void TestHistoryAttempts::anArrivingOutcomeKeepsTheRowSelected()
{
    QVERIFY(selectAttempt(u"B"_s));
    QVERIFY(detail().contains(u"Interrupted"_s));
    QSignalSpy reset(m_history->model(), &QAbstractItemModel::modelReset);
    QSignalSpy changed(m_history->model(), &QAbstractItemModel::dataChanged);
    append(logLine(AuditRecord::Phase::Outcome, u"B"_s, 30, u"none"_s, AuditRecord::VerifiedByReconcile));
    m_history->reload();
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_history->shownRecords().size(), 5);
    QVERIFY(m_history->currentRecord());
    QCOMPARE(m_history->currentRecord()->attemptId, u"B"_s);
    QCOMPARE(m_history->currentRecord()->outcome(), AuditRecord::Outcome::Success);
    QVERIFY2(detail().contains(u"Outcome established by a later check of an interrupted save."_s),
             qPrintable(detail()));
    QVERIFY(detail().contains(u"after 30"_s));
}

QTEST_MAIN(TestHistoryAttempts)
#include "tst_historyattempts.moc"
