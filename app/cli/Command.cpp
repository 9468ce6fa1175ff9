#include "Command.h"

#include "profiles/ProfileStore.h"

namespace convdesk {

Command::Command(const QString &name)
    : m_name(name)
{
}

Command::~Command() = default;

std::unique_ptr<QCommandLineParser> Command::commandLineParser(const CliContext &context) const
{
    auto parser = std::make_unique<QCommandLineParser>();
    parser->setApplicationDescription(description(context));
    parser->addHelpOption();
    parser->addOptions(options());
    for (const Argument &argument : arguments())
        parser->addPositionalArgument(argument.name, argument.description);
    return parser;
}

QString Command::helpText(const CliContext &context) const
{
    return helpText(*commandLineParser(context), QStringLiteral("convdesk-cli ") + m_name);
}

QString Command::helpText(const QCommandLineParser &parser, const QString &usageName)
{
    QString text = parser.helpText();
    // The usage line starts with QCoreApplication::arguments().first(), whatever was typed.
    const QString program = QCoreApplication::arguments().value(0);
    const qsizetype usageLineEnd = text.indexOf(u'\n');
    const qsizetype at = program.isEmpty() ? -1 : text.indexOf(program);
    if (at >= 0 && at < usageLineEnd)
        text.replace(at, program.size(), usageName);
    return text;
}

int Command::execute(CliContext &context, const QStringList &arguments)
{
    const std::unique_ptr<QCommandLineParser> parser = commandLineParser(context);
    // The parser takes the first argument for the program's name.
    if (!parser->parse(QStringList{m_name} + arguments)) {
        const QStringList unknown = parser->unknownOptionNames();
        if (unknown.isEmpty())
            return usageError(context, parser->errorText());
        const QString &option = unknown.first();
        return usageError(context, tr("unknown option %1 for \"%2\".")
                                       .arg((option.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + option,
                                            m_name));
    }
    if (parser->isSet(QStringLiteral("help"))) {
        context.printOut(helpText(*parser, QStringLiteral("convdesk-cli ") + m_name).toUtf8());
        return ExitOk;
    }
    // Said by every command, so a damaged file is noticed whatever is run.
    if (const QString problem = ProfileStore(context.settings).settingsProblem(); !problem.isEmpty())
        context.printErr(tr("convdesk-cli: warning: %1").arg(problem));
    return run(context, *parser);
}

int Command::usageError(const CliContext &context, const QString &message) const
{
    context.printErr(tr("convdesk-cli: %1").arg(message));
    context.printErr(tr("Run \"convdesk-cli %1 --help\" for usage.").arg(m_name));
    return ExitUsage;
}

std::optional<bool> Command::optionTakesValue(const QString &name) const
{
    const QList<QCommandLineOption> own = options();
    for (const QCommandLineOption &candidate : own) {
        if (candidate.names().contains(name))
            return !candidate.valueName().isEmpty();
    }
    return std::nullopt;
}

QCommandLineOption Command::option(const QString &name, const QString &description, const QString &valueName)
{
    return valueName.isEmpty() ? QCommandLineOption(name, description)
                               : QCommandLineOption(name, description, valueName);
}

} // namespace convdesk
