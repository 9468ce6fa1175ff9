#pragma once

#include "CliContext.h"
#include "CliExitCode.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace convdesk {

// One convdesk-cli command (after KeePassXC's cli/Command): its name, its own options and
// positional arguments, its own --help. An option of another command is unknown here.
class Command
{
    Q_DECLARE_TR_FUNCTIONS(Command)
public:
    struct Argument
    {
        QString name;        // as in the usage line: "CONVERSATION_ID"
        QString description;
    };

    explicit Command(const QString &name);
    virtual ~Command();
    Q_DISABLE_COPY_MOVE(Command)

    QString name() const { return m_name; } // "get", "profile add"
    // What the command does, in a sentence or a short paragraph (the start of its --help).
    virtual QString description(const CliContext &context) const = 0;

    // A parser that knows this command's options and arguments (and --help), not yet run.
    std::unique_ptr<QCommandLineParser> commandLineParser(const CliContext &context) const;
    QString helpText(const CliContext &context) const;
    // Whether this command has the option --name (or -name), and if so whether it takes a value.
    std::optional<bool> optionTakesValue(const QString &name) const;

    // Runs the command; arguments are those after its name. Returns a CliExitCode.
    int execute(CliContext &context, const QStringList &arguments);

    // QCommandLineParser names the program by the path it was started with; the usage line
    // says "convdesk-cli ..." instead, whatever that path was.
    static QString helpText(const QCommandLineParser &parser, const QString &usageName);

protected:
    virtual QList<QCommandLineOption> options() const { return {}; }
    virtual QList<Argument> arguments() const { return {}; }
    // Called once the arguments parsed; parser.positionalArguments() are the command's own.
    virtual int run(CliContext &context, const QCommandLineParser &parser) = 0;

    // "convdesk-cli: message" and where to read this command's usage; returns ExitUsage.
    int usageError(const CliContext &context, const QString &message) const;

    static QCommandLineOption option(const QString &name, const QString &description,
                                     const QString &valueName = {});

private:
    QString m_name;
};

} // namespace convdesk
