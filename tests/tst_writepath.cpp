#include "SandboxServer.h"
#include "api/ApiClient.h"
#include "audit/AuditJoin.h"
#include "audit/AuditLog.h"
#include "session/AttemptReconciler.h"
#include "session/ConversationLock.h"
#include "session/GuardedSave.h"

#include <QDir>
#include <QFile>
#include <QSysInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(convdesk::SandboxWriteFault)

// The guarded save against servers that misbehave after a write took effect, a log that
// cannot take the attempt, a second writer on this machine, and interrupted saves found later.
class TestWritePath : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void attemptIsOnRecordBeforeThePatchArrives();
    void attemptThatCannotBeRecordedSendsNothing();
    void answerThatProvesNothingIsCheckedByRereading_data();
    void answerThatProvesNothingIsCheckedByRereading();
    void patchThatFailedIsReportedWithTheServersValue();
    void unknownWhenTheCheckFailsToo();
    void overwrittenRightAfterTheSave();
    void secondWriterOnThisMachineWaitsAndConflicts();
    void lockOfADeadProcessDoesNotBlock();
    void interruptedAttemptsAreReconciled();
    void cancelDuringTheCheckAfterTheWriteLetsItFinish();
    void laterCheckNeverOverrulesTheSavesOwnOutcome();
    void reconcilerStoppedBeforeItChecksRecordsNothing();

private:
    QString serverValue() const { return GuardedSave::serverExtensionOf(*m_sandbox->conversation(m_id.toString())); }
    // Runs `action` when the sandbox has handled a request with this method (once).
    void whenHandled(const QByteArray &method, std::function<void()> action);
    QList<AuditRecord> lines() const { return m_log->readAll(); }
    AuditRecord onlyRow() const;
    static AuditRecord attemptLine(const QString &conversationId, const QString &valueSent);

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AuditLog> m_log;
    std::unique_ptr<GuardedSave> m_save;
    ConversationId m_id;
};

void TestWritePath::init()
{
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY(m_sandbox->listen());
    m_client = std::make_unique<ApiClient>();
    m_client->setEndpoint(ApiEndpoint::custom(m_sandbox->baseUrl()));
    m_client->setCredentials(SandboxServer::demoCredentials());
    m_client->setIdleTimeoutMs(500); // a server that never answers fails fast
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_log = std::make_unique<AuditLog>(m_dir->filePath(u"audit.jsonl"_s));
    m_save = std::make_unique<GuardedSave>(m_client.get());
    m_save->setAuditLog(m_log.get(), u"sandbox"_s, u"cli"_s);
    m_id = *ConversationId::parse(m_sandbox->conversationIds().value(0));
}

void TestWritePath::cleanup()
{
    m_save.reset();
    m_client.reset();
    m_sandbox.reset();
    m_log.reset();
    m_dir.reset();
}

void TestWritePath::whenHandled(const QByteArray &method, std::function<void()> action)
{
    auto done = std::make_shared<bool>(false);
    connect(m_sandbox.get(), &SandboxServer::requestHandled, this, [method, action, done](const QByteArray &seen) {
        if (seen == method && !*done) {
            *done = true;
            action();
        }
    });
}

AuditRecord TestWritePath::onlyRow() const
{
    const QList<AuditRecord> rows = AuditJoin::attempts(lines());
    [&] { QCOMPARE(rows.size(), 1); }();
    return rows.value(0);
}

AuditRecord TestWritePath::attemptLine(const QString &conversationId, const QString &valueSent)
{
    AuditRecord attempt;
    attempt.phase = AuditRecord::Phase::Attempt;
    attempt.attemptId = AuditRecord::newAttemptId();
    attempt.time = QDateTime::currentDateTimeUtc();
    attempt.source = u"cli"_s;
    attempt.profile = u"sandbox"_s;
    attempt.appKey = SandboxServer::demoCredentials().appKey;
    attempt.conversationId = conversationId;
    attempt.valueBefore = u"before"_s;
    attempt.valueSent = valueSent;
    attempt.stage = AuditRecord::StageWrite;
    attempt.traceId = u"trace-of-a-killed-save"_s;
    return attempt;
}

