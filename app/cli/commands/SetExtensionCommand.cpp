#include "SetExtensionCommand.h"

#include "ExtensionInput.h"
#include "KeyEdits.h"
#include "SchemaCheck.h"
#include "api/ApiClient.h"
#include "api/ApiLimits.h"
#include "api/ConversationAnswer.h"
#include "api/ConversationId.h"
#include "audit/AuditLog.h"
#include "session/AttemptReconciler.h"
#include "session/GuardedSave.h"

#include <QEventLoop>

namespace convdesk {

SetExtensionCommand::SetExtensionCommand()
    : ApiCommand(QStringLiteral("set-extension"))
{
}

QString SetExtensionCommand::description(const CliContext &context) const
{
    return tr("Replace the conversation's server_extension and print the conversation as JSON.\n"
              "With --expect-current or --expect-file, only if the server still holds exactly that value\n"
              "(else exit 6, and nothing is written).\n"
              "Every attempt (success, failure or conflict) is recorded in the audit log\n"
              "%1")
               .arg(context.auditLogPath)
           + u'\n'
           + tr("--file, --stdin and --expect-file read at most 64 KiB of UTF-8 text; NUL characters are refused.\n"
                "An empty new value clears the field and needs --allow-empty.")
           + u'\n'
           + tr("Instead of a whole new value, --set, --set-string and --unset edit keys of the JSON object the\n"
                "server holds, in the order given; everything else keeps its exact text. The value read is the\n"
                "guard: if it changes before the write, nothing is written (exit 6).")
           + u'\n'
           + tr("A profile with an extension schema checks the new value (the result of key edits) against it\n"
                "before the write: each error is printed as \"/pointer: message\" and nothing is sent (exit 2),\n"
                "unless --no-schema-check, which sends it and records the check as skipped.")
           + u'\n'
           + tr("--reason is recorded with the attempt in the audit log and shown by \"history\"; a profile added\n"
                "with --require-reason refuses a save without it (exit 2, nothing is sent).");
}

QList<QCommandLineOption> SetExtensionCommand::options() const
{
    return QList<QCommandLineOption>{
        profileOption(),
        option(QStringLiteral("value"), tr("New server_extension text."), tr("text")),
        option(QStringLiteral("file"), tr("Read the new server_extension from a file."), tr("path")),
        option(QStringLiteral("stdin"), tr("Read the new server_extension from standard input.")),
        option(QStringLiteral("allow-empty"),
               tr("Allow an empty new value, which clears the server_extension (refused without it).")),
        option(QStringLiteral("expect-current"),
               tr("Write only if the server's server_extension is exactly this text."), tr("text")),
        option(QStringLiteral("expect-file"),
               tr("Write only if the server's server_extension is exactly this file's content."), tr("path")),
        option(QStringLiteral("reason"), tr("Why this save is made (a ticket, a note), for the audit log."),
               tr("text")),
        option(QStringLiteral("no-schema-check"),
               tr("Send even if the value does not pass the profile's schema (recorded as \"skipped\").")),
    } + KeyEdits::options();
}

QList<Command::Argument> SetExtensionCommand::arguments() const
{
    return {conversationIdArgument()};
}

int SetExtensionCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    const std::optional<ConversationId> id = conversationIdFrom(context, parser);
    if (!id)
        return ExitUsage;

    QString inputProblem;
    const bool editingKeys = KeyEdits::isRequested(parser);
    std::optional<ExtensionInput> input;
    QList<JsonTextEditor::Edit> edits;
    if (editingKeys) {
        const auto read = KeyEdits::read(parser, &inputProblem);
        if (!read)
            return usageError(context, inputProblem);
        edits = *read;
    } else {
        input = ExtensionInput::read(context, parser, &inputProblem);
        if (!input)
            return usageError(context, inputProblem);
    }

