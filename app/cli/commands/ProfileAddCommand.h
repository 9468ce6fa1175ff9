#pragma once

#include "Command.h"
#include "profiles/Profile.h"

#include <optional>

namespace convdesk {

// profile add NAME (--region | --endpoint) --app-key KEY [--replace]: stores a profile; the
// AppSecret comes from standard input, never from the command line. An existing profile of
// that name (in any case) is replaced only with --replace, and then all or nothing.
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

private:
    // The profile from the options; nullopt after a usage error was printed.
    std::optional<Profile> profileFromOptions(const CliContext &context, const QCommandLineParser &parser) const;
    // Stores secret and settings; `replacing` is the existing profile's name, or empty.
    static int store(const CliContext &context, const Profile &profile, const QString &secret,
                     const QString &replacing);
};

} // namespace convdesk