void TestWritePath::attemptIsOnRecordBeforeThePatchArrives()
{
    QList<AuditRecord> onRecordAtPatch;
    whenHandled("PATCH", [this, &onRecordAtPatch] { onRecordAtPatch = lines(); });
    QSignalSpy finished(m_save.get(), &GuardedSave::finished);
    QVERIFY(m_save->save(m_id, serverValue(), u"mine"_s, QString()));
    QVERIFY(finished.wait());

    QCOMPARE(onRecordAtPatch.size(), 1);
    const AuditRecord &attempt = onRecordAtPatch.first();
    QCOMPARE(attempt.phase, AuditRecord::Phase::Attempt);
    QCOMPARE(attempt.valueSent, u"mine"_s);
    QVERIFY(attempt.valueBefore);
    // The PATCH carries the trace id written ahead.
    QCOMPARE(attempt.traceId, finished.first().first().value<ApiResult>().traceId);

    const QList<AuditRecord> all = lines();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(1).phase, AuditRecord::Phase::Outcome);
    QCOMPARE(all.at(1).attemptId, attempt.attemptId);
    QCOMPARE(onlyRow().outcome(), AuditRecord::Outcome::Success);
}

void TestWritePath::attemptThatCannotBeRecordedSendsNothing()
{
    // The disk takes the bytes but cannot make them durable (a full or failing disk).
    m_log->setSyncFunction([](int) { return false; });
    QSignalSpy notSent(m_save.get(), &GuardedSave::notSent);
    QSignalSpy finished(m_save.get(), &GuardedSave::finished);
    const QString before = serverValue();
    QVERIFY(m_save->save(m_id, before, u"mine"_s, QString()));
    QVERIFY(notSent.wait());
    QCOMPARE(notSent.first().at(0).value<GuardedSave::NotSentReason>(), GuardedSave::NotSentReason::AuditLog);
    QVERIFY2(notSent.first().at(1).toString().contains(u"nothing was sent"_s),
             qPrintable(notSent.first().at(1).toString()));
    QCOMPARE(finished.count(), 0);
    QCOMPARE(m_sandbox->requestCount(), 1); // the guard's re-read, no PATCH
    QCOMPARE(serverValue(), before);
    QVERIFY(!m_save->isBusy());
}

void TestWritePath::answerThatProvesNothingIsCheckedByRereading_data()
{
    QTest::addColumn<SandboxWriteFault>("fault");
    QTest::addColumn<bool>("applied");
    QTest::newRow("500 after applying") << SandboxWriteFault::ApplyThenStatus500 << true;
    QTest::newRow("HTML after applying") << SandboxWriteFault::ApplyThenHtml << true;
    QTest::newRow("reset after applying") << SandboxWriteFault::ApplyThenReset << true;
    QTest::newRow("no answer after applying") << SandboxWriteFault::ApplyThenHang << true;
    QTest::newRow("answer names another value") << SandboxWriteFault::ApplyThenLie << true;
    QTest::newRow("claims a value it did not apply") << SandboxWriteFault::LieWithoutApplying << false;
}

void TestWritePath::answerThatProvesNothingIsCheckedByRereading()
{
    QFETCH(SandboxWriteFault, fault);
    QFETCH(bool, applied);
    const QString before = serverValue();
    m_sandbox->setNextWriteFault(fault);
    QSignalSpy handled(m_sandbox.get(), &SandboxServer::requestHandled);
    QSignalSpy finished(m_save.get(), &GuardedSave::finished);
    QVERIFY(m_save->save(m_id, before, u"mine"_s, QString()));
    QVERIFY(finished.wait(10000));
    const auto result = finished.first().first().value<ApiResult>();
    // One deliberate PATCH: nothing (Qt included) sent the signed write again on its own.
    const auto patches = std::count_if(handled.cbegin(), handled.cend(),
                                       [](const QList<QVariant> &call) { return call.at(0).toByteArray() == "PATCH"; });
    QCOMPARE(patches, 1);

    QCOMPARE(result.ok(), applied);
    QCOMPARE(serverValue(), applied ? u"mine"_s : before);
    QCOMPARE(m_save->lastVerdict(), applied ? GuardedSave::Verdict::Applied : GuardedSave::Verdict::NotApplied);
    if (applied) {
        QVERIFY2(m_save->lastVerdictNote().contains(u"re-read shows the value is on the server"_s),
                 qPrintable(m_save->lastVerdictNote()));
        QCOMPARE(GuardedSave::serverExtensionOf(result.data), u"mine"_s);
    } else {
        QVERIFY2(result.detail.contains(u"not applied"_s), qPrintable(result.detail));
    }
    const AuditRecord row = onlyRow();
    QCOMPARE(row.outcome(), applied ? AuditRecord::Outcome::Success : AuditRecord::Outcome::Failure);
    QCOMPARE(row.verifiedBy, AuditRecord::VerifiedByReread);
    QCOMPARE(row.valueAfter, std::optional<QString>(applied ? u"mine"_s : before));
}