    ApiClient client;
    Profile profile;
    if (const int status = prepareClient(context, parser, client, &profile); status != ExitOk)
        return status;
    const QString saveReason = parser.value(QStringLiteral("reason")).trimmed();
    if (profile.requireReason && saveReason.isEmpty()) {
        return usageError(context, tr("the profile \"%1\" requires a reason for every save: add --reason TEXT "
                                      "(a ticket or a note). Nothing was sent.")
                                       .arg(profile.name));
    }

    // The schema is read before any request, so a broken one stops everything; the value is
    // checked as soon as it is known (after the read that key edits need), before the PATCH.
    std::optional<ExtensionSchema> schema;
    SchemaVerdict verdict;
    if (!profile.extensionSchemaFile.isEmpty()) {
        if (parser.isSet(QStringLiteral("no-schema-check"))) {
            QString ignored;
            schema = ExtensionSchema::load(profile.extensionSchemaFile, &ignored);
            verdict = SchemaVerdict::skipped(profile.extensionSchemaFile, schema ? schema->sha256Hex() : QString());
            schema.reset();
        } else if (schema = SchemaCheck::load(context, profile.extensionSchemaFile); !schema) {
            context.printErr(tr("convdesk-cli: nothing was sent; --no-schema-check sends without the check."));
            return ExitUsage;
        }
    }
    const auto failsSchema = [&](const QString &value) {
        if (!schema)
            return false;
        verdict = SchemaCheck::check(context, *schema, value);
        return verdict.check != SchemaVerdict::Passed;
    };
    if (!editingKeys && failsSchema(input->value))
        return ExitUsage;

    AuditLog auditLog(context.auditLogPath);
    reconcileInterruptedSaves(context, client, auditLog);
    if (editingKeys) {
        input.emplace();
        if (const int status = applyKeyEdits(context, client, *id, edits, &*input); status != ExitOk || !input->expected)
            return status;
        if (failsSchema(input->value))
            return ExitUsage;
    }
    const QString *value = &input->value;
    const std::optional<QString> &expected = input->expected;
    GuardedSave save(&client);
    save.setAuditLog(&auditLog, profile.name, QStringLiteral("cli"));
    QEventLoop loop;
    int status = ExitOk;
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
        status = reportConflict(context, conflict, editingKeys);
        loop.quit();
    });
    QObject::connect(&save, &GuardedSave::rereadFailed, &loop, [&](const ApiResult &result) {
        context.printErr(tr("convdesk-cli: nothing was written: the conversation could not be read just before "
                            "writing."));
        status = reportFailure(context, result);
        loop.quit();
    });
    QObject::connect(&save, &GuardedSave::notSent, &loop, [&](GuardedSave::NotSentReason reason, const QString &message) {
        context.printErr(tr("convdesk-cli: %1").arg(message));
        status = reason == GuardedSave::NotSentReason::Locked ? ExitConflict : ExitAuditLog;
        loop.quit();
    });
    QObject::connect(&save, &GuardedSave::finished, &loop, [&](const ApiResult &result) {
        if (!save.lastVerdictNote().isEmpty() && save.lastVerdict() == GuardedSave::Verdict::Applied)
            context.printErr(tr("convdesk-cli: note: %1").arg(save.lastVerdictNote()));
        if (result.ok()) {
            context.printOut(Json::serialize(result.data, 2) + '\n');
        } else if (save.lastVerdict() == GuardedSave::Verdict::Unknown) {
            context.printErr(tr("convdesk-cli: the outcome is unknown: %1 (trace id %2)")
                                 .arg(result.detail, result.traceId));
            status = ExitTransport;
        } else {
            status = reportFailure(context, result);
        }
        loop.quit();
    });

    QString refusal;
    const SaveNotes notes{saveReason, verdict};
    const bool started = expected ? save.save(*id, *expected, *value, notes, &refusal)
                                  : save.overwrite(*id, *value, notes, &refusal);
    if (!started) {
        context.printErr(tr("convdesk-cli: %1").arg(refusal));
        return ExitAuditLog;
    }
    loop.exec();
    return status;
}

