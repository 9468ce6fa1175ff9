#include "BenchReport.h"

#include "BenchConfig.h"
#include "BenchDocument.h"
#include "BenchResults.h"

#include <QDateTime>
#include <QFile>
#include <QSysInfo>
#include <QThread>

#include <functional>

namespace convdesk::bench {

namespace {

using Figure = std::function<std::optional<double>(const BenchMetrics &)>;

Figure field(const QString &name, double scale = 1)
{
    return [name, scale](const BenchMetrics &m) -> std::optional<double> {
        const auto value = m.value(name);
        return value ? std::optional<double>(*value * scale) : std::nullopt;
    };
}

Figure difference(const QString &later, const QString &earlier, double scale = 1)
{
    return [later, earlier, scale](const BenchMetrics &m) -> std::optional<double> {
        const auto a = m.value(later);
        const auto b = m.value(earlier);
        return a && b ? std::optional<double>((*a - *b) * scale) : std::nullopt;
    };
}

constexpr double KbToMb = 1.0 / 1024.0;

QString number(double value)
{
    const double magnitude = std::abs(value);
    const int decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2;
    return QString::number(value, 'f', decimals);
}

QString cell(const std::optional<BenchStats> &stats)
{
    if (!stats)
        return QStringLiteral("–");
    if (stats->count == 1 || stats->min == stats->max)
        return number(stats->median);
    return QStringLiteral("%1 [%2–%3]").arg(number(stats->median), number(stats->min), number(stats->max));
}

QString ratioCell(const std::optional<BenchStats> &stats)
{
    if (!stats)
        return QStringLiteral("–");
    if (stats->count == 1 || stats->min == stats->max)
        return number(stats->median) + u'×';
    return QStringLiteral("%1× [%2–%3]").arg(number(stats->median), number(stats->min), number(stats->max));
}

// baseline ÷ ours, run by run.
std::optional<BenchStats> saving(const BenchResults &results, const QString &baseline, const QString &ours,
                                 const Figure &figure)
{
    return results.ratio(baseline, ours, figure);
}

QString firstLineOf(const QString &path, const QString &prefix)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    for (QByteArray line = file.readLine(); !line.isEmpty(); line = file.readLine()) {
        const QString text = QString::fromUtf8(line);
        if (text.startsWith(prefix))
            return text.section(u':', 1).trimmed();
    }
    return {};
}

QString compilerName()
{
#if defined(__clang__)
    return QStringLiteral("Clang %1").arg(QLatin1String(__clang_version__));
#elif defined(__GNUC__)
    return QStringLiteral("GCC %1").arg(QLatin1String(__VERSION__));
#else
    return QStringLiteral("unknown compiler");
#endif
}

struct Goal
{
    QString what;
    QString target;
    std::optional<BenchStats> measured;
    std::function<bool(double)> met;
    bool ratio = true;
};

QString goalRow(const Goal &goal)
{
    QString verdict = QStringLiteral("not measured");
    if (goal.measured)
        verdict = goal.met(goal.measured->median) ? QStringLiteral("met") : QStringLiteral("**missed**");
    return QStringLiteral("| %1 | %2 | %3 | %4 |\n")
        .arg(goal.what, goal.target, goal.ratio ? ratioCell(goal.measured) : cell(goal.measured), verdict);
}

void treeSection(QString &out, const BenchResults &results, const BenchConfig &config)
{
    out += QStringLiteral("\n## Large conversation: the tree\n\n"
                          "One GET-conversation response whose `last_message.attachment` holds an exported chat "
                          "(threads of 20 messages, each with nested objects and arrays, plus a wide lookup "
                          "object). Variants: **eager** = QJsonDocument into a fully built QStandardItemModel under "
                          "a recursive QSortFilterProxyModel (the baseline); **lazy** = ours, JsonIndex::parse "
                          "(simdjson, as the API client parses an answer) into ConversationTreeModel under "
                          "ConversationFilterModel; **panel** = ours "
                          "as the window uses it, ConversationPanel (tree, raw-JSON tab, column sizing, expansion "
                          "restore). Same QTreeView settings, %1×%2 viewport, offscreen. First paint runs from the "
                          "start of parsing to the end of the first painted viewport. Expand: breadth-first until "
                          "at least %3 rows are visible, then paint. Scroll: %4 steps of %5 rows, a full repaint "
                          "each. Filter: text found in one value deep in the last thread, until the result is painted "
                          "(ours searches a large document on a worker thread: waited for, then painted); the longest "
                          "GUI-thread block is the longest gap between the ticks of a 1 ms timer from the keystroke "
                          "to that paint. "
                          "Ratios are baseline ÷ ours: higher is better for ours.\n")
               .arg(1000).arg(700).arg(config.expandRows).arg(config.scrollSteps).arg(3);
    for (const qint64 size : config.sizes) {
        const QString label = BenchDocument::sizeLabel(size);
        const QString eager = QStringLiteral("tree/%1/eager").arg(label);
        const QString lazy = QStringLiteral("tree/%1/lazy").arg(label);
        const QString panel = QStringLiteral("tree/%1/panel").arg(label);
        out += QStringLiteral("\n### %1 response\n\n"
                              "| figure | eager (baseline) | lazy (ours) | panel (ours, window) | eager ÷ lazy | eager ÷ panel |\n"
                              "|---|---|---|---|---|---|\n").arg(label);
        const auto row = [&](const QString &name, const Figure &figure, bool withRatio = true) {
            out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |\n")
                       .arg(name, cell(results.stats(eager, figure)), cell(results.stats(lazy, figure)),
                            cell(results.stats(panel, figure)),
                            withRatio ? ratioCell(saving(results, eager, lazy, figure)) : QStringLiteral("–"),
                            withRatio ? ratioCell(saving(results, eager, panel, figure)) : QStringLiteral("–"));
        };
        row(QStringLiteral("parse (ms)"), field(QStringLiteral("parse_ms")));
        row(QStringLiteral("model ready (ms)"), field(QStringLiteral("model_ms")));
        row(QStringLiteral("**first paint** (ms)"), field(QStringLiteral("first_paint_ms")));
        row(QStringLiteral("**peak RSS at first paint** (MB)"), field(QStringLiteral("peak_paint_kb"), KbToMb));
        row(QStringLiteral("RSS growth to first paint (MB)"),
            difference(QStringLiteral("rss_paint_kb"), QStringLiteral("rss_before_kb"), KbToMb));
        row(QStringLiteral("expand first rows (ms)"), field(QStringLiteral("expand_ms")));
        row(QStringLiteral("rows visible after expanding"), field(QStringLiteral("visible_rows")), false);
        row(QStringLiteral("scroll step, median (ms)"), field(QStringLiteral("scroll_median_ms")));
        row(QStringLiteral("scroll step, p95 (ms)"), field(QStringLiteral("scroll_p95_ms")));
        row(QStringLiteral("scroll step, worst (ms)"), field(QStringLiteral("scroll_max_ms")));
        row(QStringLiteral("filter, until painted (ms)"), field(QStringLiteral("filter_ms")));
        row(QStringLiteral("longest GUI-thread block during the filter (ms)"), field(QStringLiteral("filter_block_ms")));
        row(QStringLiteral("top-level rows left by the filter"), field(QStringLiteral("filter_top_rows")), false);
        row(QStringLiteral("peak RSS, whole run (MB)"), field(QStringLiteral("peak_end_kb"), KbToMb));
        row(QStringLiteral("tree nodes built by first paint"), field(QStringLiteral("nodes_paint")), false);
        row(QStringLiteral("tree nodes built by the end"), field(QStringLiteral("nodes_end")), false);
    }
}

void startupSection(QString &out, const BenchResults &results)
{
    out += QStringLiteral("\n## Start-up and memory\n\n"
                          "From process start (just before exec) to the line the program prints after the first "
                          "paint that shows what it is for: for `convdesk --sandbox`, the tree after the first "
                          "sandbox conversation was loaded over loopback; for the minimal programs "
                          "(tests/bench/minimal_window.cpp: QApplication + a 1200×760 QMainWindow, empty or "
                          "showing one line of text), their first paint. \"first paint\" is the window's first "
                          "paint, before any conversation arrived: what start-up work blocks it shows there. "
                          "Memory is the process's own VmRSS / VmHWM when the conversation is shown. "
                          "\"stored profile\" starts with a profile whose AppSecret is in the keychain, so the "
                          "start-up path includes a keychain read. Ratios are ours ÷ the window with one line of "
                          "text (the reference: any window that shows text loads the font database and shapes "
                          "glyphs), measured in the same run: lower is better.\n\n"
                          "| program | first paint (ms) | window shown (ms) | CPU (ms) | RSS when shown (MB) | peak RSS (MB) "
                          "| first paint ÷ reference | shown ÷ reference | RSS ÷ reference |\n"
                          "|---|---|---|---|---|---|---|---|---|\n");
    const QString reference = QStringLiteral("startup/minimal-label");
    const struct
    {
        QString series;
        QString name;
    } rows[] = {
        {QStringLiteral("startup/minimal"), QStringLiteral("minimal Qt window, empty (no text drawn)")},
        {reference, QStringLiteral("minimal Qt window with one line of text (reference)")},
        {QStringLiteral("startup/gui"), QStringLiteral("convdesk --sandbox, fresh settings")},
        {QStringLiteral("startup/gui-profile"), QStringLiteral("convdesk --sandbox, stored profile")},
    };
    for (const auto &row : rows) {
        if (!results.has(row.series))
            continue;
        const bool isReference = row.series == reference;
        const auto ratio = [&](const QString &figure) {
            return isReference ? QStringLiteral("–") : ratioCell(results.ratio(row.series, reference, figure));
        };
        out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 |\n")
                   .arg(row.name, cell(results.stats(row.series, QStringLiteral("painted_ms"))),
                        cell(results.stats(row.series, QStringLiteral("shown_ms"))),
                        cell(results.stats(row.series, QStringLiteral("cpu_ms"))),
                        cell(results.stats(row.series, field(QStringLiteral("rss_kb"), KbToMb))),
                        cell(results.stats(row.series, field(QStringLiteral("peak_kb"), KbToMb))),
                        ratio(QStringLiteral("painted_ms")), ratio(QStringLiteral("shown_ms")),
                        ratio(QStringLiteral("rss_kb")));
    }
}

void roundTripSection(QString &out, const BenchResults &results)
{
    const QString curl = QStringLiteral("roundtrip/curl");
    const QString script = QStringLiteral("roundtrip/script");
    out += QStringLiteral("\n## Round trip\n\n"
                          "`convdesk-cli get ID` against `convdesk-cli sandbox`, beside `curl` sending the same "
                          "signed GET (fresh Nonce, CurTime, CheckSum and trace id each time, signed by the "
                          "benchmark) and beside the secure shell script `tests/bench/secure-get.sh` (the AppSecret "
                          "from the keychain with secret-tool, sha1sum, curl with the headers on standard input); "
                          "all from process start to exit, output read through a pipe, runs interleaved. The CLI "
                          "and the script read the AppSecret from the keychain (Secret Service over D-Bus, a "
                          "private gnome-keyring) on every run; the last two rows show where the CLI's time goes. "
                          "Ratios are ours ÷ the baseline: lower is better.\n\n"
                          "| command | wall time (ms) | ÷ curl | ÷ secure shell script |\n|---|---|---|---|\n");
    const auto row = [&](const QString &name, const QString &series, const QString &figure = QStringLiteral("wall_ms")) {
        const bool wall = figure == u"wall_ms";
        out += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                   .arg(name, cell(results.stats(series, figure)),
                        wall && series != curl ? ratioCell(results.ratio(series, curl, figure)) : QStringLiteral("–"),
                        wall && series != script ? ratioCell(results.ratio(series, script, figure)) : QStringLiteral("–"));
    };
    row(QStringLiteral("curl (baseline)"), curl);
    row(QStringLiteral("secure shell script (baseline)"), script);
    row(QStringLiteral("convdesk-cli get"), QStringLiteral("roundtrip/cli"));
    row(QStringLiteral("convdesk-cli --version (start and exit only)"), QStringLiteral("roundtrip/cli-version"));
    row(QStringLiteral("keychain read alone, in a fresh process (time inside the process)"),
        QStringLiteral("roundtrip/keychain"), QStringLiteral("keychain_read_ms"));
}

void batchSection(QString &out, const BenchResults &results, const BenchConfig &config)
{
    const QString ours = QStringLiteral("batch/cli");
    out += QStringLiteral("\n## %1 conversations from the command line\n\n"
                          "A sandbox seeded with %1 conversations in its own process and a stored profile. **ours** "
                          "= one `convdesk-cli get --ids-from FILE` (one secret read, one kept-alive connection, "
                          "JSON Lines); **secure shell script, looped** = a bash loop running "
                          "`tests/bench/secure-get.sh` once per ID (the baseline); **convdesk-cli get, looped** = "
                          "a bash loop of single `convdesk-cli get ID` runs. Each from its start to its exit, every "
                          "conversation checked in the output, runs interleaved. Ratios are the loop ÷ ours: "
                          "higher is better for ours.\n\n"
                          "| command | wall time (ms) | per conversation (ms) | loop ÷ ours |\n|---|---|---|---|\n")
               .arg(config.batchCount);
    const double count = std::max(1, config.batchCount);
    const auto row = [&](const QString &name, const QString &series) {
        out += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                   .arg(name, cell(results.stats(series, QStringLiteral("wall_ms"))),
                        cell(results.stats(series, field(QStringLiteral("wall_ms"), 1 / count))),
                        series == ours ? QStringLiteral("–") : ratioCell(results.ratio(series, ours, QStringLiteral("wall_ms"))));
    };
    row(QStringLiteral("convdesk-cli get --ids-from (ours)"), ours);
    row(QStringLiteral("secure shell script, looped (baseline)"), QStringLiteral("batch/script-loop"));
    row(QStringLiteral("convdesk-cli get, looped"), QStringLiteral("batch/cli-loop"));
}

void listSection(QString &out, const BenchResults &results, const BenchConfig &config)
{
    const QString eager = QStringLiteral("list/eager");
    const QString browser = QStringLiteral("list/browser");
    out += QStringLiteral("\n## Account browser: %1 conversations\n\n"
                          "Every page (100 conversations each) of one account, from a sandbox seeded with %1 "
                          "conversations in its own process, appended to a QTableView as pages arrive. "
                          "**eager** = signed QNetworkAccessManager calls, QJsonDocument, five QStandardItems "
                          "per conversation in a plain QTableView (the baseline); **browser** = ours: the window's "
                          "AccountBrowser (ApiClient::listConversations, ConversationListModel behind the proxy "
                          "that sorts by update time), \"Load more\" until the last page. First page shown: from the "
                          "request to the end of the table's first paint with rows in it, wherever the event loop "
                          "ran that paint. Scroll: %2 steps of 3 "
                          "rows, a full repaint each. The CPU times are the process's (all its threads): on a busy "
                          "machine they leave out the waiting for a CPU that the wall-clock times include. Ratios "
                          "are baseline ÷ ours: higher is better for ours.\n\n"
                          "| figure | eager (baseline) | browser (ours) | eager ÷ browser |\n|---|---|---|---|\n")
               .arg(config.listCount).arg(config.scrollSteps);
    const auto row = [&](const QString &name, const Figure &figure, bool withRatio = true) {
        out += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                   .arg(name, cell(results.stats(eager, figure)), cell(results.stats(browser, figure)),
                        withRatio ? ratioCell(saving(results, eager, browser, figure)) : QStringLiteral("–"));
    };
    row(QStringLiteral("first page shown (ms)"), field(QStringLiteral("first_page_ms")));
    row(QStringLiteral("all pages shown (ms)"), field(QStringLiteral("all_pages_ms")));
    row(QStringLiteral("rows"), field(QStringLiteral("rows")), false);
    row(QStringLiteral("scroll step, median (ms)"), field(QStringLiteral("scroll_median_ms")));
    row(QStringLiteral("scroll step, p95 (ms)"), field(QStringLiteral("scroll_p95_ms")));
    row(QStringLiteral("RSS growth with every page shown (MB)"),
        difference(QStringLiteral("rss_end_kb"), QStringLiteral("rss_before_kb"), KbToMb));
    row(QStringLiteral("peak RSS (MB)"), field(QStringLiteral("peak_end_kb"), KbToMb));
    row(QStringLiteral("first page shown, CPU time (ms)"), field(QStringLiteral("first_page_cpu_ms")));
    row(QStringLiteral("all pages shown, CPU time (ms)"), field(QStringLiteral("all_pages_cpu_ms")));
    row(QStringLiteral("scroll step, CPU time, median (ms)"), field(QStringLiteral("scroll_cpu_median_ms")));
    row(QStringLiteral("scroll step, CPU time, p95 (ms)"), field(QStringLiteral("scroll_cpu_p95_ms")));
}

} // namespace

