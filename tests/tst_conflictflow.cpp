#include "ConversationPanel.h"
#include "DialogHook.h"
#include "SandboxServer.h"
#include "audit/AuditJoin.h"
#include "audit/AuditLog.h"
#include "models/ConversationTreeModel.h"
#include "session/GuardedSave.h"

#include "support/RiskConfirmation.h"
#include "support/SandboxWindow.h"

#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextEdit>

using namespace convdesk;
using namespace Qt::StringLiterals;

// The save path in the window: confirmation, re-read, compare, PATCH; the conflict dialog
// and its three ways on; the audit record of every attempt; two windows on one conversation.
class TestConflictFlow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void secondWriterShowsConflictAndWritesNothing();
    void overwriteWritesYourValue();
    void takeServerValueDropsTheEdit();
    void keepEditingKeepsTextAndComparesWithServerValue();
    void keepEditingStaysGuardedAgainstAThirdWriter();
    void twoWindowsCannotSilentlyOverwriteEachOther();
    void auditRecordsEveryOutcome_data();
    void auditRecordsEveryOutcome();
    void unwritableAuditLogRefusesTheSave();

private:
    QString serverValue(const QString &id) const;
    QStringList methodsSeen() const;
    // Types `text` and presses Ctrl+S, with the confirmation answered by Save.
    void saveAs(SandboxWindow &window, const QString &text);

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SandboxWindow> m_window;
    std::unique_ptr<QSignalSpy> m_handled;
    QString m_aliceId;
};

void TestConflictFlow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY2(m_sandbox->listen(), qPrintable(m_sandbox->errorString()));
    m_aliceId = m_sandbox->conversationIds().constFirst();
}

void TestConflictFlow::init()
{
    m_sandbox->resetToSeed();
    m_sandbox->setRateLimited(false);
    DialogHook::clearAnswers();
    DialogHook::setInspector(test::confirmingRisk());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_window = std::make_unique<SandboxWindow>(*m_sandbox, m_dir->path(), u"windowA"_s);
    QVERIFY(m_window->waitShown());
    QCOMPARE((*m_window)->session()->conversationId().toString(), m_aliceId);
    m_handled = std::make_unique<QSignalSpy>(m_sandbox.get(), &SandboxServer::requestHandled);
}

void TestConflictFlow::cleanup()
{
    DialogHook::clearAnswers();
    m_handled.reset();
    m_window.reset();
    m_dir.reset();
}

QString TestConflictFlow::serverValue(const QString &id) const
{
    return GuardedSave::serverExtensionOf(*m_sandbox->conversation(id));
}

QStringList TestConflictFlow::methodsSeen() const
{
    QStringList methods;
    for (const QList<QVariant> &call : *m_handled)
        methods << QString::fromLatin1(call.at(0).toByteArray());
    return methods;
}

void TestConflictFlow::saveAs(SandboxWindow &window, const QString &text)
{
    // Ctrl+S is a window shortcut: it works in the active window only.
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    window.typeExtension(text);
    QCOMPARE(window.editor()->text(), text);
    DialogHook::setNextAnswer(QDialogButtonBox::Save);
    QTest::keyClick(window.get(), Qt::Key_S, Qt::ControlModifier);
}

