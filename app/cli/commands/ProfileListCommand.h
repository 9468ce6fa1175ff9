#pragma once

#include "Command.h"

namespace convdesk {

// profile list: the stored profiles, one a line, tab-separated.
class ProfileListCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ProfileListCommand)
public:
    ProfileListCommand();
    QString description(const CliContext &context) const override;

protected:
    int run(CliContext &context, const QCommandLineParser &parser) override;
};

} // namespace convdesk