void TestWritePath::patchThatFailedIsReportedWithTheServersValue()
{
    const QString before = serverValue();
    // The gateway refuses the PATCH itself, so it never takes effect; the answer is a 500.
    whenHandled("GET", [this] { m_sandbox->setFailNextWithHttpStatus(500); });
    QSignalSpy finished(m_save.get(), &GuardedSave::finished);
    QVERIFY(m_save->save(m_id, before, u"mine"_s, QString()));
    QVERIFY(finished.wait());
    const auto result = finished.first().first().value<ApiResult>();
    QCOMPARE(result.error, ErrorKind::HttpStatus);
    QCOMPARE(m_save->lastVerdict(), GuardedSave::Verdict::NotApplied);
    const AuditRecord row = onlyRow();
    QCOMPARE(row.outcome(), AuditRecord::Outcome::Failure);
    QCOMPARE(row.errorKind, u"http-status"_s);
    QCOMPARE(row.valueAfter, std::optional<QString>(before));
}

void TestWritePath::unknownWhenTheCheckFailsToo()
{
    m_sandbox->setNextWriteFault(SandboxWriteFault::ApplyThenStatus500);
    whenHandled("PATCH", [this] { m_sandbox->setFailNextWithHttpStatus(503, 5); });
    QSignalSpy finished(m_save.get(), &GuardedSave::finished);
    QVERIFY(m_save->save(m_id, serverValue(), u"mine"_s, QString()));
    QVERIFY(finished.wait());
    const auto result = finished.first().first().value<ApiResult>();
    QVERIFY(!result.ok());
    QCOMPARE(m_save->lastVerdict(), GuardedSave::Verdict::Unknown);
    QVERIFY2(result.detail.contains(u"may have been written"_s), qPrintable(result.detail));
    const AuditRecord row = onlyRow();
    QCOMPARE(row.outcome(), AuditRecord::Outcome::Unknown);
    QCOMPARE(row.errorKind, AuditRecord::UnknownKind);
    QVERIFY(!row.valueAfter);
}

void TestWritePath::overwrittenRightAfterTheSave()
{
    whenHandled("PATCH", [this] { QVERIFY(m_sandbox->setServerExtension(m_id.toString(), u"colleague"_s)); });
    QSignalSpy conflict(m_save.get(), &GuardedSave::conflict);
    QSignalSpy finished(m_save.get(), &GuardedSave::finished);
    QVERIFY(m_save->save(m_id, serverValue(), u"mine"_s, QString()));
    QVERIFY(conflict.wait());
    QCOMPARE(finished.count(), 0);
    const auto found = conflict.first().first().value<SaveConflict>();
    QVERIFY(found.overwrittenAfterSave);
    QCOMPARE(found.yours, u"mine"_s);
    QCOMPARE(found.serverNow, u"colleague"_s);
    QCOMPARE(m_save->lastVerdict(), GuardedSave::Verdict::Overwritten);
    const AuditRecord row = onlyRow();
    QCOMPARE(row.outcome(), AuditRecord::Outcome::Conflict);
    QCOMPARE(row.errorKind, AuditRecord::OverwrittenKind);
    QCOMPARE(row.valueAfter, std::optional<QString>(u"colleague"_s));
}

