#pragma once

#include "CliContext.h"
#include "CliExitCode.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>

#include <memory>
#include <vector>

namespace convdesk {

class Command;

// convdesk-cli: the core for scripting and support escalations. Handles --help, --version and
// "help COMMAND", then hands the rest of the arguments to the command named. Each command runs
// to completion synchronously (local event loops) and returns a CliExitCode.
class CliApplication
{
    Q_DECLARE_TR_FUNCTIONS(CliApplication)
public:
    explicit CliApplication(CliContext &context);
    ~CliApplication();
    Q_DISABLE_COPY_MOVE(CliApplication)

    // arguments[0] is the program, as in QCoreApplication::arguments() (--lang already taken out).
    int run(const QStringList &commandLine);

    QString helpText() const;
    // The command that words start with ("get ...", "profile add ..."); *length is how many
    // words name it. Null when there is none.
    Command *findCommand(const QStringList &words, qsizetype *length = nullptr) const;

private:
    // Before commands had their own options, options could stand before the command's name
    // ("convdesk-cli --profile prod get ID"); such a line is rewritten to put them after it,
    // so scripts written then keep working.
    QStringList withLeadingOptionsAfterCommand(const QStringList &arguments) const;
    int printHelpOf(const QStringList &words);
    int usageError(const QString &message) const;

    CliContext &m_context;
    std::vector<std::unique_ptr<Command>> m_commands;
    QCommandLineParser m_parser;
};

} // namespace convdesk
