#include "SandboxServer.h"
#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "audit/AuditJoin.h"
#include "audit/AuditLog.h"
#include "session/GuardedSave.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

// The compare-and-set against the in-process sandbox, with a second writer changing the
// value between load and save (SandboxServer::setServerExtension).
class TestGuardedSave : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void unchangedValueIsSaved();
    void reasonIsRecordedWithTheAttempt();
    void reasonIsRecordedWithAConflict();
    void secondWriterCausesConflictAndNothingIsWritten();
    void overwriteAfterConflictWrites();
    void retryWithServerValueStaysGuarded();
    void missingServerExtensionCountsAsEmpty();
    void rereadFailureWritesNothing_data();
    void rereadFailureWritesNothing();
    void writeFailureIsReportedAndRecorded();
    void cancelDuringRereadIsRecorded();
    void unwritableAuditLogRefusesBeforeSending();
    void busyRefusesSecondSave();
    void worksWithoutAuditLog();
    void auditLogNeverHoldsTheSecret();

private:
    QString serverValue() const;
    QStringList methodsSeen() const;
    AuditRecord onlyRecord();

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AuditLog> m_log;
    std::unique_ptr<GuardedSave> m_save;
    std::unique_ptr<QSignalSpy> m_handled;
    ConversationId m_id;
};

void TestGuardedSave::init()
{
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY(m_sandbox->listen());
    m_client = std::make_unique<ApiClient>();
    m_client->setEndpoint(ApiEndpoint::custom(m_sandbox->baseUrl()));
    m_client->setCredentials(SandboxServer::demoCredentials());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_log = std::make_unique<AuditLog>(m_dir->filePath(u"audit.jsonl"_s));
    m_save = std::make_unique<GuardedSave>(m_client.get());
    m_save->setAuditLog(m_log.get(), u"sandbox"_s, u"gui"_s);
    m_handled = std::make_unique<QSignalSpy>(m_sandbox.get(), &SandboxServer::requestHandled);
    m_id = *ConversationId::parse(m_sandbox->conversationIds().value(0));
}

void TestGuardedSave::cleanup()
{
    m_handled.reset();
    m_save.reset();
    m_client.reset();
    m_sandbox.reset();
    m_log.reset();
    m_dir.reset();
}

QString TestGuardedSave::serverValue() const
{
    return GuardedSave::serverExtensionOf(*m_sandbox->conversation(m_id.toString()));
}

QStringList TestGuardedSave::methodsSeen() const
{
    QStringList methods;
    for (const QList<QVariant> &call : *m_handled)
        methods << QString::fromLatin1(call.at(0).toByteArray());
    return methods;
}

AuditRecord TestGuardedSave::onlyRecord()
{
    QStringList warnings;
    const QList<AuditRecord> records = AuditJoin::attempts(m_log->readAll(&warnings));
    [&] {
        QVERIFY(warnings.isEmpty());
        QCOMPARE(records.size(), 1);
    }();
    return records.value(0);
}

void TestGuardedSave::unchangedValueIsSaved()
{
    const QString loaded = serverValue();
    const QString mine = u"{\"ticket\":\"CS-1\",\"备注\":\"已处理\"}"_s;
    QSignalSpy finished(m_save.get(), &GuardedSave::finished);
    QSignalSpy conflict(m_save.get(), &GuardedSave::conflict);
    QString refusal;
    QVERIFY2(m_save->save(m_id, loaded, mine, QString(), &refusal), qPrintable(refusal));
    QVERIFY(m_save->isBusy());
    QVERIFY(finished.wait());
    QVERIFY(!m_save->isBusy());
    const auto result = finished.first().first().value<ApiResult>();
    QVERIFY2(result.ok(), qPrintable(result.msg + result.detail));
    QCOMPARE(conflict.count(), 0);
    QCOMPARE(serverValue(), mine);
    // The guard's re-read, the write, and the check that the value stayed.
    QCOMPARE(methodsSeen(), (QStringList{u"GET"_s, u"PATCH"_s, u"GET"_s}));
    QCOMPARE(m_save->lastVerdict(), GuardedSave::Verdict::Applied);

    const AuditRecord record = onlyRecord();
    QCOMPARE(record.outcome(), AuditRecord::Outcome::Success);
    QCOMPARE(record.verifiedBy, AuditRecord::VerifiedByAnswer);
    QCOMPARE(record.valueAfter, std::optional<QString>(mine));
    QCOMPARE(record.stage, AuditRecord::StageWrite);
    QCOMPARE(record.conversationId, m_id.toString());
    QCOMPARE(record.profile, u"sandbox"_s);
    QCOMPARE(record.source, u"gui"_s);
    QCOMPARE(record.appKey, SandboxServer::demoCredentials().appKey);
    QCOMPARE(record.expected, std::optional<QString>(loaded));
    QCOMPARE(record.valueBefore, std::optional<QString>(loaded));
    QCOMPARE(record.valueSent, mine);
    QCOMPARE(record.code, 200);
    QCOMPARE(record.httpStatus, 200);
    QCOMPARE(record.traceId, result.traceId);
    QCOMPARE(record.time.timeSpec(), Qt::UTC);
}

