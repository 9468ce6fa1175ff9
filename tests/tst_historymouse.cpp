#include "DialogHook.h"
#include "HistoryDialog.h"
#include "SandboxServer.h"
#include "audit/AuditLog.h"
#include "support/RequireChild.h"
#include "support/SandboxWindow.h"

#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

// The History used with a mouse, as support staff use it: a click shows the row's details and
// enables its buttons, a double-click opens its conversation. (The details used to follow
// only the keyboard: a click made the row current before it selected it.)
class TestHistoryMouse : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void clickShowsTheDetails_data();
    void clickShowsTheDetails();
    void doubleClickOpensTheConversation();

private:
    HistoryDialog *openHistoryWith(const QList<AuditRecord> &records);
    QPoint rowCentre(HistoryDialog *history, int row) const;

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SandboxWindow> m_window;
};

namespace {

AuditRecord sampleRecord(const QString &conversationId, const QString &valueBefore, const QString &reason)
{
    AuditRecord record;
    record.time = QDateTime(QDate(2026, 11, 30), QTime(9, 30), Qt::UTC);
    record.osUser = u"agent"_s;
    record.source = u"gui"_s;
    record.profile = u"Sandbox"_s;
    record.appKey = SandboxServer::demoCredentials().appKey;
    record.conversationId = conversationId;
    record.expected = valueBefore;
    record.valueBefore = valueBefore;
    record.valueSent = uR"({"ticket":"T-2"})"_s;
    record.stage = AuditRecord::StageWrite;
    record.errorKind = u"none"_s;
    record.code = 200;
    record.httpStatus = 200;
    record.reason = reason;
    return record;
}

} // namespace

void TestHistoryMouse::initTestCase()
{
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY2(m_sandbox->listen(), qPrintable(m_sandbox->errorString()));
}

void TestHistoryMouse::init()
{
    m_sandbox->resetToSeed();
    DialogHook::clearAnswers();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_window = std::make_unique<SandboxWindow>(*m_sandbox, m_dir->path(), u"mouseWindow"_s);
    QVERIFY(m_window->waitShown());
}

void TestHistoryMouse::cleanup()
{
    DialogHook::clearAnswers();
    m_window.reset();
    m_dir.reset();
}

HistoryDialog *TestHistoryMouse::openHistoryWith(const QList<AuditRecord> &records)
{
    const AuditLog log((*m_window)->auditLogPath());
    for (const AuditRecord &record : records) {
        QString problem;
        if (!log.append(record, &problem))
            qWarning("%s", qPrintable(problem));
    }
    (*m_window)->showHistory();
    HistoryDialog *history = (*m_window)->historyDialog();
    history->setConversationFilter({});
    history->reload();
    return history;
}

QPoint TestHistoryMouse::rowCentre(HistoryDialog *history, int row) const
{
    QTableView *table = test::requireChild<QTableView>(history, "historyTable");
    return table->visualRect(table->model()->index(row, 1)).center();
}

void TestHistoryMouse::clickShowsTheDetails_data()
{
    QTest::addColumn<int>("row");
    QTest::newRow("first row") << 0;
    QTest::newRow("second row") << 1;
}

void TestHistoryMouse::clickShowsTheDetails()
{
    QFETCH(int, row);
    const QString bob = m_sandbox->conversationIds().at(1);
    HistoryDialog *history = openHistoryWith({sampleRecord(m_sandbox->conversationIds().at(0), u"{}"_s, u"CS-1"_s),
                                              sampleRecord(bob, u"{}"_s, u"CS-2"_s)});
    QTableView *table = test::requireChild<QTableView>(history, "historyTable");
    QTRY_COMPARE(table->model()->rowCount(), 2);
    auto *detail = test::requireChild<QPlainTextEdit>(history, "historyDetail");
    auto *open = test::requireChild<QPushButton>(history, "historyOpenButton");
    auto *revert = test::requireChild<QPushButton>(history, "historyRevertButton");
    QVERIFY(!open->isEnabled());

    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rowCentre(history, row));
    QVERIFY(history->currentRecord().has_value());
    QVERIFY2(detail->toPlainText().contains(history->currentRecord()->reason), qPrintable(detail->toPlainText()));
    QVERIFY(open->isEnabled());
    QVERIFY(revert->isEnabled());
}

void TestHistoryMouse::doubleClickOpensTheConversation()
{
    const QString bob = m_sandbox->conversationIds().at(1);
    HistoryDialog *history = openHistoryWith({sampleRecord(bob, u"{}"_s, {})});
    QTableView *table = test::requireChild<QTableView>(history, "historyTable");
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QSignalSpy open(history, &HistoryDialog::openConversationRequested);
    const QPoint centre = rowCentre(history, 0);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, centre);
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().first().toString(), bob);
    QVERIFY(m_window->waitShown());
    QCOMPARE((*m_window)->session()->conversationId().toString(), bob);
}

QTEST_MAIN(TestHistoryMouse)
#include "tst_historymouse.moc"