void TestConflictFlow::secondWriterShowsConflictAndWritesNothing()
{
    const QString loaded = serverValue(m_aliceId);
    QVERIFY(m_sandbox->setServerExtension(m_aliceId, u"{\"ticket\":\"T-9\",\"by\":\"colleague\"}"_s));

    QString conflictText;
    QString yoursPane, serverPane, loadedPane;
    DialogHook::setInspector(test::confirmingRisk([&](QDialog *dialog) {
        if (dialog->objectName() != u"conflictDialog")
            return;
        conflictText = DialogHook::lastText();
        loadedPane = dialog->findChild<QTextEdit *>(u"conflictLoadedView"_s)->toPlainText();
        yoursPane = dialog->findChild<QTextEdit *>(u"conflictYoursView"_s)->toPlainText();
        serverPane = dialog->findChild<QTextEdit *>(u"conflictServerView"_s)->toPlainText();
        QVERIFY(dialog->findChild<QPushButton *>(u"keepEditingButton"_s)->isDefault());
    }));
    QSignalSpy conflict((*m_window)->session(), &ConversationSession::conflict);
    saveAs(*m_window, u"{\"ticket\":\"T-1\",\"by\":\"me\"}"_s);
    DialogHook::setNextAnswer(QDialogButtonBox::Cancel); // the conflict dialog: keep editing
    QVERIFY(conflict.wait());
    QCOMPARE(DialogHook::pendingAnswers(), 0);
    QCOMPARE(DialogHook::lastObjectName(), u"conflictDialog"_s);

    // The status bar is no longer busy and names the check's trace id.
    QVERIFY(!m_window->find<QWidget>(u"busyIndicator"_s)->isVisible());
    QVERIFY(m_window->find<QLabel>(u"callOutcome"_s)->text().startsWith(u"Not saved"_s));
    QCOMPARE(m_window->find<QLabel>(u"traceIdLabel"_s)->text(),
             u"Trace id: "_s + conflict.first().first().value<SaveConflict>().traceId);
    // Nothing was written: one re-read, no PATCH.
    QCOMPARE(methodsSeen(), QStringList{u"GET"_s});
    QCOMPARE(serverValue(m_aliceId), u"{\"ticket\":\"T-9\",\"by\":\"colleague\"}"_s);
    // The three panes: as loaded (pretty-printed, as the diffs compare JSON), and the two
    // changes against it.
    QVERIFY2(conflictText.contains(m_aliceId), qPrintable(conflictText));
    QVERIFY2(loadedPane.contains(u"\"T-20240611-0042\""_s), qPrintable(loadedPane));
    QVERIFY2(yoursPane.contains(u"+   \"ticket\": \"T-1\""_s), qPrintable(yoursPane));
    QVERIFY2(yoursPane.contains(u"-   \"ticket\": \"T-20240611-0042\""_s), qPrintable(yoursPane));
    QVERIFY2(serverPane.contains(u"+   \"by\": \"colleague\""_s), qPrintable(serverPane));
    QVERIFY(!serverPane.contains(u"\"me\""_s));
    QVERIFY(!loaded.isEmpty());
}

void TestConflictFlow::overwriteWritesYourValue()
{
    QVERIFY(m_sandbox->setServerExtension(m_aliceId, u"colleague"_s));
    QSignalSpy saved((*m_window)->session(), &ConversationSession::saved);
    saveAs(*m_window, u"mine"_s);
    DialogHook::setNextAnswer(QDialogButtonBox::Save); // the conflict dialog: overwrite
    QVERIFY(saved.wait());
    QCOMPARE(DialogHook::pendingAnswers(), 0);
    QCOMPARE(serverValue(m_aliceId), u"mine"_s);
    QCOMPARE(methodsSeen(), (QStringList{u"GET"_s, u"GET"_s, u"PATCH"_s, u"GET"_s}));
    QCOMPARE(m_window->editor()->originalText(), u"mine"_s);
    QVERIFY(!m_window->editor()->isModified());

    // The overwrite is recorded as forced (no expected value) with what it replaced.
    const QList<AuditRecord> records = AuditJoin::attempts(m_window->auditLog().readAll());
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(0).outcome(), AuditRecord::Outcome::Conflict);
    QCOMPARE(records.at(1).outcome(), AuditRecord::Outcome::Success);
    QCOMPARE(records.at(1).expected, std::nullopt);
    QCOMPARE(records.at(1).valueBefore, std::optional<QString>(u"colleague"_s));
}

void TestConflictFlow::takeServerValueDropsTheEdit()
{
    QVERIFY(m_sandbox->setServerExtension(m_aliceId, u"colleague"_s));
    QSignalSpy conflict((*m_window)->session(), &ConversationSession::conflict);
    saveAs(*m_window, u"mine"_s);
    DialogHook::setNextAnswer(QDialogButtonBox::Discard); // the conflict dialog: take the server's value
    QVERIFY(conflict.wait());
    QCOMPARE(DialogHook::pendingAnswers(), 0);

    QCOMPARE(m_window->editor()->text(), u"colleague"_s);
    QCOMPARE(m_window->editor()->originalText(), u"colleague"_s);
    QVERIFY(!m_window->editor()->isModified());
    QCOMPARE((*m_window)->session()->loadedServerExtension(), u"colleague"_s);
    // The tree shows the conversation as just re-read.
    ConversationPanel *panel = (*m_window)->conversationPanel();
    QCOMPARE(panel->treeModel()->indexForPath(u"$.server_extension"_s).siblingAtColumn(1)
                 .data(ConversationTreeModel::RawValueRole).toString(),
             u"\"colleague\""_s);
    QCOMPARE(methodsSeen(), QStringList{u"GET"_s});
    QCOMPARE(serverValue(m_aliceId), u"colleague"_s);
}

