#include "BenchDriver.h"

#include "BatchRun.h"
#include "BenchConfig.h"
#include "BenchDocument.h"
#include "BenchReport.h"
#include "BenchResults.h"
#include "ChildProcess.h"
#include "DriverSupport.h"
#include "ListScenario.h"
#include "RoundTripRun.h"
#include "TreeScenario.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace convdesk::bench {

namespace {

constexpr char ListAccount[] = "bench_user";

// "CONVDESK_BENCH loaded rss_kb=1 peak_kb=2 cpu_ms=3" -> rss_kb, peak_kb, cpu_ms.
BenchMetrics probeMetrics(const QByteArray &line)
{
    BenchMetrics metrics;
    const QList<QByteArray> words = line.split(' ');
    for (const QByteArray &word : words) {
        const qsizetype equals = word.indexOf('=');
        if (equals > 0)
            metrics.set(QString::fromLatin1(word.left(equals)), word.mid(equals + 1).toDouble());
    }
    return metrics;
}

QProcessEnvironment offscreenEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("qt.qpa.*=false"));
    return environment;
}

class Driver
{
public:
    Driver(const BenchConfig &config) : m_config(config) {}

    bool runAll()
    {
        if (!m_scratch.isValid()) {
            progress(QStringLiteral("no temporary directory: %1").arg(m_scratch.errorString()));
            return false;
        }
        bool ok = true;
        if (m_config.scenarios.contains(QStringLiteral("tree")))
            ok &= runTree();
        if (m_config.scenarios.contains(QStringLiteral("startup")))
            ok &= runStartup();
        if (m_config.scenarios.contains(QStringLiteral("roundtrip")))
            ok &= runRoundTrip();
        if (m_config.scenarios.contains(QStringLiteral("list")))
            ok &= runList();
        if (m_config.scenarios.contains(QStringLiteral("batch")))
            ok &= BatchRun(m_config, m_scratch, m_results).run();
        return ok;
    }

    const BenchResults &results() const { return m_results; }

private:
    bool measureChild(const QString &series, const QStringList &arguments)
    {
        ChildProcess child;
        child.program = m_config.self;
        child.arguments = arguments;
        child.environment = offscreenEnvironment();
        child.timeoutMs = 600000;
        const ChildProcess::Result result = child.run();
        const auto metrics = childMetrics(result);
        if (!result.ok || !metrics) {
            const QString why = result.ok ? QStringLiteral("no figures in the output") : result.problem;
            progress(QStringLiteral("%1 failed: %2").arg(series, why));
            m_results.skip(series, why);
            return false;
        }
        m_results.add(series, *metrics);
        return true;
    }

    bool runTree()
    {
        bool ok = true;
        const QStringList variants = {QStringLiteral("eager"), QStringLiteral("lazy"), QStringLiteral("panel")};
        for (const qint64 size : m_config.sizes) {
            const QString label = BenchDocument::sizeLabel(size);
            const QString path = m_scratch.filePath(QStringLiteral("response-%1.json").arg(size));
            QFile file(path);
            const QByteArray response = BenchDocument::response(size);
            if (!file.open(QIODevice::WriteOnly) || file.write(response) != response.size()) {
                progress(QStringLiteral("cannot write %1").arg(path));
                return false;
            }
            file.close();
            progress(QStringLiteral("tree %1: %2 bytes").arg(label).arg(response.size()));
            for (int run = 0; run < m_config.runs; ++run) {
                for (const QString &variant : variants) {
                    const QString series = QStringLiteral("tree/%1/%2").arg(label, variant);
                    progress(QStringLiteral("%1, run %2").arg(series).arg(run + 1));
                    ok &= measureChild(series, {QStringLiteral("--child"), QStringLiteral("tree"),
                                                QStringLiteral("--variant"), variant,
                                                QStringLiteral("--input"), path,
                                                QStringLiteral("--expand-rows"), QString::number(m_config.expandRows),
                                                QStringLiteral("--scroll-steps"), QString::number(m_config.scrollSteps)});
                }
            }
        }
        return ok;
    }

