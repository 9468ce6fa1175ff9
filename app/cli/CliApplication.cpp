#include "CliApplication.h"

#include "Command.h"
#include "commands/CheckExtensionCommand.h"
#include "commands/GetCommand.h"
#include "commands/HistoryCommand.h"
#include "commands/ListCommand.h"
#include "commands/ProfileAddCommand.h"
#include "commands/ProfileListCommand.h"
#include "commands/ProfileRemoveCommand.h"
#include "commands/SandboxCommand.h"
#include "commands/SetExtensionCommand.h"
#include "platform/AppIdentity.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace convdesk {

namespace {

const QString ProfileGroup = QStringLiteral("profile");

} // namespace

CliApplication::CliApplication(CliContext &context)
    : m_context(context)
{
    m_commands.push_back(std::make_unique<ProfileAddCommand>());
    m_commands.push_back(std::make_unique<ProfileListCommand>());
    m_commands.push_back(std::make_unique<ProfileRemoveCommand>());
    m_commands.push_back(std::make_unique<GetCommand>());
    m_commands.push_back(std::make_unique<SetExtensionCommand>());
    m_commands.push_back(std::make_unique<CheckExtensionCommand>());
    m_commands.push_back(std::make_unique<ListCommand>());
    m_commands.push_back(std::make_unique<HistoryCommand>());
    m_commands.push_back(std::make_unique<SandboxCommand>());

    m_parser.setApplicationDescription(tr(
        "Conversation Desk command line: inspect and edit NetEase Yunxin IM conversations.\n"
        "\n"
        "Commands:\n"
        "  profile add NAME (--region mainland|overseas | --endpoint URL) --app-key KEY\n"
        "              [--ca-file PATH] [--extension-schema FILE]\n"
        "                     store a profile; the AppSecret is read from standard input\n"
        "  profile list       list the stored profiles\n"
        "  profile remove NAME\n"
        "                     remove a profile and its secret\n"
        "  get CONVERSATION_ID\n"
        "                     print the conversation as JSON, in the server's key order\n"
        "  set-extension CONVERSATION_ID (--value TEXT | --file PATH | --stdin)\n"
        "                [--expect-current TEXT | --expect-file PATH]\n"
        "                     replace the conversation's server_extension; with --expect-*, only\n"
        "                     if the server still holds exactly that value (else exit 6); a\n"
        "                     value that fails the profile's schema is not sent (exit 2)\n"
        "  check-extension (--value TEXT | --file PATH | --stdin) (--schema FILE | --profile NAME)\n"
        "                     check a value against a JSON Schema; nothing is sent\n"
        "  list ACCOUNT_ID [--limit N] [--all]\n"
        "                     list an account's conversations\n"
        "  history [--conversation ID] [--profile NAME] [--outcome success|failure|conflict]\n"
        "          [--format table|json|csv]\n"
        "                     print the audit log of save attempts (GUI and CLI)\n"
        "  sandbox [--port N] [--https]\n"
        "                     run the built-in simulator of the API\n"
        "\n"
        "Every set-extension attempt (success, failure or conflict) is recorded in the audit log\n"
        "%1\n"
        "\n"
        "Exit codes: 0 ok, 2 usage or invalid input, 3 business error, 4 network/timeout/TLS/HTTP,\n"
        "5 credential or keychain problem, 6 conflict (the server's value is not the expected one;\n"
        "nothing was written), 7 the audit log cannot be written (nothing was sent).")
        .arg(m_context.auditLogPath)
        + QStringLiteral("\n\n")
        + tr("Batch runs: \"get ID ID...\" or \"get --ids-from FILE|-\" prints one line of JSON per conversation;\n"
             "\"set-extension --ids-from FILE|- --set KEY=JSON ...\" saves each conversation of the list and prints\n"
             "one result line per ID. FILE holds one ID per line (blank lines and # comments are skipped; \"-\" is\n"
             "standard input). The secret is read once and one connection is kept; code 416 (rate limited) is\n"
             "retried after a growing pause. A failed ID is named on standard error and the run goes on; it ends\n"
             "with the most severe exit code of its conversations, in this order: 7, 5, 4, 6, 3, 2, 0."));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addPositionalArgument(tr("command"),
                                   tr("profile, get, set-extension, check-extension, list, history or sandbox"));
    // Everything after the command's name is the command's own to parse.
    m_parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
}

CliApplication::~CliApplication() = default;

