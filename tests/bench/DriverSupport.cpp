#include "DriverSupport.h"

#include <cstdio>

namespace convdesk::bench {

void progress(const QString &text)
{
    std::fprintf(stderr, "[bench] %s\n", qPrintable(text));
    std::fflush(stderr);
}

std::optional<BenchMetrics> childMetrics(const ChildProcess::Result &result)
{
    const QList<QByteArray> lines = result.output.split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("BENCH "))
            return BenchMetrics::fromJsonLine(line.mid(6));
    }
    return std::nullopt;
}

QString startSeededSandbox(QProcess &server, const QString &self, const QString &account, int count)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    server.setProcessEnvironment(environment);
    server.start(self, {QStringLiteral("--child"), QStringLiteral("serve-sandbox"), QStringLiteral("--account"), account,
                        QStringLiteral("--count"), QString::number(count)});
    QByteArray output;
    while (server.waitForReadyRead(60000)) {
        output += server.readAllStandardOutput();
        if (output.contains('\n'))
            break;
    }
    if (!output.startsWith("URL "))
        return {};
    return QString::fromUtf8(output).section(u'\n', 0, 0).section(u' ', 1).trimmed();
}

void stopSeededSandbox(QProcess &server)
{
    if (server.state() == QProcess::NotRunning)
        return;
    server.closeWriteChannel(); // it quits when its standard input closes
    if (!server.waitForFinished(10000)) {
        server.kill();
        server.waitForFinished();
    }
}

ChildProcess::Result storeCliProfile(const QString &cliPath, const QProcessEnvironment &environment,
                                     const QString &endpoint, const QString &appKey, const QString &appSecret)
{
    ChildProcess add;
    add.program = cliPath;
    add.arguments = {QStringLiteral("profile"), QStringLiteral("add"), QString::fromLatin1(CliProfile),
                     QStringLiteral("--endpoint"), endpoint, QStringLiteral("--app-key"), appKey,
                     QStringLiteral("--replace")};
    add.environment = environment;
    add.input = appSecret.toUtf8() + '\n';
    return add.run();
}

} // namespace convdesk::bench
