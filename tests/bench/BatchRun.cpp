#include "BatchRun.h"

#include "BenchDocument.h"
#include "BenchResults.h"
#include "DriverSupport.h"
#include "SandboxServer.h"
#include "SecureShellScript.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>

namespace convdesk::bench {

namespace {

constexpr char BatchAccount[] = "bench_batch";

// Whether every one of `ids` is a conversation printed in `output`.
bool holdsEvery(const QByteArray &output, const QStringList &ids)
{
    for (const QString &id : ids) {
        if (!output.contains(QByteArray("\"conversation_id\":\"" + id.toUtf8() + '"')))
            return false;
    }
    return true;
}

} // namespace

bool BatchRun::run()
{
    const QString cliSeries = QStringLiteral("batch/cli");
    const QString scriptSeries = QStringLiteral("batch/script-loop");
    const QString cliLoopSeries = QStringLiteral("batch/cli-loop");

    QProcess server;
    const QString url = startSeededSandbox(server, m_config.self, QString::fromLatin1(BatchAccount), m_config.batchCount);
    const auto stopServer = qScopeGuard([&server] { stopSeededSandbox(server); });
    if (url.isEmpty()) {
        m_results.skip(cliSeries, QStringLiteral("the seeded sandbox did not start: %1")
                                      .arg(QString::fromUtf8(server.readAllStandardError())));
        return false;
    }
    QStringList ids;
    for (int index = 0; index < m_config.batchCount; ++index)
        ids << Json::toQString(BenchDocument::listedConversation(QString::fromLatin1(BatchAccount), index)
                                   ["conversation_id"].get<std::string>());
    const QString idFile = m_scratch.filePath(QStringLiteral("batch-ids.txt"));
    QFile list(idFile);
    if (!list.open(QIODevice::WriteOnly) || list.write(ids.join(u'\n').toUtf8() + '\n') < 0)
        return false;
    list.close();

    // A profile of its own, its secret in the keychain, read by both the CLI and the script.
    const QString settings = m_scratch.filePath(QStringLiteral("batch-settings"));
    QDir().mkpath(settings);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), settings);
    const Credentials demo = SandboxServer::demoCredentials();
    if (const ChildProcess::Result added = storeCliProfile(m_config.cliPath, environment, url, demo.appKey, demo.appSecret);
        !added.ok) {
        m_results.skip(cliSeries, QStringLiteral("the profile could not be stored (%1); run under "
                                                 "scripts/with-test-keyring.sh").arg(added.problem));
        progress(m_results.skipReason(cliSeries));
        return false;
    }
    const SecureShellScript script{QString::fromLatin1(CliProfile), url, demo.appKey, environment};

    bool ok = true;
    const auto measure = [&](const QString &series, const ChildProcess &child, const QByteArray &expected) {
        progress(QStringLiteral("%1 (%2 conversations)").arg(series).arg(ids.size()));
        const ChildProcess::Result result = child.run();
        const bool complete = result.ok && (expected.isEmpty() ? holdsEvery(result.output, ids)
                                                               : result.output.count(expected) == ids.size());
        if (!complete) {
            m_results.skip(series, result.ok ? QStringLiteral("not every conversation was printed") : result.problem);
            ok = false;
            return;
        }
        BenchMetrics metrics;
        metrics.set(QStringLiteral("wall_ms"), result.wallMs);
        m_results.add(series, metrics);
    };
    for (int run = 0; run < m_config.runs; ++run) {
        ChildProcess batch;
        batch.program = m_config.cliPath;
        batch.arguments = {QStringLiteral("get"), QStringLiteral("--ids-from"), idFile, QStringLiteral("--profile"),
                           QString::fromLatin1(CliProfile)};
        batch.environment = environment;
        measure(cliSeries, batch, {});
        measure(scriptSeries, script.loop(ids), "\"code\":200");

        ChildProcess cliLoop;
        cliLoop.program = QStringLiteral("bash");
        cliLoop.arguments = {QStringLiteral("-c"),
                             QStringLiteral("while IFS= read -r id; do \"$0\" get \"$id\" --profile \"$1\" || exit; done"),
                             m_config.cliPath, QString::fromLatin1(CliProfile)};
        cliLoop.environment = environment;
        cliLoop.input = ids.join(u'\n').toUtf8() + '\n';
        cliLoop.timeoutMs = 600000;
        measure(cliLoopSeries, cliLoop, "\"conversation_id\": ");
    }
    return ok;
}

} // namespace convdesk::bench
