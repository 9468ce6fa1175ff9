#include "session/AttemptReconciler.h"

#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/ConversationAnswer.h"
#include "audit/AuditJoin.h"
#include "audit/AuditLog.h"
#include "session/ConversationLock.h"
#include "session/GuardedSave.h"


namespace convdesk {

AttemptReconciler::AttemptReconciler(ApiClient *client, AuditLog *log, const QString &source, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_log(log)
    , m_source(source)
{
    qRegisterMetaType<convdesk::ReconciledAttempt>();
}

AttemptReconciler::~AttemptReconciler() = default;

QList<AuditRecord> AttemptReconciler::openAttempts(const QList<AuditRecord> &lines, const QString &appKey)
{
    QList<AuditRecord> open;
    for (const AuditRecord &row : AuditJoin::attempts(lines)) {
        // Without an Outcome, or with one that could not tell ("may have been written").
        if (!row.attemptId.isEmpty() && row.outcome() == AuditRecord::Outcome::Unknown && row.appKey == appKey)
            open.append(row);
    }
    return open;
}

void AttemptReconciler::start()
{
    if (m_running)
        return;
    m_running = true;
    m_checked.clear();
    m_problems.clear();
    m_open.clear();
    // The app is fixed for the whole run: a profile switch meanwhile cancels it (cancel()).
    m_appKey = m_client->appKey();
    m_logPosition = {};
    m_settled.clear();
    if (m_log && !m_appKey.isEmpty()) {
        AuditLogChunk log = m_log->readFrom(m_logPosition);
        m_logPosition = std::move(log.position);
        m_open = openAttempts(log.records, m_appKey);
    }
    QMetaObject::invokeMethod(this, &AttemptReconciler::next, Qt::QueuedConnection);
}

void AttemptReconciler::cancel()
{
    if (!m_running)
        return;
    m_open.clear();
    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
        m_call = nullptr;
    }
    done();
}

bool AttemptReconciler::stillOpen(const QString &attemptId)
{
    // Read on under the lock: the save may have recorded its own Outcome since start(). Only
    // what was appended since is read (the whole log again only if it was replaced).
    AuditLogChunk appended = m_log->readFrom(m_logPosition);
    m_logPosition = std::move(appended.position);
    if (appended.restarted) {
        m_settled.clear();
        QSet<QString> open;
        for (const AuditRecord &row : openAttempts(appended.records, m_appKey))
            open.insert(row.attemptId);
        return open.contains(attemptId);
    }
    for (const AuditRecord &line : std::as_const(appended.records)) {
        if (line.phase == AuditRecord::Phase::Outcome && line.errorKind != AuditRecord::UnknownKind)
            m_settled.insert(line.attemptId);
    }
    return !m_settled.contains(attemptId);
}

void AttemptReconciler::next()
{
    if (!m_running)
        return; // cancelled meanwhile
    m_lock.reset();
    if (m_open.isEmpty()) {
        done();
        return;
    }
    const AuditRecord &attempt = m_open.constFirst();
    const auto id = ConversationId::parse(attempt.conversationId);
    if (!id) {
        m_open.removeFirst();
        next();
        return;
    }
    m_lock = std::make_unique<ConversationLock>(ConversationLock::folderFor(*m_log), m_appKey, *id);
    connect(m_lock.get(), &ConversationLock::acquired, this, &AttemptReconciler::onLocked);
    connect(m_lock.get(), &ConversationLock::failed, this, [this] {
        m_open.removeFirst(); // being saved right now, or no lock can be made: left for later
        next();
    });
    m_lock->acquire(0);
}

void AttemptReconciler::onLocked()
{
    if (m_client->appKey() != m_appKey) { // the profile changed under us: stop, never mix apps
        cancel();
        return;
    }
    if (!stillOpen(m_open.constFirst().attemptId)) {
        m_open.removeFirst();
        QMetaObject::invokeMethod(this, &AttemptReconciler::next, Qt::QueuedConnection);
        return;
    }
    const auto id = ConversationId::parse(m_open.constFirst().conversationId);
    m_call = m_client->verifyConversation(*id);
    connect(m_call, &ApiCall::finished, this, &AttemptReconciler::onRead);
}

void AttemptReconciler::onRead(const ApiResult &result)
{
    m_call = nullptr;
    const AuditRecord attempt = m_open.takeFirst();
    QString answerProblem;
    if (!result.ok() || m_client->appKey() != m_appKey
        || !ConversationAnswer::isValidConversation(result.data, *ConversationId::parse(attempt.conversationId),
                                                    &answerProblem)) {
        next(); // stays open: checked again next time
        return;
    }
    ReconciledAttempt checked{attempt, false, GuardedSave::serverExtensionOf(result.data)};
    checked.applied = checked.serverNow == attempt.valueSent;

    AuditRecord outcome = attempt;
    outcome.phase = AuditRecord::Phase::Outcome;
    outcome.time = QDateTime::currentDateTimeUtc();
    outcome.osUser = AuditRecord::currentOsUser();
    outcome.source = m_source;
    outcome.errorKind = checked.applied ? errorKindKey(ErrorKind::None) : AuditRecord::InterruptedKind;
    outcome.code = 0;
    outcome.httpStatus = 0;
    outcome.msg = checked.applied
                      ? tr("Checked later: applied. The save's process ended before its outcome was known; the "
                           "value sent is on the server.")
                      : tr("Checked later: not applied. The save's process ended before its outcome was known; "
                           "the server holds another value.");
    outcome.traceId = result.traceId; // the check's; the row keeps the write's (joinedWith)
    outcome.verifiedBy = AuditRecord::VerifiedByReconcile;
    outcome.valueAfter = checked.serverNow;
    QString problem;
    if (m_log->append(outcome, &problem))
        m_checked.append(checked);
    else
        m_problems.append(problem);
    next();
}

void AttemptReconciler::done()
{
    m_running = false;
    Q_EMIT finished(m_checked, m_problems);
}

} // namespace convdesk
