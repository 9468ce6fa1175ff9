#include "SetExtensionCommand.h"

#include "api/ApiClient.h"
#include "api/ApiLimits.h"
#include "api/ConversationId.h"
#include "audit/AuditLog.h"
#include "session/AttemptReconciler.h"
#include "session/GuardedSave.h"

#include <QEventLoop>
#include <QFile>
#include <QStringDecoder>

namespace convdesk {

namespace {

// A value read as bytes must be UTF-8: decoding anything else would quietly send U+FFFD
// replacement characters to the server (or compare with them) instead of the user's text.
bool decodeUtf8(const QByteArray &bytes, const QString &source, QString *text, QString *problem)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    *text = decoder.decode(bytes);
    if (!decoder.hasError())
        return true;
    *problem = SetExtensionCommand::tr("%1 is not UTF-8 text; save it as UTF-8 and try again.").arg(source);
    return false;
}

} // namespace

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
        .arg(context.auditLogPath);
}

QList<QCommandLineOption> SetExtensionCommand::options() const
{
    return {
        profileOption(),
        option(QStringLiteral("value"), tr("New server_extension text."), tr("text")),
        option(QStringLiteral("file"), tr("Read the new server_extension from a file."), tr("path")),
        option(QStringLiteral("stdin"), tr("Read the new server_extension from standard input.")),
        option(QStringLiteral("expect-current"),
               tr("Write only if the server's server_extension is exactly this text."), tr("text")),
        option(QStringLiteral("expect-file"),
               tr("Write only if the server's server_extension is exactly this file's content."), tr("path")),
    };
}

QList<Command::Argument> SetExtensionCommand::arguments() const
{
    return {{QStringLiteral("CONVERSATION_ID"),
             tr("The conversation: account|type|target, e.g. 'acc1|1|acc2' (quote it in the shell).")}};
}

std::optional<QString> SetExtensionCommand::readValue(const CliContext &context,
                                                      const QCommandLineParser &parser) const
{
    QString value;
    QString problem;
    if (parser.isSet(QStringLiteral("value"))) {
        value = parser.value(QStringLiteral("value"));
    } else if (parser.isSet(QStringLiteral("file"))) {
        QFile file(parser.value(QStringLiteral("file")));
        if (!file.open(QIODevice::ReadOnly)) {
            usageError(context, tr("cannot read %1: %2").arg(file.fileName(), file.errorString()));
            return std::nullopt;
        }
        if (!decodeUtf8(file.readAll(), file.fileName(), &value, &problem)) {
            usageError(context, problem);
            return std::nullopt;
        }
    } else {
        QFile input;
        if (!input.open(context.in, QIODevice::ReadOnly)) {
            usageError(context, tr("cannot read standard input."));
            return std::nullopt;
        }
        if (!decodeUtf8(input.readAll(), tr("standard input"), &value, &problem)) {
            usageError(context, problem);
            return std::nullopt;
        }
    }
    if (value.size() > ApiLimits::MaxServerExtensionLength) {
        usageError(context, tr("the new server_extension has %1 characters; the server accepts at most %2.")
                                .arg(value.size())
                                .arg(ApiLimits::MaxServerExtensionLength));
        return std::nullopt;
    }
    return value;
}

std::optional<QString> SetExtensionCommand::readExpected(const CliContext &context,
                                                         const QCommandLineParser &parser, bool *failed) const
{
    *failed = false;
    // The expected value is compared exactly, byte for byte: a file's final newline counts.
    if (parser.isSet(QStringLiteral("expect-current")))
        return parser.value(QStringLiteral("expect-current"));
    if (!parser.isSet(QStringLiteral("expect-file")))
        return std::nullopt;
    QFile file(parser.value(QStringLiteral("expect-file")));
    *failed = true;
    if (!file.open(QIODevice::ReadOnly)) {
        usageError(context, tr("cannot read %1: %2").arg(file.fileName(), file.errorString()));
        return std::nullopt;
    }
    QString text;
    QString problem;
    if (!decodeUtf8(file.readAll(), file.fileName(), &text, &problem)) {
        usageError(context, problem);
        return std::nullopt;
    }
    *failed = false;
    return text;
}

int SetExtensionCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return usageError(context, tr("set-extension takes exactly one CONVERSATION_ID."));
    QString problem;
    const auto id = ConversationId::parse(args.first(), &problem);
    if (!id)
        return usageError(context, problem);

    const int sources = int(parser.isSet(QStringLiteral("value"))) + int(parser.isSet(QStringLiteral("file")))
                        + int(parser.isSet(QStringLiteral("stdin")));
    if (sources != 1)
        return usageError(context, tr("give exactly one of --value TEXT, --file PATH or --stdin."));
    if (parser.isSet(QStringLiteral("expect-current")) && parser.isSet(QStringLiteral("expect-file")))
        return usageError(context, tr("give at most one of --expect-current TEXT or --expect-file PATH."));
    const std::optional<QString> value = readValue(context, parser);
    if (!value)
        return ExitUsage;
    bool expectedFailed = false;
    const std::optional<QString> expected = readExpected(context, parser, &expectedFailed);
    if (expectedFailed)
        return ExitUsage;

    ApiClient client;
    Profile profile;
    if (const int status = prepareClient(context, parser, client, &profile); status != ExitOk)
        return status;

    AuditLog auditLog(context.auditLogPath);
    reconcileInterruptedSaves(context, client, auditLog);
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
        status = reportConflict(context, conflict);
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
    const bool started = expected ? save.save(*id, *expected, *value, &refusal)
                                  : save.overwrite(*id, *value, &refusal);
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

int SetExtensionCommand::reportConflict(const CliContext &context, const SaveConflict &conflict)
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
    context.printErr(tr("To write anyway, run again with --expect-current set to the server's value, "
                        "or without --expect-*."));
    return ExitConflict;
}

} // namespace convdesk
