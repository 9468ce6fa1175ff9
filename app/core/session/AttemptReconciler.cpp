#include "session/AttemptReconciler.h"

#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "audit/AuditJoin.h"
#include "audit/AuditLog.h"
#include "session/ConversationLock.h"
#include "session/GuardedSave.h"

#include <QFileInfo>

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
        if (row.phase == AuditRecord::Phase::Attempt && row.appKey == appKey)
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
    if (m_log && !m_client->appKey().isEmpty())
        m_open = openAttempts(m_log->readAll(), m_client->appKey());
    QMetaObject::invokeMethod(this, &AttemptReconciler::next, Qt::QueuedConnection);
}

void AttemptReconciler::next()
{
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
    const QString folder = QFileInfo(m_log->filePath()).absolutePath() + QStringLiteral("/locks");
    m_lock = std::make_unique<ConversationLock>(folder, m_client->appKey(), *id);
    connect(m_lock.get(), &ConversationLock::acquired, this, &AttemptReconciler::onLocked);
    connect(m_lock.get(), &ConversationLock::failed, this, [this] {
        m_open.removeFirst(); // being saved right now, or no lock can be made: left for later
        next();
    });
    m_lock->acquire(0);
}

void AttemptReconciler::onLocked()
{
    const auto id = ConversationId::parse(m_open.constFirst().conversationId);
    m_call = m_client->verifyConversation(*id);
    connect(m_call, &ApiCall::finished, this, &AttemptReconciler::onRead);
}

void AttemptReconciler::onRead(const ApiResult &result)
{
    m_call = nullptr;
    const AuditRecord attempt = m_open.takeFirst();
    if (!result.ok() || !result.data.is_object()) {
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
    outcome.traceId = result.traceId;
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