    // A settings directory in which `convdesk-cli profile add` stored a profile (its secret in
    // the keychain), so that the GUI starts the way a configured install does.
    QString configuredSettings()
    {
        if (!m_configuredSettings.isEmpty())
            return m_configuredSettings;
        const QString dir = m_scratch.filePath(QStringLiteral("configured"));
        QDir().mkpath(dir);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir);
        const ChildProcess::Result result = storeCliProfile(m_config.cliPath, environment,
                                                            QStringLiteral("http://127.0.0.1:9"),
                                                            QStringLiteral("benchkey"), QStringLiteral("bench-secret"));
        if (!result.ok) {
            m_results.skip(QStringLiteral("startup/gui-profile"), QStringLiteral("no keychain to store a profile in (%1)")
                                                                       .arg(result.problem));
            return {};
        }
        m_configuredSettings = dir;
        return dir;
    }

    bool runStartup()
    {
        bool ok = true;
        struct Variant
        {
            QString series;
            QString program;
            QStringList arguments;
            bool storedProfile;
        };
        QList<Variant> variants = {
            {QStringLiteral("startup/minimal"), m_config.minimalPath, {}, false},
            {QStringLiteral("startup/minimal-label"), m_config.minimalPath, {QStringLiteral("--label")}, false},
            {QStringLiteral("startup/gui"), m_config.guiPath, {QStringLiteral("--sandbox")}, false},
        };
        if (!m_config.smoke) {
            if (configuredSettings().isEmpty())
                progress(QStringLiteral("startup with a stored profile skipped: %1")
                             .arg(m_results.skipReason(QStringLiteral("startup/gui-profile"))));
            else
                variants.append({QStringLiteral("startup/gui-profile"), m_config.guiPath, {QStringLiteral("--sandbox")}, true});
        }
        for (int run = 0; run < m_config.runs; ++run) {
            for (const Variant &variant : variants) {
                progress(QStringLiteral("%1, run %2").arg(variant.series).arg(run + 1));
                // Fresh settings every run; a configured run starts from a copy of the profile.
                const QString settings = m_scratch.filePath(QStringLiteral("settings-%1-%2")
                                                                .arg(variant.series.section(u'/', 1)).arg(run));
                QDir().mkpath(settings);
                if (variant.storedProfile)
                    copyTree(configuredSettings(), settings);
                ChildProcess child;
                child.program = variant.program;
                child.arguments = variant.arguments;
                child.environment = offscreenEnvironment();
                child.environment.insert(QStringLiteral("XDG_CONFIG_HOME"), settings);
                child.environment.insert(QStringLiteral("CONVDESK_BENCH_EXIT_WHEN_LOADED"), QStringLiteral("1"));
                child.marker = "CONVDESK_BENCH loaded";
                child.earlyMarker = "CONVDESK_BENCH painted";
                child.timeoutMs = 60000;
                const ChildProcess::Result result = child.run();
                if (!result.ok) {
                    progress(QStringLiteral("%1 failed: %2").arg(variant.series, result.problem));
                    m_results.skip(variant.series, result.problem);
                    ok = false;
                    continue;
                }
                BenchMetrics metrics = probeMetrics(result.markerLine);
                metrics.set(QStringLiteral("shown_ms"), result.wallMs);
                if (result.earlyMs >= 0)
                    metrics.set(QStringLiteral("painted_ms"), result.earlyMs);
                m_results.add(variant.series, metrics);
            }
        }
        return ok;
    }

    static void copyTree(const QString &from, const QString &to)
    {
        const QDir source(from);
        for (const QFileInfo &entry : source.entryInfoList(QDir::NoDotAndDotDot | QDir::AllEntries)) {
            const QString target = QDir(to).filePath(entry.fileName());
            if (entry.isDir()) {
                QDir().mkpath(target);
                copyTree(entry.filePath(), target);
            } else {
                QFile::copy(entry.filePath(), target);
            }
        }
    }

    bool runRoundTrip() { return RoundTripRun(m_config, m_scratch, m_results).run(); }

    bool runList()
    {
        QProcess server;
        const QString url = startSeededSandbox(server, m_config.self, QString::fromLatin1(ListAccount), m_config.listCount);
        const auto stopServer = qScopeGuard([&server] { stopSeededSandbox(server); });
        if (url.isEmpty()) {
            m_results.skip(QStringLiteral("list/browser"), QStringLiteral("the seeded sandbox did not start: %1")
                                                            .arg(QString::fromUtf8(server.readAllStandardError())));
            return false;
        }
        bool ok = true;
        for (int run = 0; run < m_config.runs; ++run) {
            for (const QString &variant : {QStringLiteral("eager"), QStringLiteral("browser")}) {
                const QString series = QStringLiteral("list/%1").arg(variant);
                progress(QStringLiteral("%1, run %2").arg(series).arg(run + 1));
                ok &= measureChild(series, {QStringLiteral("--child"), QStringLiteral("list"),
                                            QStringLiteral("--variant"), variant, QStringLiteral("--url"), url,
                                            QStringLiteral("--account"), QString::fromLatin1(ListAccount),
                                            QStringLiteral("--scroll-steps"), QString::number(m_config.scrollSteps)});
            }
        }
        return ok;
    }

    BenchConfig m_config;
    QTemporaryDir m_scratch;
    BenchResults m_results;
    QString m_configuredSettings;
};

QString defaultPath(const char *compiled, const QString &name)
{
    const QString path = QString::fromLocal8Bit(compiled);
    return QFile::exists(path) ? path : QStandardPaths::findExecutable(name);
}

} // namespace