void TestWritePath::secondWriterOnThisMachineWaitsAndConflicts()
{
    // Two writers (two windows, or a window and the CLI) with the same base value. Without
    // the lock both pass the guard before either writes, and one update is lost.
    ApiClient otherClient;
    otherClient.setEndpoint(ApiEndpoint::custom(m_sandbox->baseUrl()));
    otherClient.setCredentials(SandboxServer::demoCredentials());
    GuardedSave other(&otherClient);
    other.setAuditLog(m_log.get(), u"sandbox"_s, u"gui"_s);
    m_sandbox->setResponseDelayMs(150);

    const QString base = serverValue();
    QSignalSpy firstDone(m_save.get(), &GuardedSave::finished);
    QSignalSpy secondWaiting(&other, &GuardedSave::lockWaiting);
    QSignalSpy secondConflict(&other, &GuardedSave::conflict);
    QSignalSpy secondDone(&other, &GuardedSave::finished);
    QVERIFY(m_save->save(m_id, base, u"first"_s, QString()));
    QTRY_COMPARE(m_save->stage(), GuardedSave::Stage::Rereading); // holds the lock
    QVERIFY(other.save(m_id, base, u"second"_s, QString()));

    QVERIFY(secondConflict.wait(10000));
    QCOMPARE(firstDone.count(), 1);
    QVERIFY(firstDone.first().first().value<ApiResult>().ok());
    QCOMPARE(secondWaiting.count(), 1);
    QCOMPARE(secondDone.count(), 0);
    QCOMPARE(secondConflict.first().first().value<SaveConflict>().serverNow, u"first"_s);
    QCOMPARE(serverValue(), u"first"_s);

    const QList<AuditRecord> rows = AuditJoin::attempts(lines());
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).outcome(), AuditRecord::Outcome::Success);
    QCOMPARE(rows.at(1).outcome(), AuditRecord::Outcome::Conflict);
}

void TestWritePath::lockOfADeadProcessDoesNotBlock()
{
    // What kill -9 leaves behind: a lock file naming a process that is gone.
    const QString folder = m_dir->filePath(u"locks"_s);
    QVERIFY(QDir().mkpath(folder));
    QFile stale(ConversationLock::filePathFor(folder, m_client->appKey(), m_id));
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.write("2147483646\nconvdesk-cli\n" + QSysInfo::machineHostName().toUtf8() + '\n');
    stale.close();

    QSignalSpy finished(m_save.get(), &GuardedSave::finished);
    QSignalSpy waiting(m_save.get(), &GuardedSave::lockWaiting);
    QVERIFY(m_save->save(m_id, serverValue(), u"after a crash"_s, QString()));
    QVERIFY(finished.wait());
    QVERIFY(finished.first().first().value<ApiResult>().ok());
    QCOMPARE(waiting.count(), 0);
    QCOMPARE(serverValue(), u"after a crash"_s);
}

