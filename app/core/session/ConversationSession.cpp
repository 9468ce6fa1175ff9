#include "session/ConversationSession.h"

#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/ConversationAnswer.h"
#include "audit/AuditLog.h"
#include "session/AttemptReconciler.h"
#include "session/GuardedSave.h"

namespace convdesk {

ConversationSession::ConversationSession(QObject *parent)
    : QObject(parent)
    , m_client(new ApiClient(this))
    , m_guard(new GuardedSave(m_client, this))
{
    qRegisterMetaType<convdesk::ApiResult>();
    connect(m_guard, &GuardedSave::finished, this, [this](const ApiResult &result) {
        m_saveFailedBeforeWriting = false;
        m_saveNotSent = false;
        finish(result);
    });
    connect(m_guard, &GuardedSave::rereadFailed, this, [this](const ApiResult &result) {
        m_saveFailedBeforeWriting = true;
        m_saveNotSent = false;
        finish(result);
    });
    connect(m_guard, &GuardedSave::conflict, this, [this](const SaveConflict &found) {
        m_operation = Operation::None;
        Q_EMIT busyChanged(false);
        Q_EMIT conflict(found);
    });
    connect(m_guard, &GuardedSave::notSent, this, [this](GuardedSave::NotSentReason reason, const QString &message) {
        m_saveFailedBeforeWriting = true;
        m_saveNotSent = true;
        ApiResult refused;
        refused.error = reason == GuardedSave::NotSentReason::Cancelled ? ErrorKind::Cancelled : ErrorKind::Configuration;
        refused.detail = message;
        finish(refused);
    });
    connect(m_guard, &GuardedSave::lockWaiting, this, &ConversationSession::saveWaiting);
    connect(m_guard, &GuardedSave::auditFailed, this, &ConversationSession::auditFailed);
}

ConversationSession::~ConversationSession()
{
    // No signals from a half-destroyed session.
    if (m_call)
        m_call->disconnect(this);
    m_guard->disconnect(this);
}

void ConversationSession::reconcileInterruptedSaves()
{
    if (!m_auditLog || !m_client->hasCredentials())
        return;
    if (m_reconciler && m_reconciler->isRunning())
        return;
    delete m_reconciler; // made anew: the audit log or its source may have changed since
    m_reconciler = new AttemptReconciler(m_client, m_auditLog, m_auditSource, this);
    connect(m_reconciler, &AttemptReconciler::finished, this, &ConversationSession::interruptedSavesChecked);
    m_reconciler->start();
}

QString ConversationSession::lastSaveNote() const
{
    return m_guard->lastVerdictNote();
}

bool ConversationSession::lastSaveOutcomeUnknown() const
{
    return m_guard->lastVerdict() == GuardedSave::Verdict::Unknown;
}

void ConversationSession::setAuditLog(AuditLog *log, const QString &source)
{
    m_auditLog = log;
    m_auditSource = source;
}

QString ConversationSession::auditProblem() const
{
    QString problem;
    if (!m_auditLog || m_auditLog->checkWritable(&problem))
        return {};
    return tr("Not saved: every save is recorded in the audit log, and it cannot be written. %1 "
              "Nothing was sent; your text is still in the editor.")
        .arg(problem);
}

void ConversationSession::setProfile(const Profile &profile, const Credentials &credentials)
{
    cancel();
    if (m_reconciler)
        m_reconciler->cancel(); // its checks belong to the previous app
    m_profile = profile;
    m_client->setEndpoint(profile.endpoint());
    m_client->setCredentials(credentials);
    if (hasConversation()) {
        m_loadedId = {};
        m_conversation = SharedJson();
        m_loadedExtension.clear();
        m_fetchedAt = {};
        m_partialSaveResponse = false;
        Q_EMIT conversationChanged();
    }
}

void ConversationSession::setCredentials(const Credentials &credentials)
{
    m_client->setCredentials(credentials);
}

QString ConversationSession::refusalReason(Operation operation) const
{
    if (m_operation == Operation::Save)
        return tr("A save is still running; wait for its answer or cancel it.");
    if (m_operation == Operation::Load)
        return tr("A load is still running; wait for its answer or cancel it.");
    if (!hasProfile())
        return tr("Choose a profile first.");
    if (operation == Operation::Save && !hasConversation())
        return tr("Load a conversation before saving.");
    return {};
}

bool ConversationSession::load(const ConversationId &id)
{
    if (!id.isValid() || !refusalReason(Operation::Load).isEmpty())
        return false;
    m_pendingId = id;
    start(Operation::Load, m_client->getConversation(id));
    Q_EMIT loadStarted(id.toString());
    return true;
}

bool ConversationSession::save(const QString &newServerExtension, const QString &reason, QString *refusal)
{
    return startSave(newServerExtension, reason, true, refusal);
}

bool ConversationSession::overwrite(const QString &newServerExtension, const QString &reason, QString *refusal)
{
    return startSave(newServerExtension, reason, false, refusal);
}

bool ConversationSession::startSave(const QString &newServerExtension, const QString &reason, bool compare,
                                    QString *refusal)
{
    const SaveNotes notes{reason, std::exchange(m_nextSchemaVerdict, SchemaVerdict()),
                          std::exchange(m_nextRevertOf, RevertedSave())};
    if (const QString why = refusalReason(Operation::Save); !why.isEmpty()) {
        if (refusal)
            *refusal = why;
        return false;
    }
    m_guard->setAuditLog(m_auditLog, m_profile.name, m_auditSource);
    const bool started = compare ? m_guard->save(m_loadedId, m_loadedExtension, newServerExtension, notes, refusal)
                                 : m_guard->overwrite(m_loadedId, newServerExtension, notes, refusal);
    if (!started)
        return false;
    m_pendingId = m_loadedId;
    m_pendingExtension = newServerExtension;
    m_operation = Operation::Save;
    Q_EMIT busyChanged(true);
    Q_EMIT saveStarted(m_loadedId.toString());
    return true;
}

void ConversationSession::cancel()
{
    // Either reports Cancelled through finish().
    if (m_call)
        m_call->cancel();
    else if (m_guard->isBusy())
        m_guard->cancel();
}

void ConversationSession::adoptServerState(const SaveConflict &conflict)
{
    if (isBusy() || !hasConversation() || conflict.id != m_loadedId)
        return;
    const SharedJson &reread = conflict.conversation; // its type, without reading it all through nlohmann
    if (reread.index() ? !reread.index()->isObject(reread.node()) : !reread->is_object())
        return;
    m_partialSaveResponse = false;
    setConversation(conflict.id, conflict.conversation);
}

void ConversationSession::start(Operation operation, ApiCall *call)
{
    m_operation = operation;
    m_call = call;
    connect(call, &ApiCall::finished, this, &ConversationSession::finish);
    Q_EMIT busyChanged(true);
}

void ConversationSession::finish(const ApiResult &answer)
{
    const Operation operation = std::exchange(m_operation, Operation::None);
    m_call = nullptr;
    Q_EMIT busyChanged(false);

    ApiResult result = answer;
    // Another conversation's data, or a malformed one, must never be shown as this one.
    if (operation == Operation::Load)
        ConversationAnswer::checkConversation(result, m_pendingId);

    if (!result.ok()) {
        Q_EMIT failed(result, operation);
        return;
    }
    if (operation == Operation::Load) {
        applyLoaded(result);
        Q_EMIT loaded(result);
    } else {
        applySaved(result);
        Q_EMIT saved(result);
    }
}

void ConversationSession::applyLoaded(const ApiResult &result)
{
    m_partialSaveResponse = false;
    setConversation(m_pendingId, result.data);
}

void ConversationSession::applySaved(const ApiResult &result)
{
    // The update documents the whole conversation in its answer, but the SDKs model only a
    // handful of fields: what the server sent wins, fields it left out stay as loaded. (The
    // merge is a new document; a save's answer is small, the copy of the loaded one is not, but
    // a save is rare beside loads.)
    const OrderedJson &answer = *result.data;
    OrderedJson merged = m_conversation->is_object() ? *m_conversation : OrderedJson::object();
    bool partial = !answer.is_object();
    if (answer.is_object()) {
        for (const auto &[key, value] : m_conversation->items())
            partial = partial || !answer.contains(key);
        for (const auto &[key, value] : answer.items())
            merged[key] = value;
    }
    if (!answer.is_object() || !answer.contains("server_extension"))
        merged["server_extension"] = Json::toStdString(m_pendingExtension);
    m_partialSaveResponse = partial;
    setConversation(m_pendingId, std::move(merged));
}

void ConversationSession::setConversation(const ConversationId &id, SharedJson conversation)
{
    m_loadedId = id;
    m_fetchedAt = QDateTime::currentDateTime();
    m_conversation = std::move(conversation);
    m_loadedExtension = GuardedSave::serverExtensionOf(m_conversation);
    Q_EMIT conversationChanged();
}

} // namespace convdesk