void TestConflictFlow::keepEditingKeepsTextAndComparesWithServerValue()
{
    QVERIFY(m_sandbox->setServerExtension(m_aliceId, u"colleague"_s));
    QSignalSpy conflict((*m_window)->session(), &ConversationSession::conflict);
    saveAs(*m_window, u"mine"_s);
    DialogHook::setNextAnswer(QDialogButtonBox::Cancel); // the conflict dialog: keep editing
    QVERIFY(conflict.wait());

    QCOMPARE(m_window->editor()->text(), u"mine"_s);
    QVERIFY(m_window->editor()->isModified());
    QCOMPARE(m_window->editor()->originalText(), u"colleague"_s); // the new base
    auto *banner = m_window->find<QLabel>(u"errorBanner"_s);
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(u"still in the editor"_s), qPrintable(banner->text()));
    QCOMPARE(serverValue(m_aliceId), u"colleague"_s);

    // The next Save confirms against the server's value and goes through.
    QString confirmDiff;
    DialogHook::setInspector(test::confirmingRisk([&confirmDiff](QDialog *dialog) {
        if (dialog->objectName() == u"saveConfirmDialog")
            confirmDiff = dialog->findChild<QTextEdit *>(u"confirmDiff"_s)->toPlainText();
    }));
    QSignalSpy saved((*m_window)->session(), &ConversationSession::saved);
    DialogHook::setNextAnswer(QDialogButtonBox::Save);
    QTest::keyClick(m_window->get(), Qt::Key_S, Qt::ControlModifier);
    QVERIFY(saved.wait());
    QCOMPARE(confirmDiff, u"- colleague\n+ mine"_s);
    QCOMPARE(serverValue(m_aliceId), u"mine"_s);
    QVERIFY(!banner->isVisible());
}

void TestConflictFlow::keepEditingStaysGuardedAgainstAThirdWriter()
{
    QVERIFY(m_sandbox->setServerExtension(m_aliceId, u"second"_s));
    QSignalSpy conflict((*m_window)->session(), &ConversationSession::conflict);
    saveAs(*m_window, u"mine"_s);
    DialogHook::setNextAnswer(QDialogButtonBox::Cancel);
    QVERIFY(conflict.wait());

    QVERIFY(m_sandbox->setServerExtension(m_aliceId, u"third"_s));
    DialogHook::setNextAnswer(QDialogButtonBox::Save);   // the confirmation
    DialogHook::setNextAnswer(QDialogButtonBox::Cancel); // the second conflict
    QTest::keyClick(m_window->get(), Qt::Key_S, Qt::ControlModifier);
    QVERIFY(conflict.wait());
    QCOMPARE(conflict.size(), 2);
    const auto second = conflict.last().first().value<SaveConflict>();
    QCOMPARE(second.loaded, u"second"_s);
    QCOMPARE(second.serverNow, u"third"_s);
    QCOMPARE(serverValue(m_aliceId), u"third"_s);
    QVERIFY(!methodsSeen().contains(u"PATCH"_s));
}

void TestConflictFlow::twoWindowsCannotSilentlyOverwriteEachOther()
{
    // Two support engineers open the same conversation.
    SandboxWindow other(*m_sandbox, m_dir->path(), u"windowB"_s);
    QVERIFY(other.waitShown());
    QCOMPARE(other->session()->conversationId().toString(), m_aliceId);

    QSignalSpy savedA((*m_window)->session(), &ConversationSession::saved);
    saveAs(*m_window, u"{\"note\":\"from A\"}"_s);
    QVERIFY(savedA.wait());
    QCOMPARE(serverValue(m_aliceId), u"{\"note\":\"from A\"}"_s);

    // B saves what it typed over the value it loaded before A's save: refused.
    QString shownToB;
    DialogHook::setInspector(test::confirmingRisk([&shownToB](QDialog *dialog) {
        if (dialog->objectName() == u"conflictDialog")
            shownToB = dialog->findChild<QTextEdit *>(u"conflictServerView"_s)->toPlainText();
    }));
    QSignalSpy conflictB(other->session(), &ConversationSession::conflict);
    QSignalSpy savedB(other->session(), &ConversationSession::saved);
    saveAs(other, u"{\"note\":\"from B\"}"_s);
    DialogHook::setNextAnswer(QDialogButtonBox::Cancel); // the conflict dialog: keep editing
    QVERIFY(conflictB.wait());
    QCOMPARE(savedB.size(), 0);
    QVERIFY2(shownToB.contains(u"from A"_s), qPrintable(shownToB));
    QCOMPARE(serverValue(m_aliceId), u"{\"note\":\"from A\"}"_s);
    QCOMPARE(other.editor()->text(), u"{\"note\":\"from B\"}"_s);
    QCOMPARE(methodsSeen().count(u"PATCH"_s), 1); // A's only
}

