#include "ExtensionWriter.h"

#include "SchemaCheck.h"
#include "api/ApiClient.h"
#include "api/ApiLimits.h"
#include "api/ConversationAnswer.h"
#include "api/RateLimitBackoff.h"
#include "audit/AuditLog.h"
#include "commands/ApiCommand.h"
#include "session/GuardedSave.h"

#include <QEventLoop>

namespace convdesk {

using Outcome = ExtensionWriteResult::Outcome;

QString ExtensionWriteResult::outcomeKey(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Saved: return QStringLiteral("saved");
    case Outcome::Unchanged: return QStringLiteral("unchanged");
    case Outcome::Conflict: return QStringLiteral("conflict");
    case Outcome::Overwritten: return QStringLiteral("overwritten");
    case Outcome::Failed: return QStringLiteral("failed");
    case Outcome::Unknown: return QStringLiteral("unknown");
    case Outcome::Invalid: return QStringLiteral("invalid");
    }
    return {};
}

QByteArray ExtensionWriteResult::resultLine(const QString &conversationId) const
{
    OrderedJson line = OrderedJson::object();
    line["id"] = Json::toStdString(conversationId);
    line["outcome"] = Json::toStdString(outcomeKey(outcome));
    line["code"] = code ? OrderedJson(*code) : OrderedJson(nullptr);
    line["trace_id"] = traceId.isEmpty() ? OrderedJson(nullptr) : OrderedJson(Json::toStdString(traceId));
    line["exit"] = exitCode;
    return Json::serialize(line) + '\n';
}

ExtensionWriter::ExtensionWriter(const CliContext &context, ApiClient &client, AuditLog &auditLog,
                                 const ExtensionWriteRequest &request)
    : m_context(context)
    , m_client(client)
    , m_auditLog(auditLog)
    , m_request(request)
{
}

ExtensionWriteResult ExtensionWriter::write(const ConversationId &id) const
{
    ExtensionWriteResult result;
    if (m_request.value) {
        save(id, *m_request.value, m_request.expected, m_request.verdict, &result);
        return result;
    }
    QString value;
    QString read;
    if (!applyKeyEdits(id, &value, &read, &result))
        return result;
    SchemaVerdict verdict = m_request.verdict;
    if (m_request.schema) {
        verdict = SchemaCheck::check(m_context, *m_request.schema, value);
        if (verdict.check != SchemaVerdict::Passed) {
            result = {}; // refused here: no answer decided it
            return result;
        }
    }
    save(id, value, read, verdict, &result);
    return result;
}

void ExtensionWriter::takeAnswer(const ApiResult &answer, ExtensionWriteResult *result)
{
    result->traceId = answer.traceId;
    result->retryAfter = answer.retryAfter;
    if (answer.error == ErrorKind::None || answer.error == ErrorKind::Business)
        result->code = answer.code;
}

bool ExtensionWriter::applyKeyEdits(const ConversationId &id, QString *value, QString *expected,
                                    ExtensionWriteResult *result) const
{
    ApiResult read = ApiCommand::wait(m_client.getConversation(id));
    if (!ConversationAnswer::checkConversation(read, id)) {
        result->exitCode = ApiCommand::reportFailure(m_context, read);
        result->rateLimitedBeforeWriting = RateLimitBackoff::isRateLimited(read);
        takeAnswer(read, result);
        return false;
    }
    const QString loaded = GuardedSave::serverExtensionOf(read.data);
    QString problem;
    QStringList notes;
    const std::optional<QString> edited = JsonTextEditor::apply(loaded, m_request.edits, &problem, &notes);
    for (const QString &note : std::as_const(notes))
        m_context.printErr(tr("convdesk-cli: note: %1").arg(note));
    if (!edited) {
        m_context.printErr(tr("convdesk-cli: nothing was written: the server_extension of %1 cannot be edited by "
                              "key: %2")
                               .arg(id.toString(), problem));
        return false; // ExitUsage, as *result starts
    }
    if (edited->size() > ApiLimits::MaxServerExtensionLength) {
        m_context.printErr(tr("convdesk-cli: nothing was written: after the edits the server_extension would have "
                              "%1 characters; the server accepts at most %2.")
                               .arg(edited->size())
                               .arg(ApiLimits::MaxServerExtensionLength));
        return false;
    }
    if (*edited == loaded) { // no attempt to record
        m_context.printErr(tr("convdesk-cli: the edits change nothing; nothing was written."));
        result->outcome = Outcome::Unchanged;
        result->exitCode = ExitOk;
        result->conversation = read.data;
        takeAnswer(read, result);
        return false;
    }
    *value = *edited;
    *expected = loaded;
    return true;
}