QString BenchReport::loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    return QString::fromLatin1(file.readAll()).section(u' ', 0, 2);
}

QString BenchReport::write(const BenchResults &results, const BenchConfig &config, const QString &loadBefore)
{
    QString out;
    out += QStringLiteral("# Benchmark results\n\n");
    if (config.smoke)
        out += QStringLiteral("**Smoke run: tiny inputs, one run. These figures prove the code paths work; they "
                              "measure nothing.**\n\n");
    out += QStringLiteral("Written by `scripts/bench.sh` (tests/bench) on %1. What the figures mean and what "
                          "follows from them: [benchmarks.md](benchmarks.md).\n\n")
               .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
    QString cpu = firstLineOf(QStringLiteral("/proc/cpuinfo"), QStringLiteral("model name"));
    if (cpu.isEmpty())
        cpu = QSysInfo::currentCpuArchitecture();
    const QString memory = firstLineOf(QStringLiteral("/proc/meminfo"), QStringLiteral("MemTotal"));
    out += QStringLiteral("- Machine: %1, %2 logical CPUs, %3 RAM; %4, kernel %5 (%6)\n")
               .arg(cpu).arg(QThread::idealThreadCount())
               .arg(QStringLiteral("%1 GB").arg(number(memory.section(u' ', 0, 0).toDouble() / 1024 / 1024)),
                    QSysInfo::prettyProductName(), QSysInfo::kernelVersion(), QSysInfo::currentCpuArchitecture());
    out += QStringLiteral("- Build: Qt %1, %2, CMAKE_BUILD_TYPE=%3; GUI runs with QT_QPA_PLATFORM=offscreen\n")
               .arg(QLatin1String(qVersion()), compilerName(), config.buildType.isEmpty() ? QStringLiteral("(none)") : config.buildType);
    out += QStringLiteral("- Load average (1, 5, 15 min) before: %1, after: %2. The machine is shared: read the "
                          "ratios, measured run by run beside their baseline, rather than absolute times.\n")
               .arg(loadBefore, loadAverage());
    out += QStringLiteral("- Every figure: median of %1 runs (round trips: %2) [min–max], each run a fresh process. "
                          "Ratios: computed per run against the baseline run made right beside it, then median "
                          "[min–max].\n")
               .arg(config.runs).arg(config.roundTripRuns);

    // Goals, against the largest response measured.
    const QString largest = config.sizes.isEmpty() ? QString() : BenchDocument::sizeLabel(config.sizes.last());
    const QString eager = QStringLiteral("tree/%1/eager").arg(largest);
    const QString lazy = QStringLiteral("tree/%1/lazy").arg(largest);
    const QString panel = QStringLiteral("tree/%1/panel").arg(largest);
    const auto atLeast = [](double limit) { return [limit](double value) { return value >= limit; }; };
    const auto atMost = [](double limit) { return [limit](double value) { return value <= limit; }; };
    QList<Goal> goals;
    if (config.scenarios.contains(QStringLiteral("tree"))) {
        // Issue 16: the window's first paint at least 20× the eager tree's speed, with at most
        // 0.15 of its peak memory (eager ÷ ours ≥ 1 / 0.15 ≈ 6.7).
        goals << Goal{QStringLiteral("First paint, %1 response: eager ÷ panel (window)").arg(largest), QStringLiteral("≥ 20×"),
                      saving(results, eager, panel, field(QStringLiteral("first_paint_ms"))), atLeast(20)}
              << Goal{QStringLiteral("First paint, %1 response: eager ÷ lazy (models)").arg(largest), QStringLiteral("≥ 20×"),
                      saving(results, eager, lazy, field(QStringLiteral("first_paint_ms"))), atLeast(20)}
              << Goal{QStringLiteral("Peak RSS at first paint, %1: eager ÷ panel").arg(largest),
                      QStringLiteral("≥ 6.7× (ours at most 0.15× of eager)"),
                      saving(results, eager, panel, field(QStringLiteral("peak_paint_kb"))), atLeast(1.0 / 0.15)}
              << Goal{QStringLiteral("Peak RSS at first paint, %1: eager ÷ lazy").arg(largest),
                      QStringLiteral("≥ 6.7× (ours at most 0.15× of eager)"),
                      saving(results, eager, lazy, field(QStringLiteral("peak_paint_kb"))), atLeast(1.0 / 0.15)}
              << Goal{QStringLiteral("Tree scrolling, %1, panel: p95 of a scroll step (ms)").arg(largest), QStringLiteral("≤ 16 ms (one 60 Hz frame)"),
                      results.stats(panel, QStringLiteral("scroll_p95_ms")), atMost(16), false}
              << Goal{QStringLiteral("Filter, rare needle, %1, until painted: eager ÷ panel").arg(largest), QStringLiteral("≥ 2×"),
                      saving(results, eager, panel, field(QStringLiteral("filter_ms"))), atLeast(2)}
              << Goal{QStringLiteral("Filter, %1, panel: longest GUI-thread block (ms)").arg(largest), QStringLiteral("≤ 50 ms"),
                      results.stats(panel, QStringLiteral("filter_block_ms")), atMost(50), false};
    }
    if (config.scenarios.contains(QStringLiteral("startup"))) {
        // Issue 16: against a window that shows one line of text, measured in the same run.
        const QString reference = QStringLiteral("startup/minimal-label");
        goals << Goal{QStringLiteral("Start-up to a loaded conversation: convdesk ÷ minimal window with one line of text"),
                      QStringLiteral("≤ 2×"), results.ratio(QStringLiteral("startup/gui"), reference, QStringLiteral("shown_ms")),
                      atMost(2)};
        if (results.has(QStringLiteral("startup/gui-profile")))
            goals << Goal{QStringLiteral("… with a stored profile (keychain read at start)"), QStringLiteral("≤ 2×"),
                          results.ratio(QStringLiteral("startup/gui-profile"), reference, QStringLiteral("shown_ms")), atMost(2)};
        goals << Goal{QStringLiteral("Resident memory with a conversation loaded: convdesk ÷ minimal window with one line of text"),
                      QStringLiteral("≤ 1.3×"), results.ratio(QStringLiteral("startup/gui"), reference, QStringLiteral("rss_kb")),
                      atMost(1.3)};
    }
    if (config.scenarios.contains(QStringLiteral("roundtrip")))
        goals << Goal{QStringLiteral("Round trip: convdesk-cli get ÷ curl"), QStringLiteral("≤ 1.5×"),
                      results.ratio(QStringLiteral("roundtrip/cli"), QStringLiteral("roundtrip/curl"), QStringLiteral("wall_ms")), atMost(1.5)}
              << Goal{QStringLiteral("One convdesk-cli get ÷ the secure shell script"), QStringLiteral("≤ 0.8×"),
                      results.ratio(QStringLiteral("roundtrip/cli"), QStringLiteral("roundtrip/script"), QStringLiteral("wall_ms")), atMost(0.8)};
    if (config.scenarios.contains(QStringLiteral("batch")))
        goals << Goal{QStringLiteral("%1 conversations from the CLI: loop of the secure shell script ÷ convdesk-cli get --ids-from")
                          .arg(config.batchCount),
                      QStringLiteral("≥ 10×"),
                      results.ratio(QStringLiteral("batch/script-loop"), QStringLiteral("batch/cli"), QStringLiteral("wall_ms")), atLeast(10)};
    if (config.scenarios.contains(QStringLiteral("list"))) {
        const QString listEager = QStringLiteral("list/eager");
        const QString listBrowser = QStringLiteral("list/browser");
        const QString conversations = QStringLiteral("Account browser, %1 conversations").arg(config.listCount);
        goals << Goal{QStringLiteral("%1: first page shown, eager ÷ browser").arg(conversations), QStringLiteral("≥ 1×"),
                      saving(results, listEager, listBrowser, field(QStringLiteral("first_page_ms"))), atLeast(1)}
              << Goal{QStringLiteral("%1: p95 of a scroll step, eager ÷ browser").arg(conversations), QStringLiteral("≥ 1×"),
                      saving(results, listEager, listBrowser, field(QStringLiteral("scroll_p95_ms"))), atLeast(1)}
              << Goal{QStringLiteral("%1: RSS growth with every page shown, eager ÷ browser").arg(conversations),
                      QStringLiteral("≥ 1×"),
                      saving(results, listEager, listBrowser,
                             difference(QStringLiteral("rss_end_kb"), QStringLiteral("rss_before_kb"), KbToMb)),
                      atLeast(1)}
              << Goal{QStringLiteral("%1: p95 of a scroll step (ms)").arg(conversations), QStringLiteral("≤ 16 ms (one 60 Hz frame)"),
                      results.stats(listBrowser, QStringLiteral("scroll_p95_ms")), atMost(16), false};
    }

    out += QStringLiteral("\n## Goals\n\n| goal | target | measured | verdict |\n|---|---|---|---|\n");
    for (const Goal &goal : goals)
        out += goalRow(goal);

    if (config.scenarios.contains(QStringLiteral("tree")))
        treeSection(out, results, config);
    if (config.scenarios.contains(QStringLiteral("startup")))
        startupSection(out, results);
    if (config.scenarios.contains(QStringLiteral("roundtrip")))
        roundTripSection(out, results);
    if (config.scenarios.contains(QStringLiteral("list")))
        listSection(out, results, config);
    if (config.scenarios.contains(QStringLiteral("batch")))
        batchSection(out, results, config);

    const QStringList skipped = results.skippedNotes();
    if (!skipped.isEmpty()) {
        out += QStringLiteral("\n## Runs that failed or were skipped\n\n");
        for (const QString &note : skipped)
            out += QStringLiteral("- %1\n").arg(note);
    }
    return out;
}

} // namespace convdesk::bench