void TestGuardedSave::reasonIsRecordedWithTheAttempt()
{
    QSignalSpy finished(m_save.get(), &GuardedSave::finished);
    QVERIFY(m_save->save(m_id, serverValue(), u"mine"_s, u"  CS-42: customer asked  "_s));
    QVERIFY(finished.wait());
    QStringList warnings;
    const QList<AuditRecord> lines = m_log->readAll(&warnings);
    QVERIFY(warnings.isEmpty());
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0).phase, AuditRecord::Phase::Attempt);
    QCOMPARE(lines.at(0).reason, u"CS-42: customer asked"_s); // trimmed
    QCOMPARE(lines.at(1).phase, AuditRecord::Phase::Outcome);
    QCOMPARE(lines.at(1).reason, QString()); // the History takes it from the Attempt
    QCOMPARE(onlyRecord().reason, u"CS-42: customer asked"_s);
}

void TestGuardedSave::reasonIsRecordedWithAConflict()
{
    QSignalSpy conflict(m_save.get(), &GuardedSave::conflict);
    QVERIFY(m_save->save(m_id, u"stale"_s, u"mine"_s, u"CS-7"_s));
    QVERIFY(conflict.wait());
    const AuditRecord record = onlyRecord();
    QCOMPARE(record.phase, AuditRecord::Phase::Complete);
    QCOMPARE(record.outcome(), AuditRecord::Outcome::Conflict);
    QCOMPARE(record.reason, u"CS-7"_s);
}

void TestGuardedSave::secondWriterCausesConflictAndNothingIsWritten()
{
    const QString loaded = serverValue();
    QVERIFY(m_sandbox->setServerExtension(m_id.toString(), u"changed by a colleague"_s));
    QSignalSpy finished(m_save.get(), &GuardedSave::finished);
    QSignalSpy conflict(m_save.get(), &GuardedSave::conflict);
    QVERIFY(m_save->save(m_id, loaded, u"mine"_s, QString()));
    QVERIFY(conflict.wait());
    QCOMPARE(finished.count(), 0);
    QVERIFY(!m_save->isBusy());

    const auto found = conflict.first().first().value<SaveConflict>();
    QCOMPARE(found.id, m_id);
    QCOMPARE(found.loaded, loaded);
    QCOMPARE(found.yours, u"mine"_s);
    QCOMPARE(found.serverNow, u"changed by a colleague"_s);
    QCOMPARE(GuardedSave::serverExtensionOf(found.conversation), u"changed by a colleague"_s);
    QCOMPARE(Json::toQString((*found.conversation)["conversation_id"].get<std::string>()), m_id.toString());

    QCOMPARE(serverValue(), u"changed by a colleague"_s);
    QCOMPARE(methodsSeen(), QStringList{u"GET"_s});

    const AuditRecord record = onlyRecord();
    QCOMPARE(record.outcome(), AuditRecord::Outcome::Conflict);
    QCOMPARE(record.errorKind, u"conflict"_s);
    QCOMPARE(record.stage, AuditRecord::StageReread);
    QCOMPARE(record.valueBefore, std::optional<QString>(u"changed by a colleague"_s));
    QCOMPARE(record.expected, std::optional<QString>(loaded));
    QCOMPARE(record.valueSent, u"mine"_s);
    QCOMPARE(record.traceId, found.traceId);
}

void TestGuardedSave::overwriteAfterConflictWrites()
{
    const QString loaded = serverValue();
    QVERIFY(m_sandbox->setServerExtension(m_id.toString(), u"theirs"_s));
    QSignalSpy conflict(m_save.get(), &GuardedSave::conflict);
    QSignalSpy finished(m_save.get(), &GuardedSave::finished);
    QVERIFY(m_save->save(m_id, loaded, u"mine"_s, QString()));
    QVERIFY(conflict.wait());

    QVERIFY(m_save->overwrite(m_id, u"mine"_s, QString()));
    QVERIFY(finished.wait());
    QVERIFY(finished.first().first().value<ApiResult>().ok());
    QCOMPARE(serverValue(), u"mine"_s);

    const QList<AuditRecord> records = AuditJoin::attempts(m_log->readAll());
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(1).outcome(), AuditRecord::Outcome::Success);
    QVERIFY(!records.at(1).expected); // unguarded
    QCOMPARE(records.at(1).valueBefore, std::optional<QString>(u"theirs"_s)); // what was overwritten
}

