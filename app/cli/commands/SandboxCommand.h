#pragma once

#include "Command.h"

namespace convdesk {

// sandbox [--port N] [--https]: the built-in simulator of the API, until interrupted.
class SandboxCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(SandboxCommand)
public:
    SandboxCommand();
    QString description(const CliContext &context) const override;

protected:
    QList<QCommandLineOption> options() const override;
    int run(CliContext &context, const QCommandLineParser &parser) override;
};

} // namespace convdesk
