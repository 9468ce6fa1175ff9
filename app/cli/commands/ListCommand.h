#pragma once

#include "ApiCommand.h"

namespace convdesk {

// list ACCOUNT_ID [--limit N] [--all]: an account's conversations, one page or all of them.
class ListCommand final : public ApiCommand
{
    Q_DECLARE_TR_FUNCTIONS(ListCommand)
public:
    ListCommand();
    QString description(const CliContext &context) const override;

protected:
    QList<QCommandLineOption> options() const override;
    QList<Argument> arguments() const override;
    int run(CliContext &context, const QCommandLineParser &parser) override;
};

} // namespace convdesk
