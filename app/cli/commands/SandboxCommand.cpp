#include "SandboxCommand.h"

#include "SandboxCertificate.h"
#include "SandboxServer.h"

namespace convdesk {

SandboxCommand::SandboxCommand()
    : Command(QStringLiteral("sandbox"))
{
}

QString SandboxCommand::description(const CliContext &) const
{
    return tr("Run the built-in simulator of the API on 127.0.0.1 until stopped with Ctrl+C.");
}

QList<QCommandLineOption> SandboxCommand::options() const
{
    return {
        option(QStringLiteral("port"), tr("Port for the sandbox (default: any free port)."), tr("port")),
        option(QStringLiteral("https"),
               tr("Serve https with a self-signed certificate (a profile trusts it with --ca-file).")),
    };
}

int SandboxCommand::run(CliContext &context, const QCommandLineParser &parser)
{
    if (!parser.positionalArguments().isEmpty())
        return usageError(context, tr("sandbox takes no arguments."));
    quint16 port = 0;
    if (parser.isSet(QStringLiteral("port"))) {
        bool numeric = false;
        const uint value = parser.value(QStringLiteral("port")).toUInt(&numeric);
        if (!numeric || value > 65535)
            return usageError(context, tr("--port must be a number from 0 to 65535."));
        port = quint16(value);
    }
    SandboxServer sandbox;
    QString caOption; // what a profile adds to trust this sandbox
    if (parser.isSet(QStringLiteral("https"))) {
        QString problem;
        const std::optional<SandboxCertificate> certificate =
            SandboxCertificate::ensure(SandboxCertificate::defaultFolder(), &problem);
        if (!certificate || !sandbox.setTlsCertificate(certificate->certificateFile, certificate->privateKeyFile)) {
            context.printErr(tr("convdesk-cli: the sandbox cannot serve https: %1")
                                 .arg(certificate ? sandbox.errorString() : problem));
            return ExitTransport; // like a sandbox that cannot listen
        }
        caOption = QStringLiteral(" --ca-file '%1'").arg(certificate->certificateFile);
    }
    if (!sandbox.listen(QHostAddress::LocalHost, port)) {
        context.printErr(tr("convdesk-cli: the sandbox could not listen: %1").arg(sandbox.errorString()));
        return ExitTransport;
    }
    const Credentials demo = SandboxServer::demoCredentials();
    const QString url = sandbox.baseUrl().toString();
    context.printOut(tr("Conversation Desk sandbox listening on %1\n"
                        "AppKey:    %2\n"
                        "AppSecret: %3   (a public demo value, not a real secret)\n"
                        "Conversations: %4\n"
                        "\n"
                        "Try:\n"
                        "  printf %s %3 | convdesk-cli profile add sandbox --endpoint %1 --app-key %2%6\n"
                        "  convdesk-cli get '%5' --profile sandbox\n"
                        "Stop with Ctrl+C.\n")
                         .arg(url, demo.appKey, demo.appSecret, sandbox.conversationIds().join(QLatin1String(", ")),
                              sandbox.conversationIds().value(0), caOption)
                         .toUtf8());
    return QCoreApplication::exec();
}

} // namespace convdesk
