#pragma once

#include "Command.h"

namespace convdesk {

// profile add NAME (--region | --endpoint) --app-key KEY: stores a profile; the AppSecret
// comes from standard input, never from the command line.
class ProfileAddCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ProfileAddCommand)
public:
    ProfileAddCommand();
    QString description(const CliContext &context) const override;

protected:
    QList<QCommandLineOption> options() const override;
    QList<Argument> arguments() const override;
    int run(CliContext &context, const QCommandLineParser &parser) override;
};

} // namespace convdesk
