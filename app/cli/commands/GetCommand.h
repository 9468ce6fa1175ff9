#pragma once

#include "ApiCommand.h"

namespace convdesk {

// get CONVERSATION_ID: the conversation as JSON, in the server's key order.
class GetCommand final : public ApiCommand
{
    Q_DECLARE_TR_FUNCTIONS(GetCommand)
public:
    GetCommand();
    QString description(const CliContext &context) const override;

protected:
    QList<QCommandLineOption> options() const override;
    QList<Argument> arguments() const override;
    int run(CliContext &context, const QCommandLineParser &parser) override;
};

} // namespace convdesk
