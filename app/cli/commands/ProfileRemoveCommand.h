#pragma once

#include "Command.h"

namespace convdesk {

// profile remove NAME: the profile and its AppSecret.
class ProfileRemoveCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ProfileRemoveCommand)
public:
    ProfileRemoveCommand();
    QString description(const CliContext &context) const override;

protected:
    QList<Argument> arguments() const override;
    int run(CliContext &context, const QCommandLineParser &parser) override;
};

} // namespace convdesk
