#pragma once

#include "ApiCommand.h"

namespace convdesk {

// get CONVERSATION_ID: the conversation as JSON, in the server's key order.
// get ID ID... | get --ids-from FILE|-: each as one line of compact JSON, in the order given.
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

private:
    int runBatch(CliContext &context, const QCommandLineParser &parser);
};

} // namespace convdesk