int BenchDriver::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Conversation Desk benchmarks: every figure beside a baseline measured in the same run.\n"
        "Run it through scripts/bench.sh (a Release build, a private keyring for the CLI)."));
    parser.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per figure (default 5)."), QStringLiteral("n"));
    const QCommandLineOption sizesOption(QStringLiteral("sizes"), QStringLiteral("Response sizes (default 100k,1m,8m)."), QStringLiteral("list"));
    const QCommandLineOption onlyOption(QStringLiteral("only"), QStringLiteral("Scenarios: tree,startup,roundtrip,list,batch (default all)."), QStringLiteral("list"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Write the report here too."), QStringLiteral("file"));
    const QCommandLineOption guiOption(QStringLiteral("gui"), QStringLiteral("The convdesk program."), QStringLiteral("path"));
    const QCommandLineOption cliOption(QStringLiteral("cli"), QStringLiteral("The convdesk-cli program."), QStringLiteral("path"));
    const QCommandLineOption minimalOption(QStringLiteral("minimal"), QStringLiteral("The minimal Qt window program."), QStringLiteral("path"));
    const QCommandLineOption curlOption(QStringLiteral("curl"), QStringLiteral("curl (default: from PATH)."), QStringLiteral("path"));
    const QCommandLineOption smokeOption(QStringLiteral("smoke"), QStringLiteral("One run on tiny inputs: checks that every path works, measures nothing."));
    parser.addOptions({runsOption, sizesOption, onlyOption, outOption, guiOption, cliOption, minimalOption, curlOption, smokeOption});
    parser.process(arguments);

    BenchConfig config;
    config.self = QCoreApplication::applicationFilePath();
    config.smoke = parser.isSet(smokeOption);
    config.guiPath = parser.isSet(guiOption) ? parser.value(guiOption) : defaultPath(CONVDESK_BENCH_GUI, QStringLiteral("convdesk"));
    config.cliPath = parser.isSet(cliOption) ? parser.value(cliOption) : defaultPath(CONVDESK_BENCH_CLI, QStringLiteral("convdesk-cli"));
    config.minimalPath = parser.isSet(minimalOption) ? parser.value(minimalOption)
                                                     : defaultPath(CONVDESK_BENCH_MINIMAL, QStringLiteral("convdesk_minimal_window"));
    config.curlPath = parser.isSet(curlOption) ? parser.value(curlOption) : QStandardPaths::findExecutable(QStringLiteral("curl"));
    config.buildType = QStringLiteral(CONVDESK_BENCH_BUILD_TYPE);
    config.outPath = parser.value(outOption);

    QStringList scenarios = parser.isSet(onlyOption) ? parser.value(onlyOption).split(u',', Qt::SkipEmptyParts)
                                                     : BenchConfig::allScenarios();
    for (const QString &scenario : scenarios) {
        if (!BenchConfig::allScenarios().contains(scenario)) {
            std::fprintf(stderr, "convdesk_bench: unknown scenario \"%s\"\n", qPrintable(scenario));
            return 2;
        }
        config.scenarios.insert(scenario);
    }
    const QString sizes = parser.isSet(sizesOption) ? parser.value(sizesOption) : QStringLiteral("100k,1m,8m");
    for (const QString &size : sizes.split(u',', Qt::SkipEmptyParts)) {
        const qint64 bytes = BenchDocument::parseSize(size);
        if (bytes <= 0) {
            std::fprintf(stderr, "convdesk_bench: \"%s\" is not a size (e.g. 100k, 8m)\n", qPrintable(size));
            return 2;
        }
        config.sizes.append(bytes);
    }
    if (parser.isSet(runsOption)) {
        config.runs = parser.value(runsOption).toInt();
        if (config.runs < 1) {
            std::fprintf(stderr, "convdesk_bench: --runs must be at least 1\n");
            return 2;
        }
        config.roundTripRuns = std::max(config.runs, config.runs * 4);
    }
    if (config.smoke) {
        config.runs = 1;
        config.roundTripRuns = 1;
        if (!parser.isSet(sizesOption))
            config.sizes = {48 * 1024};
        config.expandRows = 300;
        config.scrollSteps = 5;
        config.listCount = 250;
        config.batchCount = 5;
    }

    const QString machineBefore = BenchReport::loadAverage();
    Driver driver(config);
    const bool ok = driver.runAll();
    const QString report = BenchReport::write(driver.results(), config, machineBefore);
    std::fputs(qPrintable(report), stdout);
    if (!config.outPath.isEmpty()) {
        QFile out(config.outPath);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(report.toUtf8()) < 0) {
            std::fprintf(stderr, "convdesk_bench: cannot write %s: %s\n", qPrintable(config.outPath),
                         qPrintable(out.errorString()));
            return 1;
        }
    }
    return ok ? 0 : 1;
}

} // namespace convdesk::bench