void TestGuardedSave::retryWithServerValueStaysGuarded()
{
    QVERIFY(m_sandbox->setServerExtension(m_id.toString(), u"theirs"_s));
    QSignalSpy conflict(m_save.get(), &GuardedSave::conflict);
    QSignalSpy finished(m_save.get(), &GuardedSave::finished);
    QVERIFY(m_save->save(m_id, u"stale"_s, u"mine"_s, QString()));
    QVERIFY(conflict.wait());
    const auto first = conflict.first().first().value<SaveConflict>();

    // A third writer while the user looked at the three-way view.
    QVERIFY(m_sandbox->setServerExtension(m_id.toString(), u"third"_s));
    QVERIFY(m_save->save(m_id, first.serverNow, u"mine"_s, QString()));
    QVERIFY(conflict.wait());
    QCOMPARE(conflict.last().first().value<SaveConflict>().serverNow, u"third"_s);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(serverValue(), u"third"_s);

    QVERIFY(m_save->save(m_id, u"third"_s, u"mine"_s, QString()));
    QVERIFY(finished.wait());
    QCOMPARE(serverValue(), u"mine"_s);
}

void TestGuardedSave::missingServerExtensionCountsAsEmpty()
{
    OrderedJson bare = *m_sandbox->conversation(m_id.toString());
    bare.erase("server_extension");
    m_sandbox->putConversation(bare);

    QSignalSpy conflict(m_save.get(), &GuardedSave::conflict);
    QVERIFY(m_save->save(m_id, u"something"_s, u"mine"_s, QString()));
    QVERIFY(conflict.wait());
    QCOMPARE(conflict.first().first().value<SaveConflict>().serverNow, QString());

    QSignalSpy finished(m_save.get(), &GuardedSave::finished);
    QVERIFY(m_save->save(m_id, QString(), u"mine"_s, QString()));
    QVERIFY(finished.wait());
    QVERIFY(finished.first().first().value<ApiResult>().ok());
    QCOMPARE(serverValue(), u"mine"_s);
}

void TestGuardedSave::rereadFailureWritesNothing_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QString>("kind");
    QTest::newRow("rate limited") << u"ratelimit"_s << u"business"_s;
    QTest::newRow("gateway") << u"502"_s << u"http-status"_s;
    QTest::newRow("malformed") << u"malformed"_s << u"malformed-response"_s;
    QTest::newRow("unknown conversation") << u"unknown"_s << u"business"_s;
    QTest::newRow("server down") << u"down"_s << u"network"_s;
}

void TestGuardedSave::rereadFailureWritesNothing()
{
    QFETCH(QString, fault);
    QFETCH(QString, kind);
    const QString before = serverValue();
    ConversationId id = m_id;
    if (fault == u"ratelimit")
        m_sandbox->setRateLimited(true);
    else if (fault == u"502")
        m_sandbox->setFailNextWithHttpStatus(502, 5);
    else if (fault == u"malformed")
        m_sandbox->setMalformedNext(5);
    else if (fault == u"unknown")
        id = *ConversationId::parse(u"nobody|1|ghost"_s);
    else if (fault == u"down")
        m_sandbox.reset(); // nothing listens on the port any more

    QSignalSpy rereadFailed(m_save.get(), &GuardedSave::rereadFailed);
    QSignalSpy finished(m_save.get(), &GuardedSave::finished);
    QSignalSpy conflict(m_save.get(), &GuardedSave::conflict);
    QVERIFY(m_save->save(id, before, u"mine"_s, QString()));
    QVERIFY(rereadFailed.wait());
    QCOMPARE(finished.count(), 0);
    QCOMPARE(conflict.count(), 0);
    QVERIFY(!rereadFailed.first().first().value<ApiResult>().ok());
    if (m_sandbox) {
        QCOMPARE(serverValue(), before);
        QVERIFY(!methodsSeen().contains(u"PATCH"_s));
    }

    const AuditRecord record = onlyRecord();
    QCOMPARE(record.outcome(), AuditRecord::Outcome::Failure);
    QCOMPARE(record.errorKind, kind);
    QCOMPARE(record.stage, AuditRecord::StageReread);
    QVERIFY(!record.valueBefore); // unknown: the server could not be read
    QVERIFY(!record.traceId.isEmpty());
}