void TestConflictFlow::auditRecordsEveryOutcome_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("stage");
    QTest::addColumn<QString>("errorKind");
    QTest::addColumn<int>("code");
    QTest::newRow("success") << u"success"_s << int(AuditRecord::Outcome::Success) << AuditRecord::StageWrite
                             << u"none"_s << 200;
    QTest::newRow("business failure of the write") << u"write refused"_s << int(AuditRecord::Outcome::Failure)
                                                   << AuditRecord::StageWrite << u"business"_s << 416;
    QTest::newRow("failure of the re-read") << u"reread refused"_s << int(AuditRecord::Outcome::Failure)
                                            << AuditRecord::StageReread << u"business"_s << 416;
    QTest::newRow("conflict") << u"conflict"_s << int(AuditRecord::Outcome::Conflict) << AuditRecord::StageReread
                              << AuditRecord::ConflictKind << 0;
}

void TestConflictFlow::auditRecordsEveryOutcome()
{
    QFETCH(QString, scenario);
    QFETCH(int, outcome);
    QFETCH(QString, stage);
    QFETCH(QString, errorKind);
    QFETCH(int, code);

    const QString loaded = serverValue(m_aliceId);
    if (scenario == u"write refused") {
        // The server starts refusing right after answering the re-read, before the PATCH.
        connect(m_sandbox.get(), &SandboxServer::requestHandled, this, [this](const QByteArray &method) {
            if (method == "GET")
                m_sandbox->setRateLimited(true);
        }, Qt::SingleShotConnection);
    } else if (scenario == u"reread refused") {
        m_sandbox->setRateLimited(true);
    } else if (scenario == u"conflict") {
        QVERIFY(m_sandbox->setServerExtension(m_aliceId, u"colleague"_s));
    }
    QSignalSpy busy((*m_window)->session(), &ConversationSession::busyChanged);
    saveAs(*m_window, u"audited"_s);
    if (scenario == u"conflict")
        DialogHook::setNextAnswer(QDialogButtonBox::Cancel);
    QTRY_COMPARE(busy.size(), 2);
    QVERIFY(!(*m_window)->session()->isBusy());

    QStringList warnings;
    const QList<AuditRecord> records = AuditJoin::attempts(m_window->auditLog().readAll(&warnings));
    QVERIFY(warnings.isEmpty());
    QCOMPARE(records.size(), 1);
    const AuditRecord &record = records.first();
    QCOMPARE(int(record.outcome()), outcome);
    QCOMPARE(record.stage, stage);
    QCOMPARE(record.errorKind, errorKind);
    QCOMPARE(record.code, code);
    QCOMPARE(record.source, u"gui"_s);
    QCOMPARE(record.profile, u"Sandbox"_s);
    QCOMPARE(record.appKey, m_sandbox->credentials().appKey);
    QCOMPARE(record.conversationId, m_aliceId);
    QCOMPARE(record.expected, std::optional<QString>(loaded));
    QCOMPARE(record.valueSent, u"audited"_s);
    QVERIFY(!record.traceId.isEmpty());
    // Never the secret.
    QFile file((*m_window)->auditLogPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(m_sandbox->credentials().appSecret.toUtf8()));
    m_sandbox->setRateLimited(false);
}

void TestConflictFlow::unwritableAuditLogRefusesTheSave()
{
    // A file where the log's folder should be: the folder cannot be made, whoever runs this.
    const QString blocker = m_dir->filePath(u"not-a-folder"_s);
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    (*m_window)->setAuditLogPath(blocker + u"/audit.jsonl"_s);

    const int requests = m_sandbox->requestCount();
    saveAs(*m_window, u"not recorded, not sent"_s);
    QCOMPARE(DialogHook::pendingAnswers(), 1); // the confirmation's: it was not shown
    QCOMPARE(m_sandbox->requestCount(), requests);
    QVERIFY(!(*m_window)->session()->isBusy());
    auto *banner = m_window->find<QLabel>(u"errorBanner"_s);
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(u"audit log"_s), qPrintable(banner->text()));
    QVERIFY2(banner->text().contains(u"Nothing was sent"_s), qPrintable(banner->text()));
    QCOMPARE(m_window->editor()->text(), u"not recorded, not sent"_s);
    QVERIFY(m_window->editor()->isModified());
}

QTEST_MAIN(TestConflictFlow)
#include "tst_conflictflow.moc"