QString CliApplication::helpText() const
{
    return Command::helpText(m_parser, QStringLiteral("convdesk-cli")) + u'\n'
           + tr("Run \"convdesk-cli COMMAND --help\" or \"convdesk-cli help COMMAND\" for the options of one "
                "command.")
           + u'\n';
}

Command *CliApplication::findCommand(const QStringList &words, qsizetype *length) const
{
    // "profile" is a group: its commands are named by two words.
    const qsizetype nameLength = words.value(0) == ProfileGroup ? 2 : 1;
    if (words.size() < nameLength)
        return nullptr;
    const QString name = words.mid(0, nameLength).join(u' ');
    for (const auto &command : m_commands) {
        if (command->name() == name) {
            if (length)
                *length = nameLength;
            return command.get();
        }
    }
    return nullptr;
}

QStringList CliApplication::withLeadingOptionsAfterCommand(const QStringList &arguments) const
{
    static const QStringList programOptions = {u"-h"_s, u"--help"_s, u"--help-all"_s, u"-?"_s,
                                               u"-v"_s, u"--version"_s};
    QStringList leading;
    qsizetype next = 1;
    while (next < arguments.size()) {
        const QString &argument = arguments.at(next);
        if (!argument.startsWith(u'-') || argument == u"-" || argument == u"--"
            || programOptions.contains(argument))
            break;
        leading << argument;
        ++next;
        const QString name = argument.mid(argument.startsWith(u"--") ? 2 : 1);
        if (name.contains(u'='))
            continue;
        const bool takesValue = std::any_of(m_commands.cbegin(), m_commands.cend(), [&name](const auto &command) {
            return command->optionTakesValue(name).value_or(false);
        });
        if (takesValue && next < arguments.size())
            leading << arguments.at(next++);
    }
    const QStringList rest = arguments.mid(next);
    qsizetype length = 0;
    if (leading.isEmpty() || !findCommand(rest, &length))
        return arguments; // nothing to move, or no command to move it to: the usual errors apply
    return QStringList{arguments.constFirst()} + rest.mid(0, length) + leading + rest.mid(length);
}

int CliApplication::run(const QStringList &commandLine)
{
    const QStringList arguments = withLeadingOptionsAfterCommand(commandLine);
    if (!m_parser.parse(arguments))
        return usageError(m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("help"))) {
        m_context.printOut(helpText().toUtf8());
        return ExitOk;
    }
    if (m_parser.isSet(QStringLiteral("version"))) {
        m_context.printOut(QStringLiteral("convdesk-cli %1\n").arg(AppIdentity::version()).toUtf8());
        return ExitOk;
    }
    const QStringList words = m_parser.positionalArguments();
    if (words.isEmpty())
        return usageError(tr("no command given."));
    if (words.first() == QLatin1String("help"))
        return printHelpOf(words.mid(1));

    qsizetype length = 0;
    if (Command *command = findCommand(words, &length))
        return command->execute(m_context, words.mid(length));
    if (words.first() == ProfileGroup) {
        const QString next = words.value(1);
        if (next == QLatin1String("--help") || next == QLatin1String("-h"))
            return printHelpOf({ProfileGroup});
        return usageError(tr("use \"profile add\", \"profile list\" or \"profile remove\"."));
    }
    return usageError(tr("unknown command \"%1\".").arg(words.first()));
}

int CliApplication::printHelpOf(const QStringList &words)
{
    if (words.isEmpty()) {
        m_context.printOut(helpText().toUtf8());
        return ExitOk;
    }
    const QString name = words.join(u' ');
    if (const Command *command = findCommand(words); command && command->name() == name) {
        m_context.printOut(command->helpText(m_context).toUtf8());
        return ExitOk;
    }
    // "help profile": the help of each profile command.
    if (name == ProfileGroup) {
        QStringList texts;
        for (const auto &command : m_commands) {
            if (command->name().startsWith(ProfileGroup + u' '))
                texts << command->helpText(m_context);
        }
        m_context.printOut(texts.join(u'\n').toUtf8());
        return ExitOk;
    }
    return usageError(tr("unknown command \"%1\".").arg(name));
}

int CliApplication::usageError(const QString &message) const
{
    m_context.printErr(tr("convdesk-cli: %1").arg(message));
    m_context.printErr(tr("Run \"convdesk-cli --help\" for usage."));
    return ExitUsage;
}

} // namespace convdesk