void TestGuardedSave::writeFailureIsReportedAndRecorded()
{
    const QString tooLong(SandboxServer::MaxServerExtensionLength + 1, u'x');
    QSignalSpy finished(m_save.get(), &GuardedSave::finished);
    QVERIFY(m_save->save(m_id, serverValue(), tooLong, QString()));
    QVERIFY(finished.wait());
    const auto result = finished.first().first().value<ApiResult>();
    QCOMPARE(result.error, ErrorKind::Business);
    // A business error is the server's own word that nothing was applied: no check needed.
    QCOMPARE(methodsSeen(), (QStringList{u"GET"_s, u"PATCH"_s}));
    QCOMPARE(m_save->lastVerdict(), GuardedSave::Verdict::NotApplied);

    const AuditRecord record = onlyRecord();
    QCOMPARE(record.outcome(), AuditRecord::Outcome::Failure);
    QCOMPARE(record.errorKind, u"business"_s);
    QCOMPARE(record.stage, AuditRecord::StageWrite);
    QCOMPARE(record.code, result.code);
    QVERIFY(!record.msg.isEmpty());
    QCOMPARE(record.valueSent, tooLong);
}

void TestGuardedSave::cancelDuringRereadIsRecorded()
{
    m_sandbox->setResponseDelayMs(3000);
    QSignalSpy rereadFailed(m_save.get(), &GuardedSave::rereadFailed);
    QVERIFY(m_save->save(m_id, serverValue(), u"mine"_s, QString()));
    QCOMPARE(m_save->stage(), GuardedSave::Stage::Locking);
    QTRY_COMPARE(m_save->stage(), GuardedSave::Stage::Rereading);
    m_save->cancel();
    QTRY_COMPARE(rereadFailed.count(), 1); // may be reported from within cancel()
    QVERIFY(!m_save->isBusy());
    QCOMPARE(rereadFailed.first().first().value<ApiResult>().error, ErrorKind::Cancelled);
    QCOMPARE(onlyRecord().errorKind, u"cancelled"_s);
}

void TestGuardedSave::unwritableAuditLogRefusesBeforeSending()
{
    QFile blocker(m_dir->filePath(u"blocker"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    AuditLog unwritable(m_dir->filePath(u"blocker/audit.jsonl"_s));
    m_save->setAuditLog(&unwritable, u"sandbox"_s, u"gui"_s);

    QSignalSpy stage(m_save.get(), &GuardedSave::stageChanged);
    QString refusal;
    QVERIFY(!m_save->save(m_id, serverValue(), u"mine"_s, QString(), &refusal));
    QVERIFY2(refusal.contains(u"audit log"_s), qPrintable(refusal));
    QVERIFY(!m_save->overwrite(m_id, u"mine"_s, QString(), &refusal));
    QVERIFY(!m_save->isBusy());
    QCOMPARE(stage.count(), 0);
    QTest::qWait(50); // a request sent by mistake would reach the sandbox by now
    QCOMPARE(m_sandbox->requestCount(), 0);
}

void TestGuardedSave::busyRefusesSecondSave()
{
    QSignalSpy finished(m_save.get(), &GuardedSave::finished);
    QVERIFY(m_save->save(m_id, serverValue(), u"first"_s, QString()));
    QString refusal;
    QVERIFY(!m_save->save(m_id, serverValue(), u"second"_s, QString(), &refusal));
    QVERIFY(!refusal.isEmpty());
    QVERIFY(finished.wait());
    QCOMPARE(serverValue(), u"first"_s);
    QCOMPARE(AuditJoin::attempts(m_log->readAll()).size(), 1);
}

void TestGuardedSave::worksWithoutAuditLog()
{
    m_save->setAuditLog(nullptr, {}, {});
    QSignalSpy finished(m_save.get(), &GuardedSave::finished);
    QVERIFY(m_save->save(m_id, serverValue(), u"no log"_s, QString()));
    QVERIFY(finished.wait());
    QCOMPARE(serverValue(), u"no log"_s);
    QVERIFY(!QFile::exists(m_log->filePath()));
}

void TestGuardedSave::auditLogNeverHoldsTheSecret()
{
    const Credentials credentials{u"audit-key"_s, u"Audit-Secret-%1"_s.arg(QDateTime::currentMSecsSinceEpoch())};
    m_sandbox->setCredentials(credentials);
    m_client->setCredentials(credentials);
    QSignalSpy finished(m_save.get(), &GuardedSave::finished);
    QSignalSpy conflict(m_save.get(), &GuardedSave::conflict);
    QVERIFY(m_save->save(m_id, serverValue(), u"ok"_s, QString()));
    QVERIFY(finished.wait());
    QVERIFY(finished.last().first().value<ApiResult>().ok());
    QVERIFY(m_save->save(m_id, u"stale"_s, u"conflicting"_s, QString()));
    QVERIFY(conflict.wait());
    QVERIFY(m_save->save(m_id, u"ok"_s, QString(2000, u'x'), QString()));
    QVERIFY(finished.wait());

    QFile file(m_log->filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QCOMPARE(content.count('\n'), 5); // attempt and outcome, conflict, attempt and outcome
    QVERIFY(content.contains("audit-key"));
    QVERIFY(!content.contains(credentials.appSecret.toUtf8()));
}

QTEST_GUILESS_MAIN(TestGuardedSave)
#include "tst_guardedsave.moc"
