#include "session/GuardedSave.h"

#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/ConversationAnswer.h"
#include "api/RequestSigner.h"
#include "audit/AuditLog.h"
#include "audit/AuditRecord.h"
#include "session/ConversationLock.h"

#include <QDateTime>
#include <QFileInfo>

namespace convdesk {

namespace {

// Errors after which the PATCH may still have reached the server: only a re-read can tell.
bool mayHaveBeenApplied(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None:
    case ErrorKind::Configuration: // refused before sending
    case ErrorKind::Tls:           // the handshake failed: nothing was sent
    case ErrorKind::Business:      // the server answered that it did not apply it
        return false;
    case ErrorKind::NetworkDown:
    case ErrorKind::Timeout:
    case ErrorKind::HttpStatus:
    case ErrorKind::MalformedResponse:
    case ErrorKind::OversizedResponse:
    case ErrorKind::Cancelled:
        return true;
    }
    return true;
}

} // namespace

GuardedSave::GuardedSave(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_lockWaitMs(ConversationLock::DefaultWaitMs)
{
    qRegisterMetaType<convdesk::ApiResult>();
    qRegisterMetaType<convdesk::SaveConflict>();
}

// A call still running keeps going in the client; its outcome is no longer reported.
GuardedSave::~GuardedSave() = default;

void GuardedSave::setAuditLog(AuditLog *log, const QString &profileName, const QString &source)
{
    m_auditLog = log;
    m_profileName = profileName;
    m_source = source;
}

QString GuardedSave::serverExtensionOf(const OrderedJson &conversation)
{
    if (!conversation.is_object())
        return {};
    const auto it = conversation.find("server_extension");
    if (it == conversation.end() || it->is_null())
        return {};
    if (it->is_string())
        return Json::toQString(it->get<std::string>());
    return Json::toText(*it); // not a string, against the documentation: compare its JSON text
}

QString GuardedSave::serverExtensionOf(const SharedJson &conversation)
{
    if (!conversation.index())
        return serverExtensionOf(conversation.get());
    const SharedJson extension = conversation.member("server_extension");
    if (extension.isNull() || extension->is_null())
        return {};
    if (extension->is_string())
        return Json::toQString(extension->get_ref<const std::string &>());
    return Json::toText(*extension);
}

bool GuardedSave::save(const ConversationId &id, const QString &loadedValue, const QString &newValue,
                       const QString &reason, QString *refusal)
{
    return start(id, loadedValue, newValue, SaveNotes{reason, {}}, refusal);
}

bool GuardedSave::overwrite(const ConversationId &id, const QString &newValue, const QString &reason,
                            QString *refusal)
{
    return start(id, std::nullopt, newValue, SaveNotes{reason, {}}, refusal);
}

bool GuardedSave::save(const ConversationId &id, const QString &loadedValue, const QString &newValue,
                       const SaveNotes &notes, QString *refusal)
{
    return start(id, loadedValue, newValue, notes, refusal);
}

bool GuardedSave::overwrite(const ConversationId &id, const QString &newValue, const SaveNotes &notes,
                            QString *refusal)
{
    return start(id, std::nullopt, newValue, notes, refusal);
}

bool GuardedSave::start(const ConversationId &id, const std::optional<QString> &expected,
                        const QString &newValue, const SaveNotes &notes, QString *refusal)
{
    auto refuse = [refusal](const QString &why) {
        if (refusal)
            *refusal = why;
        return false;
    };
    if (isBusy())
        return refuse(tr("A save is already running."));
    if (!id.isValid())
        return refuse(tr("No conversation to save."));
    QString logProblem;
    if (m_auditLog && !m_auditLog->checkWritable(&logProblem))
        return refuse(tr("Not saved: every save is recorded in the audit log, and it cannot be written. %1")
                          .arg(logProblem));

    m_id = id;
    m_expected = expected;
    m_newValue = newValue;
    m_reason = notes.reason.trimmed();
    m_schemaVerdict = notes.schema;
    m_revertOf = notes.revertOf;
    m_valueBefore.reset();
    m_attemptId.clear();
    m_writeTraceId.clear();
    m_writeResult = {};
    m_verdict = Verdict::None;
    m_verdictNote.clear();
    m_auditError.clear();
    m_cancelled = false;
    if (!m_auditLog) {
        startReread();
        return true;
    }
    m_lock = std::make_unique<ConversationLock>(ConversationLock::folderFor(*m_auditLog), m_client->appKey(), id);
    connect(m_lock.get(), &ConversationLock::waiting, this, &GuardedSave::lockWaiting);
    connect(m_lock.get(), &ConversationLock::acquired, this, &GuardedSave::startReread);
    connect(m_lock.get(), &ConversationLock::failed, this, [this](const QString &message, bool heldByAnother) {
        stop();
        // A lock file that cannot be made is the data folder failing, like the audit log would.
        Q_EMIT notSent(heldByAnother ? NotSentReason::Locked : NotSentReason::AuditLog, message);
    });
    setStage(Stage::Locking);
    m_lock->acquire(m_lockWaitMs);
    return true;
}

void GuardedSave::startReread()
{
    if (m_cancelled) {
        stop();
        Q_EMIT notSent(NotSentReason::Cancelled, tr("The save was cancelled; nothing was sent."));
        return;
    }
    setStage(Stage::Rereading);
    m_call = m_client->getConversation(m_id);
    connect(m_call, &ApiCall::finished, this, &GuardedSave::onReread);
}

void GuardedSave::cancel()
{
    // The check after a write is what tells whether it was applied; it is bounded by the
    // client's timeouts and is not cut short.
    if (m_stage == Stage::Verifying)
        return;
    m_cancelled = true;
    if (m_call)
        m_call->cancel();
    else if (m_stage == Stage::Locking)
        startReread(); // reports the cancellation without sending anything
}

QString GuardedSave::answerProblem(const ApiResult &result) const
{
    QString problem;
    if (!ConversationAnswer::isValidConversation(result.data, m_id, &problem))
        return problem;
    return {};
}

void GuardedSave::onReread(const ApiResult &reread)
{
    m_call = nullptr;
    ApiResult result = reread;
    if (result.ok()) {
        if (const QString problem = answerProblem(result); !problem.isEmpty()) {
            result.error = ErrorKind::MalformedResponse;
            result.detail = problem + u' ' + tr("Its current server_extension is unknown.");
        }
    }
    if (!result.ok()) {
        record(int(AuditRecord::Phase::Complete), AuditRecord::StageReread, result, errorKindKey(result.error));
        stop();
        Q_EMIT rereadFailed(result);
        return;
    }

    const QString serverNow = serverExtensionOf(result.data);
    m_valueBefore = serverNow;
    if (m_expected && *m_expected != serverNow) {
        SaveConflict found{m_id, *m_expected, m_newValue, serverNow, result.data, result.traceId, false};
        ApiResult conflictResult = result;
        conflictResult.code = 0;
        conflictResult.msg = tr("server_extension changed on the server since it was loaded; nothing was written.");
        record(int(AuditRecord::Phase::Complete), AuditRecord::StageReread, conflictResult, AuditRecord::ConflictKind);
        stop();
        Q_EMIT conflict(found);
        return;
    }
    writeAhead();
}

void GuardedSave::writeAhead()
{
    m_attemptId = AuditRecord::newAttemptId();
    m_writeTraceId = RequestSigner::generateTraceId();
    if (m_auditLog) {
        ApiResult planned;
        planned.traceId = m_writeTraceId;
        record(int(AuditRecord::Phase::Attempt), AuditRecord::StageWrite, planned, {});
        if (!m_auditError.isEmpty()) {
            const QString message = tr("Not saved: the attempt could not be recorded in the audit log, so nothing "
                                       "was sent. %1")
                                        .arg(std::exchange(m_auditError, QString()));
            stop();
            Q_EMIT notSent(NotSentReason::AuditLog, message);
            return;
        }
    }
    if (m_cancelled) { // after the attempt is on record, so its outcome is recorded too
        ApiResult cancelled;
        cancelled.error = ErrorKind::Cancelled;
        cancelled.traceId = m_writeTraceId;
        cancelled.detail = tr("The save was cancelled before it was sent.");
        conclude(Verdict::NotApplied, cancelled, errorKindKey(ErrorKind::Cancelled), {}, {}, std::nullopt);
        return;
    }
    setStage(Stage::Writing);
    m_call = m_client->updateServerExtension(m_id, m_newValue, m_writeTraceId);
    connect(m_call, &ApiCall::finished, this, &GuardedSave::onWritten);
}

void GuardedSave::onWritten(const ApiResult &result)
{
    m_call = nullptr;
    m_writeResult = result;
    if (result.ok()) {
        const QString problem = answerProblem(result);
        const bool contradicts = !problem.isEmpty()
                                 || (!result.data.member("server_extension").isNull()
                                     && serverExtensionOf(result.data) != m_newValue);
        if (contradicts) {
            m_writeResult.error = ErrorKind::MalformedResponse;
            m_writeResult.detail = problem.isEmpty()
                                       ? tr("The server's answer shows another server_extension than the one sent.")
                                       : problem;
            startCheck(Check::AfterUnusableAnswer);
        } else {
            startCheck(Check::AfterConfirmedSave);
        }
        return;
    }
    // 431 "repeated request": an earlier copy of this request (same trace id) reached the
    // server first, maybe our own first attempt before a retry: it may well have been applied.
    const bool repeated = result.error == ErrorKind::Business && result.code == 431;
    if (!mayHaveBeenApplied(result.error) && !repeated) {
        conclude(Verdict::NotApplied, result, errorKindKey(result.error), AuditRecord::VerifiedByAnswer, {},
                 std::nullopt);
        return;
    }
    startCheck(Check::AfterUnusableAnswer);
}

void GuardedSave::startCheck(Check check)
{
    m_check = check;
    setStage(Stage::Verifying);
    m_call = m_client->verifyConversation(m_id);
    connect(m_call, &ApiCall::finished, this, &GuardedSave::onChecked);
}

void GuardedSave::onChecked(const ApiResult &reread)
{
    m_call = nullptr;
    const bool readable = reread.ok() && answerProblem(reread).isEmpty();
    const QString serverNow = readable ? serverExtensionOf(reread.data) : QString();

    if (m_check == Check::AfterConfirmedSave) {
        ApiResult saved = m_writeResult;
        if (!readable) {
            conclude(Verdict::Applied, saved, errorKindKey(ErrorKind::None), AuditRecord::VerifiedByAnswer,
                     tr("The server confirmed the save; the check right after it could not read the "
                        "conversation."),
                     std::nullopt);
            return;
        }
        if (serverNow == m_newValue) {
            saved.data = reread.data; // the whole conversation, as it is now
            conclude(Verdict::Applied, saved, errorKindKey(ErrorKind::None), AuditRecord::VerifiedByAnswer, {},
                     serverNow);
            return;
        }
        m_verdict = Verdict::Overwritten;
        m_verdictNote = tr("Your save was written, then overwritten right after it: the server now holds "
                           "another value.");
        ApiResult overwritten = saved;
        overwritten.msg = m_verdictNote;
        record(int(AuditRecord::Phase::Outcome), AuditRecord::StageWrite, overwritten, AuditRecord::OverwrittenKind,
               AuditRecord::VerifiedByReread, serverNow);
        stop();
        Q_EMIT conflict(SaveConflict{m_id, m_newValue, m_newValue, serverNow, reread.data, reread.traceId, true});
        return;
    }

    // The PATCH's answer did not prove anything: the re-read decides.
    const QString lost = m_writeResult.detail.isEmpty() ? m_writeResult.msg : m_writeResult.detail;
    if (readable && serverNow == m_newValue) {
        ApiResult applied = m_writeResult;
        applied.error = ErrorKind::None;
        applied.code = 200;
        applied.data = reread.data;
        applied.detail.clear();
        conclude(Verdict::Applied, applied, errorKindKey(ErrorKind::None), AuditRecord::VerifiedByReread,
                 tr("The answer to the save was lost or could not be trusted (%1); a re-read shows the value is "
                    "on the server.")
                     .arg(lost),
                 serverNow);
        return;
    }
    if (readable) {
        ApiResult notApplied = m_writeResult;
        notApplied.detail = tr("%1 A re-read shows the save was not applied; the server holds another value.")
                                .arg(lost);
        conclude(Verdict::NotApplied, notApplied, errorKindKey(m_writeResult.error), AuditRecord::VerifiedByReread,
                 notApplied.detail, serverNow);
        return;
    }
    ApiResult unknown = m_writeResult;
    unknown.detail = tr("%1 The save may have been written: the server's answer was lost and the conversation "
                        "could not be read again to check. Load it before trying again.")
                         .arg(lost);
    conclude(Verdict::Unknown, unknown, AuditRecord::UnknownKind, AuditRecord::VerifiedByReread, unknown.detail,
             std::nullopt);
}

void GuardedSave::conclude(Verdict verdict, ApiResult result, const QString &errorKind, const QString &verifiedBy,
                           const QString &note, const std::optional<QString> &valueAfter)
{
    m_verdict = verdict;
    m_verdictNote = note;
    ApiResult recorded = result;
    if (!note.isEmpty())
        recorded.msg = note;
    record(int(AuditRecord::Phase::Outcome), AuditRecord::StageWrite, recorded, errorKind, verifiedBy, valueAfter);
    stop();
    Q_EMIT finished(result);
}

void GuardedSave::stop()
{
    if (m_lock)
        m_lock->release();
    m_lock.reset();
    setStage(Stage::Idle);
}

void GuardedSave::record(int phase, const QString &stage, const ApiResult &result, const QString &errorKind,
                         const QString &verifiedBy, const std::optional<QString> &valueAfter)
{
    if (!m_auditLog)
        return;
    AuditRecord entry;
    entry.phase = AuditRecord::Phase(phase);
    entry.attemptId = entry.phase == AuditRecord::Phase::Complete ? QString() : m_attemptId;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.osUser = AuditRecord::currentOsUser();
    entry.source = m_source;
    entry.profile = m_profileName;
    entry.appKey = m_client->appKey();
    entry.conversationId = m_id.toString();
    entry.expected = m_expected;
    entry.valueBefore = m_valueBefore;
    entry.valueSent = m_newValue;
    entry.setResult(stage, result);
    entry.errorKind = errorKind;
    entry.verifiedBy = verifiedBy;
    entry.valueAfter = valueAfter;
    // The History joins an Outcome to its Attempt, which carries the reason and schema already.
    if (entry.phase != AuditRecord::Phase::Outcome) {
        entry.reason = m_reason;
        entry.schemaPath = m_schemaVerdict.schemaPath;
        entry.schemaSha256 = m_schemaVerdict.schemaSha256;
        entry.schemaCheck = m_schemaVerdict.check;
        entry.schemaErrors = m_schemaVerdict.errors;
        entry.revertOf = m_revertOf;
    }
    QString problem;
    if (!m_auditLog->append(entry, &problem)) {
        m_auditError = problem;
        if (entry.phase != AuditRecord::Phase::Attempt)
            Q_EMIT auditFailed(problem);
    }
}

void GuardedSave::setStage(Stage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    Q_EMIT stageChanged(stage);
}

} // namespace convdesk
