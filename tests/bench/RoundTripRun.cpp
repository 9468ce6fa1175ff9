#include "RoundTripRun.h"

#include "BenchResults.h"
#include "DriverSupport.h"
#include "SecureShellScript.h"
#include "api/RequestSigner.h"

#include <QDateTime>
#include <QDir>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QUrl>

namespace convdesk::bench {

bool RoundTripRun::startCliSandbox(QProcess &process, CliSandbox *sandbox)
{
    process.start(m_config.cliPath, {QStringLiteral("sandbox")});
    if (!process.waitForStarted())
        return false;
    QByteArray output;
    while (!output.contains("Conversations:") || !output.endsWith('\n')) {
        if (!process.waitForReadyRead(10000))
            return false;
        output += process.readAllStandardOutput();
    }
    const QString text = QString::fromUtf8(output);
    for (const QString &line : text.split(u'\n')) {
        if (line.contains(QLatin1String("listening on ")))
            sandbox->url = line.section(QLatin1String("listening on "), 1).trimmed();
        else if (line.startsWith(QLatin1String("AppKey:")))
            sandbox->appKey = line.section(u':', 1).trimmed();
        else if (line.startsWith(QLatin1String("AppSecret:")))
            sandbox->appSecret = line.section(u':', 1).trimmed().section(u' ', 0, 0);
        else if (line.startsWith(QLatin1String("Conversations:")))
            sandbox->conversationId = line.section(u':', 1).section(u',', 0, 0).trimmed();
    }
    return !sandbox->url.isEmpty() && !sandbox->appKey.isEmpty() && !sandbox->appSecret.isEmpty()
        && !sandbox->conversationId.isEmpty();
}

bool RoundTripRun::run()
{
    const QString curlSeries = QStringLiteral("roundtrip/curl");
    const QString cliSeries = QStringLiteral("roundtrip/cli");
    QProcess sandboxProcess;
    CliSandbox sandbox;
    if (!startCliSandbox(sandboxProcess, &sandbox)) {
        m_results.skip(cliSeries, QStringLiteral("convdesk-cli sandbox did not start"));
        return false;
    }
    const auto stopSandbox = qScopeGuard([&sandboxProcess] {
        sandboxProcess.terminate();
        if (!sandboxProcess.waitForFinished(5000)) {
            sandboxProcess.kill();
            sandboxProcess.waitForFinished();
        }
    });

    const QString settings = m_scratch.filePath(QStringLiteral("roundtrip-settings"));
    QDir().mkpath(settings);
    QProcessEnvironment cliEnvironment = QProcessEnvironment::systemEnvironment();
    cliEnvironment.insert(QStringLiteral("XDG_CONFIG_HOME"), settings);
    if (const ChildProcess::Result added =
            storeCliProfile(m_config.cliPath, cliEnvironment, sandbox.url, sandbox.appKey, sandbox.appSecret);
        !added.ok) {
        m_results.skip(cliSeries, QStringLiteral("the profile could not be stored (%1); run under "
                                                 "scripts/with-test-keyring.sh").arg(added.problem));
        progress(m_results.skipReason(cliSeries));
        return false;
    }

    const QString path = QStringLiteral("/im/v2.1/conversations/")
                       + QString::fromLatin1(QUrl::toPercentEncoding(sandbox.conversationId));
    const Credentials credentials{sandbox.appKey, sandbox.appSecret};
    const QString scriptSeries = QStringLiteral("roundtrip/script");
    const SecureShellScript script{QString::fromLatin1(CliProfile), sandbox.url, sandbox.appKey, cliEnvironment};
    bool ok = true;
    for (int run = 0; run < m_config.roundTripRuns; ++run) {
        // curl: the same signed GET, signed afresh (the sandbox rejects a reused trace id).
        const SignatureHeaders signature = RequestSigner::sign(credentials, QDateTime::currentSecsSinceEpoch());
        ChildProcess curl;
        curl.program = m_config.curlPath;
        curl.arguments = {QStringLiteral("-sS"), QStringLiteral("--fail"),
                          QStringLiteral("-H"), QStringLiteral("AppKey: ") + QString::fromLatin1(signature.appKey),
                          QStringLiteral("-H"), QStringLiteral("Nonce: ") + QString::fromLatin1(signature.nonce),
                          QStringLiteral("-H"), QStringLiteral("CurTime: ") + QString::fromLatin1(signature.curTime),
                          QStringLiteral("-H"), QStringLiteral("CheckSum: ") + QString::fromLatin1(signature.checkSum),
                          QStringLiteral("-H"), QStringLiteral("X-custom-traceid: ") + RequestSigner::generateTraceId(),
                          sandbox.url + path};
        const ChildProcess::Result curled = curl.run();
        if (curled.ok && curled.output.contains("\"code\":200")) {
            BenchMetrics metrics;
            metrics.set(QStringLiteral("wall_ms"), curled.wallMs);
            m_results.add(curlSeries, metrics);
        } else {
            m_results.skip(curlSeries, curled.ok ? QString::fromUtf8(curled.output.left(200)) : curled.problem);
            ok = false;
        }

        // The careful shell script: the secret from the keychain, sha1sum, curl.
        const ChildProcess::Result scripted = script.one(sandbox.conversationId).run();
        if (scripted.ok && scripted.output.contains("\"code\":200")) {
            BenchMetrics metrics;
            metrics.set(QStringLiteral("wall_ms"), scripted.wallMs);
            m_results.add(scriptSeries, metrics);
        } else {
            m_results.skip(scriptSeries, scripted.ok ? QString::fromUtf8(scripted.output.left(200)) : scripted.problem);
            ok = false;
        }

        ChildProcess cli;
        cli.program = m_config.cliPath;
        cli.arguments = {QStringLiteral("get"), sandbox.conversationId, QStringLiteral("--profile"),
                         QString::fromLatin1(CliProfile)};
        cli.environment = cliEnvironment;
        const ChildProcess::Result got = cli.run();
        if (got.ok && got.output.contains("\"conversation_id\"")) {
            BenchMetrics metrics;
            metrics.set(QStringLiteral("wall_ms"), got.wallMs);
            m_results.add(cliSeries, metrics);
        } else {
            m_results.skip(cliSeries, got.problem);
            ok = false;
        }

        // Where the CLI's time goes: a bare start (--version), and the keychain read alone.
        ChildProcess version;
        version.program = m_config.cliPath;
        version.arguments = {QStringLiteral("--version")};
        version.environment = cliEnvironment;
        const ChildProcess::Result versioned = version.run();
        if (versioned.ok) {
            BenchMetrics metrics;
            metrics.set(QStringLiteral("wall_ms"), versioned.wallMs);
            m_results.add(QStringLiteral("roundtrip/cli-version"), metrics);
        }
        ChildProcess keychain;
        keychain.program = m_config.self;
        keychain.arguments = {QStringLiteral("--child"), QStringLiteral("keychain-read"), QStringLiteral("--profile"),
                              QString::fromLatin1(CliProfile)};
        keychain.environment = cliEnvironment;
        const ChildProcess::Result read = keychain.run();
        if (auto metrics = childMetrics(read); read.ok && metrics) {
            metrics->set(QStringLiteral("wall_ms"), read.wallMs);
            m_results.add(QStringLiteral("roundtrip/keychain"), *metrics);
        }
    }
    progress(QStringLiteral("round trip: %1 runs each").arg(m_config.roundTripRuns));
    return ok;
}

} // namespace convdesk::bench
