#pragma once

#include "ApiCommand.h"

namespace convdesk {

// list ACCOUNT_ID [--limit N] [--all [--max-pages N]]: an account's conversations, one page
// or all of them; --all stops at a page cap so that an endless series of pages ends.
class ListCommand final : public ApiCommand
{
    Q_DECLARE_TR_FUNCTIONS(ListCommand)
public:
    static constexpr int DefaultMaxPages = 1000;

    ListCommand();
    QString description(const CliContext &context) const override;

protected:
    QList<QCommandLineOption> options() const override;
    QList<Argument> arguments() const override;
    int run(CliContext &context, const QCommandLineParser &parser) override;

private:
    static int printAll(const CliContext &context, OrderedJson items, const QString &nextToken);
};

} // namespace convdesk
