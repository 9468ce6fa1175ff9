#include "IdList.h"

#include "BoundedInput.h"

namespace convdesk {

QCommandLineOption IdList::option()
{
    return QCommandLineOption(QStringLiteral("ids-from"),
                              tr("Read the conversation IDs from a file, one per line (\"-\": standard input); "
                                 "blank lines and # comments are skipped."),
                              tr("file"));
}

namespace {

IdListEntry entryFor(const QString &text, int line)
{
    IdListEntry entry;
    entry.text = text;
    entry.line = line;
    entry.id = ConversationId::parse(text, &entry.problem);
    return entry;
}

} // namespace

QList<IdListEntry> IdList::fromArguments(const QStringList &arguments)
{
    QList<IdListEntry> entries;
    for (const QString &argument : arguments)
        entries.append(entryFor(argument.trimmed(), 0));
    return entries;
}

QList<IdListEntry> IdList::fromText(const QString &text)
{
    QList<IdListEntry> entries;
    const QStringList lines = text.split(u'\n');
    for (qsizetype index = 0; index < lines.size(); ++index) {
        QString line = lines.at(index);
        if (const qsizetype comment = line.indexOf(u'#'); comment >= 0)
            line.truncate(comment);
        line = line.trimmed(); // also a CR before the LF
        if (!line.isEmpty())
            entries.append(entryFor(line, int(index + 1)));
    }
    return entries;
}

std::optional<QList<IdListEntry>> IdList::read(const CliContext &context, const QString &source, QString *problem)
{
    const bool fromStdin = source == QLatin1String("-");
    const QString name = fromStdin ? tr("standard input") : source;
    const std::optional<QByteArray> bytes = fromStdin ? BoundedInput::readStream(context.in, MaxBytes, name, problem)
                                                      : BoundedInput::readFile(source, MaxBytes, problem);
    if (!bytes)
        return std::nullopt;
    const std::optional<QString> text = BoundedInput::decodeText(*bytes, name, problem);
    if (!text)
        return std::nullopt;
    QList<IdListEntry> entries = fromText(*text);
    if (entries.isEmpty()) {
        *problem = tr("%1 holds no conversation ID.").arg(name);
        return std::nullopt;
    }
    return entries;
}

int IdList::reportInvalid(const CliContext &context, const QList<IdListEntry> &entries)
{
    int invalid = 0;
    for (const IdListEntry &entry : entries) {
        if (entry.id)
            continue;
        ++invalid;
        context.printErr(entry.line > 0
                             ? tr("%1: convdesk-cli: line %2 is not a conversation ID, skipped: %3")
                                   .arg(entry.text, QString::number(entry.line), entry.problem)
                             : tr("%1: convdesk-cli: not a conversation ID, skipped: %2").arg(entry.text, entry.problem));
    }
    return invalid;
}

} // namespace convdesk
