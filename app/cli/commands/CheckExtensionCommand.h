#pragma once

#include "Command.h"

namespace convdesk {

// check-extension (--value TEXT | --file PATH | --stdin) (--schema FILE | --profile NAME):
// checks a server_extension against a team's JSON Schema without sending anything.
class CheckExtensionCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(CheckExtensionCommand)
public:
    CheckExtensionCommand();
    QString description(const CliContext &context) const override;

protected:
    QList<QCommandLineOption> options() const override;
    int run(CliContext &context, const QCommandLineParser &parser) override;
};

} // namespace convdesk