void TestWritePath::interruptedAttemptsAreReconciled()
{
    const QStringList ids = m_sandbox->conversationIds();
    QVERIFY(ids.size() >= 3);
    // Three saves whose process died after sending: one took effect, one did not, and one
    // is still being saved by another process (it holds the lock).
    QVERIFY(m_sandbox->setServerExtension(ids.at(0), u"applied value"_s));
    QVERIFY(m_log->append(attemptLine(ids.at(0), u"applied value"_s)));
    QVERIFY(m_log->append(attemptLine(ids.at(1), u"lost value"_s)));
    QVERIFY(m_log->append(attemptLine(ids.at(2), u"in flight"_s)));
    AuditRecord otherApp = attemptLine(ids.at(0), u"other app"_s);
    otherApp.appKey = u"another-app"_s;
    QVERIFY(m_log->append(otherApp));
    ConversationLock running(m_dir->filePath(u"locks"_s), m_client->appKey(), *ConversationId::parse(ids.at(2)));
    QSignalSpy locked(&running, &ConversationLock::acquired);
    running.acquire(0);
    QVERIFY(locked.wait());

    AttemptReconciler reconciler(m_client.get(), m_log.get(), u"gui"_s);
    QSignalSpy finished(&reconciler, &AttemptReconciler::finished);
    reconciler.start();
    QVERIFY(finished.wait());
    const auto checked = finished.first().at(0).value<QList<ReconciledAttempt>>();
    QCOMPARE(checked.size(), 2);
    QCOMPARE(checked.at(0).attempt.conversationId, ids.at(0));
    QVERIFY(checked.at(0).applied);
    QCOMPARE(checked.at(1).attempt.conversationId, ids.at(1));
    QVERIFY(!checked.at(1).applied);

    const QList<AuditRecord> rows = AuditJoin::attempts(lines());
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.at(0).outcome(), AuditRecord::Outcome::Success);
    QCOMPARE(rows.at(0).verifiedBy, AuditRecord::VerifiedByReconcile);
    QCOMPARE(rows.at(1).outcome(), AuditRecord::Outcome::Failure);
    QCOMPARE(rows.at(1).errorKind, AuditRecord::InterruptedKind);
    QCOMPARE(rows.at(2).outcome(), AuditRecord::Outcome::Unknown); // left to its own process
    QCOMPARE(rows.at(3).outcome(), AuditRecord::Outcome::Unknown); // another app's: not checkable here
    QCOMPARE(lines().size(), 6); // two Outcome lines appended, nothing rewritten

    // Nothing is left to check a second time.
    reconciler.start();
    QVERIFY(finished.wait());
    QVERIFY(finished.last().at(0).value<QList<ReconciledAttempt>>().isEmpty());
}

void TestWritePath::cancelDuringTheCheckAfterTheWriteLetsItFinish()
{
    // The answer is lost after the write took effect, and the check is slow: a cancel now
    // must not turn a save that is on the server into "cancelled".
    m_sandbox->setNextWriteFault(SandboxWriteFault::ApplyThenStatus500);
    whenHandled("PATCH", [this] { m_sandbox->setResponseDelayMs(200); });
    QSignalSpy finished(m_save.get(), &GuardedSave::finished);
    QVERIFY(m_save->save(m_id, serverValue(), u"mine"_s, QString()));
    QTRY_COMPARE(m_save->stage(), GuardedSave::Stage::Verifying);
    m_save->cancel();
    QVERIFY(finished.wait());
    QVERIFY(finished.first().first().value<ApiResult>().ok());
    QCOMPARE(m_save->lastVerdict(), GuardedSave::Verdict::Applied);
    QCOMPARE(onlyRow().outcome(), AuditRecord::Outcome::Success);
}

void TestWritePath::laterCheckNeverOverrulesTheSavesOwnOutcome()
{
    // A reconciler that read the log while the save was running, and checks after someone
    // else changed the value, appends "not applied": the save's own Outcome still stands.
    AuditRecord attempt = attemptLine(m_id.toString(), u"mine"_s);
    AuditRecord own = attempt;
    own.phase = AuditRecord::Phase::Outcome;
    own.errorKind = u"none"_s;
    own.verifiedBy = AuditRecord::VerifiedByAnswer;
    AuditRecord late = own;
    late.errorKind = AuditRecord::InterruptedKind;
    late.verifiedBy = AuditRecord::VerifiedByReconcile;
    const QList<AuditRecord> rows = AuditJoin::attempts({attempt, own, late});
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().outcome(), AuditRecord::Outcome::Success);
    QCOMPARE(rows.first().verifiedBy, AuditRecord::VerifiedByAnswer);
}

void TestWritePath::reconcilerStoppedBeforeItChecksRecordsNothing()
{
    QVERIFY(m_log->append(attemptLine(m_id.toString(), u"lost"_s)));
    AttemptReconciler reconciler(m_client.get(), m_log.get(), u"gui"_s);
    QSignalSpy finished(&reconciler, &AttemptReconciler::finished);
    reconciler.start();
    reconciler.cancel(); // the user switched to another profile: the client is no longer this app's
    QCOMPARE(finished.count(), 1);
    QVERIFY(finished.first().at(0).value<QList<ReconciledAttempt>>().isEmpty());
    QTest::qWait(100);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(lines().size(), 1);
    QCOMPARE(m_sandbox->requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestWritePath)
#include "tst_writepath.moc"