void ExtensionWriter::save(const ConversationId &id, const QString &value, const std::optional<QString> &expected,
                           const SchemaVerdict &verdict, ExtensionWriteResult *result) const
{
    GuardedSave save(&m_client);
    save.setAuditLog(&m_auditLog, m_request.profileName, QStringLiteral("cli"));
    QEventLoop loop;
    const CliContext &context = m_context;
    QObject::connect(&save, &GuardedSave::auditFailed, &loop, [&context](const QString &message) {
        context.printErr(
            tr("convdesk-cli: warning: this attempt could not be recorded in the audit log: %1").arg(message));
    });
    QObject::connect(&save, &GuardedSave::lockWaiting, &loop, [&context](const QString &holder) {
        context.printErr(tr("convdesk-cli: another save of this conversation is running (%1); waiting for it "
                            "to finish…")
                             .arg(holder));
    });
    QObject::connect(&save, &GuardedSave::conflict, &loop, [&](const SaveConflict &conflict) {
        result->outcome = conflict.overwrittenAfterSave ? Outcome::Overwritten : Outcome::Conflict;
        result->exitCode = reportConflict(conflict);
        result->traceId = conflict.traceId;
        loop.quit();
    });
    QObject::connect(&save, &GuardedSave::rereadFailed, &loop, [&](const ApiResult &answer) {
        context.printErr(tr("convdesk-cli: nothing was written: the conversation could not be read just before "
                            "writing."));
        result->exitCode = ApiCommand::reportFailure(context, answer);
        result->rateLimitedBeforeWriting = RateLimitBackoff::isRateLimited(answer);
        takeAnswer(answer, result);
        loop.quit();
    });
    QObject::connect(&save, &GuardedSave::notSent, &loop, [&](GuardedSave::NotSentReason reason, const QString &message) {
        context.printErr(tr("convdesk-cli: %1").arg(message));
        result->exitCode = reason == GuardedSave::NotSentReason::Locked ? ExitConflict : ExitAuditLog;
        loop.quit();
    });
    QObject::connect(&save, &GuardedSave::finished, &loop, [&](const ApiResult &answer) {
        if (!save.lastVerdictNote().isEmpty() && save.lastVerdict() == GuardedSave::Verdict::Applied)
            context.printErr(tr("convdesk-cli: note: %1").arg(save.lastVerdictNote()));
        takeAnswer(answer, result);
        if (answer.ok()) {
            result->outcome = Outcome::Saved;
            result->exitCode = ExitOk;
            result->conversation = answer.data;
        } else if (save.lastVerdict() == GuardedSave::Verdict::Unknown) {
            context.printErr(tr("convdesk-cli: the outcome is unknown: %1 (trace id %2)")
                                 .arg(answer.detail, answer.traceId));
            result->outcome = Outcome::Unknown;
            result->exitCode = ExitTransport;
        } else {
            result->exitCode = ApiCommand::reportFailure(context, answer);
            result->rateLimitedBeforeWriting = RateLimitBackoff::isRateLimited(answer)
                                               && save.lastVerdict() == GuardedSave::Verdict::NotApplied;
        }
        loop.quit();
    });

    QString refusal;
    const SaveNotes notes{m_request.reason, verdict};
    const bool started = expected ? save.save(id, *expected, value, notes, &refusal)
                                  : save.overwrite(id, value, notes, &refusal);
    if (!started) {
        context.printErr(tr("convdesk-cli: %1").arg(refusal));
        result->exitCode = ExitAuditLog;
        return;
    }
    loop.exec();
}

int ExtensionWriter::reportConflict(const SaveConflict &conflict) const
{
    if (conflict.overwrittenAfterSave) {
        m_context.printErr(tr("convdesk-cli: overwritten right after your save: your value was written, but the "
                              "check right after it found another value on the server. (trace id %1)")
                               .arg(conflict.traceId));
        m_context.printErr(tr("Yours:\n%1\nOn the server now:\n%2").arg(conflict.yours, conflict.serverNow));
        return ExitConflict;
    }
    m_context.printErr(tr("convdesk-cli: not saved: the conversation's server_extension on the server is not the "
                          "expected value (someone else changed it). Nothing was written. (trace id %1)")
                           .arg(conflict.traceId));
    m_context.printErr(tr("Expected:\n%1\nOn the server now:\n%2").arg(conflict.loaded, conflict.serverNow));
    m_context.printErr(!m_request.value ? tr("To apply the edits to the server's value now, run the command again.")
                                        : tr("To write anyway, run again with --expect-current set to the server's "
                                             "value, or without --expect-*."));
    return ExitConflict;
}

} // namespace convdesk
