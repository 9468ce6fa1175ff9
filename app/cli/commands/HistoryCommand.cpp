#include "HistoryCommand.h"

#include "api/ConversationId.h"
#include "audit/AuditExport.h"
#include "audit/AuditFilter.h"
#include "audit/AuditJoin.h"
#include "audit/AuditLog.h"

namespace convdesk {

namespace {

// One table cell on one line: tabs and line breaks would break the columns.
QString tableCell(const QString &text)
{
    QString cell = text;
    cell.replace(u'\\', QLatin1String("\\\\"));
    cell.replace(u'\t', QLatin1String("\\t"));
    cell.replace(u'\r', QLatin1String("\\r"));
    cell.replace(u'\n', QLatin1String("\\n"));
    return cell;
}

// The outcome key, and after a colon what kind of it when that tells more: "failure:timeout",
// "conflict:overwritten", "unknown:interrupted" (an Attempt line without its Outcome).
QString outcomeCell(const AuditRecord &row)
{
    const AuditRecord::Outcome outcome = row.outcome();
    const QString key = AuditRecord::outcomeKey(outcome);
    if (outcome == AuditRecord::Outcome::Failure)
        return key + u':' + row.errorKind;
    if (outcome == AuditRecord::Outcome::Conflict && row.errorKind == AuditRecord::OverwrittenKind)
        return key + u':' + AuditRecord::OverwrittenKind;
    if (outcome == AuditRecord::Outcome::Unknown && row.phase == AuditRecord::Phase::Attempt)
        return key + u':' + AuditRecord::InterruptedKind;
    return key;
}

} // namespace

HistoryCommand::HistoryCommand()
    : Command(QStringLiteral("history"))
{
}

QString HistoryCommand::description(const CliContext &context) const
{
    return tr("Print the audit log of save attempts (GUI and CLI), oldest first:\n%1").arg(context.auditLogPath);
}

QList<QCommandLineOption> HistoryCommand::options() const
{
    return {
        option(QStringLiteral("conversation"), tr("Only this conversation."), tr("id")),
        option(QStringLiteral("profile"), tr("Only the records of this profile."), tr("name")),
        option(QStringLiteral("outcome"), tr("Only attempts with this outcome: success, failure, conflict or unknown."),
               tr("outcome")),
        option(QStringLiteral("format"), tr("Output format: table (default), json or csv."), tr("format")),
    };
}

int HistoryCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    if (!parser.positionalArguments().isEmpty())
        return usageError(context,
                          tr("history takes no arguments; filter with --conversation, --profile or --outcome."));
    AuditFilter filter;
    if (parser.isSet(QStringLiteral("conversation"))) {
        QString problem;
        const auto id = ConversationId::parse(parser.value(QStringLiteral("conversation")), &problem);
        if (!id)
            return usageError(context, problem);
        filter.conversationId = id->toString();
    }
    filter.profile = parser.value(QStringLiteral("profile"));
    if (parser.isSet(QStringLiteral("outcome"))) {
        const QString key = parser.value(QStringLiteral("outcome"));
        const auto outcome = AuditRecord::outcomeFromKey(key);
        if (!outcome)
            return usageError(context,
                              tr("--outcome must be success, failure, conflict or unknown, not \"%1\".").arg(key));
        filter.outcomes = {*outcome};
    }
    const QString format = parser.isSet(QStringLiteral("format")) ? parser.value(QStringLiteral("format"))
                                                                   : QStringLiteral("table");
    if (format != QLatin1String("table") && format != QLatin1String("json") && format != QLatin1String("csv"))
        return usageError(context, tr("--format must be table, json or csv, not \"%1\".").arg(format));

    const AuditLog log(context.auditLogPath);
    QStringList warnings;
    // One row per attempt: its Attempt and Outcome lines joined, filtered on the joined outcome.
    const QList<AuditRecord> records = filter.apply(AuditJoin::attempts(log.readAll(&warnings)));
    for (const QString &warning : std::as_const(warnings))
        context.printErr(tr("convdesk-cli: warning: %1").arg(warning));

    if (format == QLatin1String("json")) {
        context.printOut(AuditExport::toJson(records));
        return ExitOk;
    }
    if (format == QLatin1String("csv")) {
        context.printOut(AuditExport::toCsv(records));
        return ExitOk;
    }
    if (records.isEmpty()) {
        context.printErr(tr("No save attempts recorded%1.").arg(filter.isEmpty() ? QString() : tr(" that match")));
        return ExitOk;
    }
    QByteArray text = QStringList{tr("TIME (UTC)"), tr("PROFILE"), tr("CONVERSATION"), tr("OUTCOME"), tr("CODE"),
                                  tr("TRACE ID"), tr("VALUE BEFORE"), tr("VALUE SENT"), tr("REASON")}
                          .join(u'\t')
                          .toUtf8()
                      + '\n';
    for (const AuditRecord &record : records) {
        const QStringList cells{record.time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                record.profile,
                                record.conversationId,
                                outcomeCell(record),
                                record.code == 0 ? QString() : QString::number(record.code),
                                record.traceId,
                                record.valueBefore ? *record.valueBefore : tr("(unknown)"),
                                record.valueSent,
                                record.reason};
        QStringList escaped;
        for (const QString &cell : cells)
            escaped << tableCell(cell);
        text += escaped.join(u'\t').toUtf8() + '\n';
    }
    context.printOut(text);
    return ExitOk;
}

} // namespace convdesk
