#include "session/GuardedSave.h"

#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "audit/AuditLog.h"
#include "audit/AuditRecord.h"

#include <QDateTime>

namespace convdesk {

GuardedSave::GuardedSave(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
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

bool GuardedSave::save(const ConversationId &id, const QString &loadedValue, const QString &newValue,
                       QString *refusal)
{
    return start(id, loadedValue, newValue, refusal);
}

bool GuardedSave::overwrite(const ConversationId &id, const QString &newValue, QString *refusal)
{
    return start(id, std::nullopt, newValue, refusal);
}

bool GuardedSave::start(const ConversationId &id, const std::optional<QString> &expected,
                        const QString &newValue, QString *refusal)
{
    auto refuse = [refusal](const QString &reason) {
        if (refusal)
            *refusal = reason;
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
    m_valueBefore.reset();
    m_auditError.clear();
    setStage(Stage::Rereading);
    m_call = m_client->getConversation(id);
    connect(m_call, &ApiCall::finished, this, &GuardedSave::onReread);
    return true;
}

void GuardedSave::cancel()
{
    if (m_call)
        m_call->cancel();
}

void GuardedSave::onReread(const ApiResult &reread)
{
    m_call = nullptr;
    ApiResult result = reread;
    if (result.ok() && !result.data.is_object()) {
        result.error = ErrorKind::MalformedResponse;
        result.detail = tr("The server's answer holds no conversation, so its current server_extension is unknown.");
    }
    if (!result.ok()) {
        record(AuditRecord::StageReread, result);
        setStage(Stage::Idle);
        Q_EMIT rereadFailed(result);
        return;
    }

    const QString serverNow = serverExtensionOf(result.data);
    m_valueBefore = serverNow;
    if (m_expected && *m_expected != serverNow) {
        SaveConflict found{m_id, *m_expected, m_newValue, serverNow, result.data, result.traceId};
        ApiResult conflictResult = result;
        conflictResult.code = 0;
        conflictResult.msg = tr("server_extension changed on the server since it was loaded; nothing was written.");
        record(AuditRecord::StageReread, conflictResult, AuditRecord::ConflictKind);
        setStage(Stage::Idle);
        Q_EMIT conflict(found);
        return;
    }

    setStage(Stage::Writing);
    m_call = m_client->updateServerExtension(m_id, m_newValue);
    connect(m_call, &ApiCall::finished, this, &GuardedSave::onWritten);
}

void GuardedSave::onWritten(const ApiResult &result)
{
    m_call = nullptr;
    record(AuditRecord::StageWrite, result);
    setStage(Stage::Idle);
    Q_EMIT finished(result);
}

void GuardedSave::record(const QString &stage, const ApiResult &result, const QString &kindOverride)
{
    if (!m_auditLog)
        return;
    AuditRecord entry;
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
    if (!kindOverride.isEmpty())
        entry.errorKind = kindOverride;
    QString problem;
    if (!m_auditLog->append(entry, &problem)) {
        m_auditError = problem;
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
