#include "DialogHook.h"
#include "MessageBanner.h"
#include "SandboxServer.h"
#include "audit/AuditJoin.h"
#include "audit/AuditLog.h"
#include "session/ConversationSession.h"
#include "session/GuardedSave.h"
#include "support/RiskConfirmation.h"
#include "support/SandboxWindow.h"

#include <QDialogButtonBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <csignal>
#include <sys/resource.h>

using namespace convdesk;
using namespace Qt::StringLiterals;

// The write path as the window shows it: a save the audit log cannot take keeps the text and
// sends nothing, an interrupted save of an earlier run is checked when the window starts, and
// an overwrite right after a save opens the conflict dialog saying so.
class TestMainWindowWritePath : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void interruptedSaveOfAnEarlierRunIsCheckedAtStart();
    void saveTheAuditLogCannotTakeKeepsTheText();
    void overwriteRightAfterTheSaveOpensTheConflictDialog();

private:
    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_aliceId;
};

void TestMainWindowWritePath::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestMainWindowWritePath::init()
{
    DialogHook::clearAnswers();
    DialogHook::setInspector(test::confirmingRisk());
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY(m_sandbox->listen());
    m_aliceId = m_sandbox->conversationIds().value(0);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestMainWindowWritePath::cleanup()
{
    DialogHook::clearAnswers();
    m_sandbox.reset();
    m_dir.reset();
}

void TestMainWindowWritePath::interruptedSaveOfAnEarlierRunIsCheckedAtStart()
{
    // An earlier run sent this save and was killed before it knew the outcome.
    QVERIFY(m_sandbox->setServerExtension(m_aliceId, u"sent by the earlier run"_s));
    AuditLog earlier(m_dir->filePath(u"window-audit.jsonl"_s));
    AuditRecord attempt;
    attempt.phase = AuditRecord::Phase::Attempt;
    attempt.attemptId = AuditRecord::newAttemptId();
    attempt.time = QDateTime::currentDateTimeUtc();
    attempt.source = u"gui"_s;
    attempt.profile = u"Sandbox"_s;
    attempt.appKey = m_sandbox->credentials().appKey;
    attempt.conversationId = m_aliceId;
    attempt.valueSent = u"sent by the earlier run"_s;
    attempt.stage = AuditRecord::StageWrite;
    QVERIFY(earlier.append(attempt));

    SandboxWindow window(*m_sandbox, m_dir->path(), u"window"_s);
    QVERIFY(window.waitShown());
    QTRY_COMPARE(earlier.readAll().size(), 2);
    const QList<AuditRecord> rows = AuditJoin::attempts(earlier.readAll());
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().outcome(), AuditRecord::Outcome::Success);
    QCOMPARE(rows.first().verifiedBy, AuditRecord::VerifiedByReconcile);
    auto *banner = window.find<MessageBanner>(u"errorBanner"_s);
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(u"interrupted"_s) && banner->text().contains(u"1 applied"_s),
             qPrintable(banner->text()));
}

void TestMainWindowWritePath::saveTheAuditLogCannotTakeKeepsTheText()
{
    SandboxWindow window(*m_sandbox, m_dir->path(), u"window"_s);
    QVERIFY(window.waitShown());
    const QString before = GuardedSave::serverExtensionOf(*m_sandbox->conversation(m_aliceId));
    window.typeExtension(u"{\"typed\":\"by hand\"}"_s);
    QSignalSpy failed(window->session(), &ConversationSession::failed);
    QSignalSpy handled(m_sandbox.get(), &SandboxServer::requestHandled);

    // The log can be opened, but no byte more fits in it: a full disk, in this process only
    // (past RLIMIT_FSIZE the kernel refuses writes with EFBIG; SIGXFSZ ignored meanwhile). An
    // earlier record makes the log longer than the save lock's file, which still fits.
    AuditRecord earlier;
    earlier.time = QDateTime::currentDateTimeUtc();
    earlier.conversationId = m_aliceId;
    earlier.errorKind = AuditRecord::ConflictKind;
    earlier.valueSent = QString(300, u'x');
    QVERIFY(window.auditLog().append(earlier));
    rlimit saved{};
    QCOMPARE(::getrlimit(RLIMIT_FSIZE, &saved), 0);
    const auto previousHandler = ::signal(SIGXFSZ, SIG_IGN);
    rlimit limited = saved;
    limited.rlim_cur = rlim_t(QFileInfo(window->auditLogPath()).size());
    QCOMPARE(::setrlimit(RLIMIT_FSIZE, &limited), 0);
    DialogHook::setNextAnswer(QDialogButtonBox::Save);
    window->save();
    const bool reported = failed.wait();
    ::setrlimit(RLIMIT_FSIZE, &saved);
    ::signal(SIGXFSZ, previousHandler);
    QVERIFY(reported);

    QCOMPARE(window.editor()->text(), u"{\"typed\":\"by hand\"}"_s); // nothing typed is lost
    QVERIFY(window.editor()->isModified());
    QCOMPARE(GuardedSave::serverExtensionOf(*m_sandbox->conversation(m_aliceId)), before);
    QCOMPARE(handled.size(), 1); // the guard's re-read, and no PATCH
    QCOMPARE(handled.first().at(0).toByteArray(), QByteArray("GET"));
    auto *banner = window.find<MessageBanner>(u"errorBanner"_s);
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(u"could not be recorded in the audit log"_s)
                 && banner->text().contains(u"nothing was sent"_s),
             qPrintable(banner->text()));
    QCOMPARE(window.auditLog().readAll().size(), 1); // only the earlier record
}

void TestMainWindowWritePath::overwriteRightAfterTheSaveOpensTheConflictDialog()
{
    SandboxWindow window(*m_sandbox, m_dir->path(), u"window"_s);
    QVERIFY(window.waitShown());
    const QObject scope;
    connect(m_sandbox.get(), &SandboxServer::requestHandled, &scope, [this](const QByteArray &method) {
        if (method == "PATCH") // a colleague's tool writes right after ours
            m_sandbox->setServerExtension(m_aliceId, u"colleague"_s);
    });
    QString conflictTitle;
    DialogHook::setInspector(test::confirmingRisk([&conflictTitle](QDialog *dialog) {
        if (dialog->objectName() == u"conflictDialog")
            conflictTitle = dialog->windowTitle();
    }));
    window.typeExtension(u"mine"_s);
    DialogHook::setNextAnswer(QDialogButtonBox::Save);   // the review
    DialogHook::setNextAnswer(QDialogButtonBox::Cancel); // the conflict dialog: keep editing
    QSignalSpy conflict(window->session(), &ConversationSession::conflict);
    window->save();
    QVERIFY(conflict.wait());
    QTRY_COMPARE(DialogHook::pendingAnswers(), 0);
    QCOMPARE(conflictTitle, u"Overwritten right after your save"_s);
    QVERIFY(conflict.first().first().value<SaveConflict>().overwrittenAfterSave);
    const QList<AuditRecord> rows = AuditJoin::attempts(window.auditLog().readAll());
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().errorKind, AuditRecord::OverwrittenKind);
}

QTEST_MAIN(TestMainWindowWritePath)
#include "tst_mainwindowwritepath.moc"
