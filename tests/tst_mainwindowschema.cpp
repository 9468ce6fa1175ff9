#include "HistoryDialog.h"
#include <QTableView>
#include "schema/SchemaVerdict.h"
#include "DialogHook.h"
#include "ExtensionForm.h"
#include "SandboxSchema.h"
#include "audit/AuditJoin.h"
#include "audit/AuditLog.h"
#include "models/ExtensionFormModel.h"
#include "session/EditSession.h"
#include "session/ExtensionDraft.h"
#include "support/MainWindowFixture.h"

#include <QCheckBox>
#include <QCryptographicHash>
#include <QFile>
#include <QLabel>
#include <QPushButton>

using namespace convdesk;
using namespace Qt::StringLiterals;

// The sandbox profile with its sample team schema in the real window: the form follows the
// schema, and a value that breaks it is saved only behind the review's tick, on record as such.
class TestMainWindowSchema : public QObject, private MainWindowFixture
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void sandboxProfileHasTheSampleSchema();
    void failingValueNeedsTheTickAndIsAudited_data();
    void failingValueNeedsTheTickAndIsAudited();
    void passingValueIsSavedAsUsual();

private:
    QString schemaSha256() const;
};

void TestMainWindowSchema::initTestCase()
{
    startSandbox();
    m_sandboxSchemaFile = m_dir.filePath(u"extension-schema.json"_s);
    QString error;
    QVERIFY2(SandboxSchema::writeTo(m_sandboxSchemaFile, &error), qPrintable(error));
}

void TestMainWindowSchema::init()
{
    openWindow();
}

void TestMainWindowSchema::cleanup()
{
    closeWindow();
}

QString TestMainWindowSchema::schemaSha256() const
{
    QFile file(m_sandboxSchemaFile);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
}

void TestMainWindowSchema::sandboxProfileHasTheSampleSchema()
{
    QCOMPARE(m_window->session()->profile().extensionSchemaFile, m_sandboxSchemaFile);
    const ExtensionFormModel *form = editor()->form()->model();
    QVERIFY(form->schema());
    QCOMPARE(form->indexForPointer(u"/ticket"_s).data().toString(), u"Ticket (ticket)"_s);
    QVERIFY(form->schemaErrors().isEmpty()); // Alice's value follows the rules
    QVERIFY(form->missingFields().contains(u"vip"_s));
}

void TestMainWindowSchema::failingValueNeedsTheTickAndIsAudited_data()
{
    QTest::addColumn<bool>("tick");
    QTest::newRow("ticked: saved, on record as failing") << true;
    QTest::newRow("not ticked: nothing sent") << false;
}

void TestMainWindowSchema::failingValueNeedsTheTickAndIsAudited()
{
    QFETCH(bool, tick);
    editExtension(uR"({"ticket":"T-1","priority":"hgih"})"_s);
    QTRY_VERIFY(find<QLabel>("schemaErrors")->isVisible());
    QString listed;
    bool saveEnabledBeforeTick = true;
    DialogHook::setInspector([&](QDialog *dialog) {
        listed = test::requireChild<QLabel>(dialog, "confirmSchemaErrors")->text();
        saveEnabledBeforeTick = test::requireChild<QPushButton>(dialog, "confirmSaveButton")->isEnabled();
        test::requireChild<QCheckBox>(dialog, "confirmSchemaCheck")->setChecked(tick);
    });
    DialogHook::setNextAnswer(QDialogButtonBox::Save);
    QSignalSpy saved(m_window->session(), &ConversationSession::saved);
    QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);
    QVERIFY(!saveEnabledBeforeTick);
    QVERIFY2(listed.contains(u"/ticket: "_s) && listed.contains(u"/priority: "_s), qPrintable(listed));
    if (!tick) {
        QVERIFY(!saved.wait(300));
        QVERIFY(AuditLog(m_window->auditLogPath()).readAll().isEmpty());
        return;
    }
    QVERIFY(saved.wait());
    const QList<AuditRecord> rows = AuditJoin::attempts(AuditLog(m_window->auditLogPath()).readAll());
    QCOMPARE(rows.size(), 1);
    const AuditRecord &record = rows.first();
    QCOMPARE(record.outcome(), AuditRecord::Outcome::Success);
    QCOMPARE(record.schemaPath, m_sandboxSchemaFile);
    QCOMPARE(record.schemaSha256, schemaSha256());
    QCOMPARE(record.schemaCheck, SchemaVerdict::Failed);
    QVERIFY(!record.schemaErrors.isEmpty());

    // History says so, naming the schema.
    m_window->showHistory();
    HistoryDialog *history = m_window->historyDialog();
    QTRY_COMPARE(history->shownRecords().size(), 1);
    history->view()->setCurrentIndex(history->view()->model()->index(0, 0));
    const QString detail = test::requireChild<QPlainTextEdit>(history, "historyDetail")->toPlainText();
    QVERIFY2(detail.contains(u"did NOT pass"_s) && detail.contains(schemaSha256()) && detail.contains(u"/ticket: "_s),
             qPrintable(detail));
}

void TestMainWindowSchema::passingValueIsSavedAsUsual()
{
    editExtension(uR"({"ticket":"T-20240611-0042","priority":"urgent"})"_s);
    QVERIFY(!find<QLabel>("schemaErrors")->isVisible());
    bool ticked = false;
    DialogHook::setInspector([&ticked](QDialog *dialog) {
        ticked = dialog->findChild<QCheckBox *>(u"confirmSchemaCheck"_s) != nullptr;
    });
    DialogHook::setNextAnswer(QDialogButtonBox::Save);
    QSignalSpy saved(m_window->session(), &ConversationSession::saved);
    QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);
    QVERIFY(saved.wait());
    QVERIFY(!ticked);
    const QList<AuditRecord> rows = AuditJoin::attempts(AuditLog(m_window->auditLogPath()).readAll());
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().schemaSha256, schemaSha256());
    QCOMPARE(rows.first().schemaCheck, SchemaVerdict::Passed);
}

QTEST_MAIN(TestMainWindowSchema)
#include "tst_mainwindowschema.moc"
