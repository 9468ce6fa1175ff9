#include "SetExtensionCommand.h"

#include "ExtensionInput.h"
#include "ExtensionWriter.h"
#include "KeyEdits.h"
#include "RateLimitRetry.h"
#include "SchemaCheck.h"
#include "api/ApiClient.h"
#include "api/ConversationId.h"
#include "audit/AuditLog.h"
#include "session/AttemptReconciler.h"

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
                "with --require-reason refuses a save without it (exit 2, nothing is sent).")
           + u'\n'
           + tr("--ids-from FILE|- (one ID per line; blank lines and # comments skipped) saves each conversation\n"
                "of the list the same way, one after another, each guarded and recorded on its own with the same\n"
                "--reason, and prints one JSON line per ID instead of the conversation:\n"
                "{\"id\":…,\"outcome\":…,\"code\":…,\"trace_id\":…,\"exit\":…}, the outcome being saved, unchanged,\n"
                "conflict, overwritten, failed, unknown or invalid. Code 416 (rate limited) before anything was\n"
                "written is retried after a growing pause. On a terminal, standard error shows the progress. The\n"
                "run ends with the most severe exit code of its conversations: 7, 5, 4, 6, 3, 2, then 0.");
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
        IdList::option(),
    } + KeyEdits::options();
}

QList<Command::Argument> SetExtensionCommand::arguments() const
{
    return {conversationIdArgument()};
}

int SetExtensionCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    const QString idsFrom = IdList::option().names().constFirst();
    const bool batch = parser.isSet(idsFrom);
    std::optional<ConversationId> id;
    std::optional<QList<IdListEntry>> entries;
    if (batch) {
        if (parser.value(idsFrom) == QLatin1String("-") && parser.isSet(QStringLiteral("stdin")))
            return usageError(context, tr("--ids-from - and --stdin would both read standard input; give the value "
                                          "with --value or --file."));
        if (entries = batchIds(context, parser); !entries)
            return ExitUsage;
    } else if (id = conversationIdFrom(context, parser); !id) {
        return ExitUsage;
    }

    ExtensionWriteRequest request;
    QString inputProblem;
    const bool editingKeys = KeyEdits::isRequested(parser);
    if (editingKeys) {
        const auto read = KeyEdits::read(parser, &inputProblem);
        if (!read)
            return usageError(context, inputProblem);
        request.edits = *read;
    } else {
        const std::optional<ExtensionInput> input = ExtensionInput::read(context, parser, &inputProblem);
        if (!input)
            return usageError(context, inputProblem);
        request.value = input->value;
        request.expected = input->expected;
    }
    // Named before anything is sent; each is skipped, and the exit code says so.
    const int invalid = batch ? IdList::reportInvalid(context, *entries) : 0;

    ApiClient client;
    Profile profile;
    if (const int status = prepareClient(context, parser, client, &profile); status != ExitOk)
        return status;
    request.profileName = profile.name;
    request.reason = parser.value(QStringLiteral("reason")).trimmed();
    if (profile.requireReason && request.reason.isEmpty()) {
        return usageError(context, tr("the profile \"%1\" requires a reason for every save: add --reason TEXT "
                                      "(a ticket or a note). Nothing was sent.")
                                       .arg(profile.name));
    }

    // The schema is read before any request, so a broken one stops everything; a whole value
    // is checked now, once for every conversation, and the result of key edits as soon as it
    // is known (after the read the edits need), before the PATCH.
    if (!profile.extensionSchemaFile.isEmpty()) {
        if (parser.isSet(QStringLiteral("no-schema-check"))) {
            QString ignored;
            const std::optional<ExtensionSchema> schema = ExtensionSchema::load(profile.extensionSchemaFile, &ignored);
            request.verdict = SchemaVerdict::skipped(profile.extensionSchemaFile, schema ? schema->sha256Hex() : QString());
        } else if (request.schema = SchemaCheck::load(context, profile.extensionSchemaFile); !request.schema) {
            context.printErr(tr("convdesk-cli: nothing was sent; --no-schema-check sends without the check."));
            return ExitUsage;
        }
    }
    if (!editingKeys && request.schema) {
        request.verdict = SchemaCheck::check(context, *request.schema, *request.value);
        if (request.verdict.check != SchemaVerdict::Passed)
            return ExitUsage;
        request.schema.reset();
    }

    AuditLog auditLog(context.auditLogPath);
    reconcileInterruptedSaves(context, client, auditLog);
    const ExtensionWriter writer(context, client, auditLog, request);
    if (batch)
        return mostSevereExitCode(invalid > 0 ? ExitUsage : ExitOk, runBatch(context, writer, *entries));
    const ExtensionWriteResult result = writer.write(*id);
    if (result.outcome == ExtensionWriteResult::Outcome::Saved
        || result.outcome == ExtensionWriteResult::Outcome::Unchanged)
        context.printOut(Json::serialize(result.conversation, 2) + '\n');
    return result.exitCode;
}

int SetExtensionCommand::runBatch(CliContext &context, const ExtensionWriter &writer,
                                  const QList<IdListEntry> &entries)
{
    int status = ExitOk;
    int done = 0;
    int failed = 0;
    for (const IdListEntry &entry : entries) {
        context.errPrefix = entry.name() + QStringLiteral(": ");
        ExtensionWriteResult result;
        if (entry.id) {
            // Code 416 before anything was written: the same save again, after a pause.
            RateLimitRetry retry(context);
            do {
                result = writer.write(*entry.id);
            } while (result.rateLimitedBeforeWriting && retry.waitBeforeRetry(result.retryAfter));
        } else {
            result.outcome = ExtensionWriteResult::Outcome::Invalid; // named before the run began
        }
        context.errPrefix.clear();
        context.printOut(result.resultLine(entry.name()));
        status = mostSevereExitCode(status, result.exitCode);
        ++done;
        failed += result.exitCode == ExitOk ? 0 : 1;
        context.printProgress(tr("set-extension: %1 of %2 done, %3 failed").arg(done).arg(entries.size()).arg(failed));
    }
    context.clearProgress();
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

} // namespace convdesk