void SetExtensionCommand::reconcileInterruptedSaves(const CliContext &context, ApiClient &client, AuditLog &log)
{
    // An earlier save whose process died between sending and recording the outcome is checked
    // first, so the audit log says what happened before this save adds to it.
    AttemptReconciler reconciler(&client, &log, QStringLiteral("cli"));
    QEventLoop loop;
    QObject::connect(&reconciler, &AttemptReconciler::finished, &loop,
                     [&](const QList<ReconciledAttempt> &checked, const QStringList &problems) {
                         for (const ReconciledAttempt &attempt : checked) {
                             const QString when = attempt.attempt.time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
                             context.printErr(attempt.applied
                                                  ? tr("convdesk-cli: an earlier save of %1 (%2 UTC) was interrupted "
                                                       "before its outcome was known; checked now: applied.")
                                                        .arg(attempt.attempt.conversationId, when)
                                                  : tr("convdesk-cli: an earlier save of %1 (%2 UTC) was interrupted "
                                                       "before its outcome was known; checked now: not applied (the "
                                                       "server holds another value).")
                                                        .arg(attempt.attempt.conversationId, when));
                         }
                         for (const QString &problem : problems)
                             context.printErr(tr("convdesk-cli: warning: %1").arg(problem));
                         loop.quit();
                     });
    reconciler.start();
    loop.exec();
}

int SetExtensionCommand::applyKeyEdits(const CliContext &context, ApiClient &client, const ConversationId &id,
                                       const QList<JsonTextEditor::Edit> &edits, ExtensionInput *input)
{
    ApiResult read = wait(client.getConversation(id));
    if (!ConversationAnswer::checkConversation(read, id))
        return reportFailure(context, read);
    const QString loaded = GuardedSave::serverExtensionOf(read.data);
    QString problem;
    QStringList notes;
    const std::optional<QString> edited = JsonTextEditor::apply(loaded, edits, &problem, &notes);
    for (const QString &note : std::as_const(notes))
        context.printErr(tr("convdesk-cli: note: %1").arg(note));
    if (!edited) {
        context.printErr(tr("convdesk-cli: nothing was written: the server_extension of %1 cannot be edited by "
                            "key: %2")
                             .arg(id.toString(), problem));
        return ExitUsage;
    }
    if (edited->size() > ApiLimits::MaxServerExtensionLength) {
        context.printErr(tr("convdesk-cli: nothing was written: after the edits the server_extension would have "
                            "%1 characters; the server accepts at most %2.")
                             .arg(edited->size())
                             .arg(ApiLimits::MaxServerExtensionLength));
        return ExitUsage;
    }
    if (*edited == loaded) { // no attempt to record: input->expected stays empty
        context.printErr(tr("convdesk-cli: the edits change nothing; nothing was written."));
        context.printOut(Json::serialize(read.data, 2) + '\n');
        return ExitOk;
    }
    input->value = *edited;
    input->expected = loaded;
    return ExitOk;
}

int SetExtensionCommand::reportConflict(const CliContext &context, const SaveConflict &conflict, bool editingKeys)
{
    if (conflict.overwrittenAfterSave) {
        context.printErr(tr("convdesk-cli: overwritten right after your save: your value was written, but the "
                            "check right after it found another value on the server. (trace id %1)")
                             .arg(conflict.traceId));
        context.printErr(tr("Yours:\n%1\nOn the server now:\n%2").arg(conflict.yours, conflict.serverNow));
        return ExitConflict;
    }
    context.printErr(tr("convdesk-cli: not saved: the conversation's server_extension on the server is not the "
                        "expected value (someone else changed it). Nothing was written. (trace id %1)")
                         .arg(conflict.traceId));
    context.printErr(tr("Expected:\n%1\nOn the server now:\n%2").arg(conflict.loaded, conflict.serverNow));
    context.printErr(editingKeys ? tr("To apply the edits to the server's value now, run the command again.")
                                 : tr("To write anyway, run again with --expect-current set to the server's value, "
                                      "or without --expect-*."));
    return ExitConflict;
}

} // namespace convdesk
