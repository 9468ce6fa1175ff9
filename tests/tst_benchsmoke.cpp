#include "BenchDocument.h"
#include "BenchMetrics.h"
#include "BenchStats.h"
#include "ListScenario.h"
#include "SandboxServer.h"
#include "TreeScenario.h"
#include "json/JsonDocument.h"
#include "models/TreeTextMatcher.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace convdesk;
using namespace convdesk::bench;
using namespace Qt::StringLiterals;

// The benchmark's code paths on tiny inputs (scripts/bench.sh runs them for real), so they
// cannot rot. Checks what the figures are about, never how long anything took.
class TestBenchSmoke : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void statsAreOrderStatistics();
    void metricsSurviveTheirJsonLine();
    void generatedResponseHasItsSizeAndOneNeedle_data();
    void generatedResponseHasItsSizeAndOneNeedle();
    void treeScenarioRunsEveryVariant_data();
    void treeScenarioRunsEveryVariant();
    void listScenarioPagesEveryConversation_data();
    void listScenarioPagesEveryConversation();
    void driverWritesTheReport();
    void driverRunsTheRoundTrip();
    void driverRunsTheBatch();

private:
    static QString runDriver(const QStringList &arguments);
};

void TestBenchSmoke::statsAreOrderStatistics()
{
    const BenchStats odd = BenchStats::of({5, 1, 3, 2, 4});
    QCOMPARE(odd.count, 5);
    QCOMPARE(odd.median, 3.0);
    QCOMPARE(odd.min, 1.0);
    QCOMPARE(odd.max, 5.0);
    QCOMPARE(odd.p95, 5.0);
    QCOMPARE(BenchStats::of({4, 1, 3, 2}).median, 2.5);
    QList<double> hundred;
    for (int i = 1; i <= 100; ++i)
        hundred.append(i);
    QCOMPARE(BenchStats::of(hundred).p95, 95.0);
    QCOMPARE(BenchStats::of({}).count, 0);
}

void TestBenchSmoke::metricsSurviveTheirJsonLine()
{
    BenchMetrics metrics;
    metrics.set(u"first_paint_ms"_s, 12.5);
    metrics.set(u"peak_paint_kb"_s, 40960);
    metrics.set(u"first_paint_ms"_s, 13.5); // replaces
    const auto back = BenchMetrics::fromJsonLine(metrics.toJsonLine());
    QVERIFY(back);
    QCOMPARE(back->value(u"first_paint_ms"_s), std::optional<double>(13.5));
    QCOMPARE(back->value(u"peak_paint_kb"_s), std::optional<double>(40960));
    QVERIFY(!BenchMetrics::fromJsonLine("{\"a\": \"text\"}"));
    QVERIFY(!BenchMetrics::fromJsonLine("not json"));
}

void TestBenchSmoke::generatedResponseHasItsSizeAndOneNeedle_data()
{
    QTest::addColumn<qint64>("size");
    QTest::newRow("16 KB") << qint64(16 * 1024);
    QTest::newRow("200 KB") << qint64(200 * 1024);
}

void TestBenchSmoke::generatedResponseHasItsSizeAndOneNeedle()
{
    QFETCH(qint64, size);
    const QByteArray response = BenchDocument::response(size);
    QVERIFY(response.size() >= size);
    QVERIFY2(response.size() < size + 16 * 1024, qPrintable(QString::number(response.size())));
    QCOMPARE(BenchDocument::response(size), response); // deterministic
    QCOMPARE(response.count(BenchDocument::Needle), 1);
    const auto parsed = Json::parse(response);
    QVERIFY(parsed);
    QCOMPARE((*parsed)["code"].get<int>(), 200);
    QVERIFY((*parsed)["data"]["last_message"]["attachment"]["threads"].is_array());
    QCOMPARE(BenchDocument::parseSize(u"8m"_s), qint64(8 * 1024 * 1024));
    QCOMPARE(BenchDocument::parseSize(u"100k"_s), qint64(100 * 1024));
    QCOMPARE(BenchDocument::parseSize(u"lots"_s), qint64(-1));
}

void TestBenchSmoke::treeScenarioRunsEveryVariant_data()
{
    QTest::addColumn<QString>("variant");
    for (const char *name : {"eager", "lazy", "panel"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestBenchSmoke::treeScenarioRunsEveryVariant()
{
    QFETCH(QString, variant);
    const auto chosen = TreeScenario::variantFromName(variant);
    QVERIFY(chosen);
    TreeScenario::Options options;
    options.expandRows = 200;
    options.scrollSteps = 3;
    const QByteArray response = BenchDocument::response(32 * 1024);
    const BenchMetrics metrics = TreeScenario::run(*chosen, response, options);
    for (const char *figure : {"parse_ms", "model_ms", "first_paint_ms", "expand_ms", "scroll_median_ms",
                               "scroll_p95_ms", "filter_ms", "filter_block_ms", "rss_before_kb", "peak_paint_kb",
                               "peak_end_kb"})
        QVERIFY2(metrics.contains(QString::fromLatin1(figure)), figure);
    QVERIFY(*metrics.value(u"visible_rows"_s) >= 200);
    // Only last_message leads to the needle, whichever model filtered.
    QCOMPARE(*metrics.value(u"filter_top_rows"_s), 1.0);
    QVERIFY(*metrics.value(u"peak_end_kb"_s) >= *metrics.value(u"peak_paint_kb"_s));
    if (*chosen != TreeScenario::Variant::Eager) {
        // Lazy: the first paint built a handful of nodes, expanding built the rows shown, and
        // the filter searched the document itself, building none of the others.
        QVERIFY(*metrics.value(u"nodes_paint"_s) < 100);
        QVERIFY(*metrics.value(u"nodes_end"_s) >= 200);
        const auto document = JsonIndex::parse(response);
        QVERIFY(document);
        const JsonIndex::NodeId data = document->member(JsonIndex::Root, "data");
        QVERIFY(*metrics.value(u"nodes_end"_s) < double(TreeTextMatcher::countValues(*document, data)) / 2);
    }
}

void TestBenchSmoke::listScenarioPagesEveryConversation_data()
{
    QTest::addColumn<QString>("variant");
    QTest::newRow("eager") << u"eager"_s;
    QTest::newRow("browser") << u"browser"_s;
}

void TestBenchSmoke::listScenarioPagesEveryConversation()
{
    QFETCH(QString, variant);
    SandboxServer sandbox;
    for (int i = 0; i < 230; ++i)
        sandbox.putConversation(BenchDocument::listedConversation(u"bench_user"_s, i));
    QVERIFY(sandbox.listen());
    ListScenario::Options options;
    options.sandboxUrl = sandbox.baseUrl();
    options.accountId = u"bench_user"_s;
    options.scrollSteps = 3;
    const auto chosen = ListScenario::variantFromName(variant);
    QVERIFY(chosen);
    const BenchMetrics metrics = ListScenario::run(*chosen, options);
    QCOMPARE(*metrics.value(u"rows"_s), 230.0);
    QCOMPARE(*metrics.value(u"pages"_s), 3.0);
    QVERIFY(metrics.contains(u"first_page_ms"_s));
    QVERIFY(metrics.contains(u"scroll_p95_ms"_s));
}

QString TestBenchSmoke::runDriver(const QStringList &arguments)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return u"no temporary directory"_s;
    const QString out = dir.filePath(u"results.md"_s);
    QProcess driver;
    driver.start(QStringLiteral(CONVDESK_BENCH_PATH), QStringList{u"--smoke"_s, u"--out"_s, out} + arguments);
    if (!driver.waitForFinished(110000) || driver.exitStatus() != QProcess::NormalExit || driver.exitCode() != 0)
        return u"driver failed: "_s + QString::fromUtf8(driver.readAllStandardError().right(2000));
    QFile file(out);
    if (!file.open(QIODevice::ReadOnly))
        return u"no results file"_s;
    return QString::fromUtf8(file.readAll());
}

void TestBenchSmoke::driverWritesTheReport()
{
    const QString report = runDriver({u"--only"_s, u"tree,list,startup"_s});
    QVERIFY2(report.startsWith(u"# Benchmark results"_s), qPrintable(report.left(500)));
    QVERIFY(report.contains(u"Smoke run"_s));
    QVERIFY(report.contains(u"## Goals"_s));
    QVERIFY(report.contains(u"### 48 KB response"_s));
    QVERIFY(report.contains(u"| convdesk --sandbox, fresh settings |"_s));
    // Issue 16's start-up goals, against the window with one line of text of the same run.
    QVERIFY(report.contains(u"| Start-up to a loaded conversation: convdesk ÷ minimal window with one line of text | ≤ 2× |"_s));
    QVERIFY(report.contains(u"| Resident memory with a conversation loaded: convdesk ÷ minimal window with one line of text | ≤ 1.3× |"_s));
    QVERIFY(report.contains(u"| minimal Qt window with one line of text (reference) |"_s));
    QVERIFY(report.contains(u"## Account browser: 250 conversations"_s));
    QVERIFY2(!report.contains(u"failed or were skipped"_s), qPrintable(report));
    QVERIFY(!report.contains(u"not measured"_s));
}

void TestBenchSmoke::driverRunsTheRoundTrip()
{
    // The CLI keeps its secret in the keychain: scripts/test.sh provides one.
    if (qEnvironmentVariable("CONVDESK_TEST_KEYRING_INNER") != u"1")
        QSKIP("needs the private keyring of scripts/with-test-keyring.sh");
    const QString report = runDriver({u"--only"_s, u"roundtrip"_s});
    QVERIFY2(report.contains(u"| convdesk-cli get |"_s), qPrintable(report.left(500)));
    QVERIFY2(report.contains(u"| secure shell script (baseline) |"_s), qPrintable(report));
    QVERIFY2(!report.contains(u"failed or were skipped"_s), qPrintable(report));
    QVERIFY(!report.contains(u"not measured"_s));
}

void TestBenchSmoke::driverRunsTheBatch()
{
    if (qEnvironmentVariable("CONVDESK_TEST_KEYRING_INNER") != u"1")
        QSKIP("needs the private keyring of scripts/with-test-keyring.sh");
    const QString report = runDriver({u"--only"_s, u"batch"_s});
    QVERIFY2(report.contains(u"## 5 conversations from the command line"_s), qPrintable(report.left(500)));
    QVERIFY2(report.contains(u"| convdesk-cli get --ids-from (ours) |"_s), qPrintable(report));
    QVERIFY2(report.contains(u"| 5 conversations from the CLI: loop of the secure shell script"_s), qPrintable(report));
    QVERIFY2(!report.contains(u"failed or were skipped"_s), qPrintable(report));
    QVERIFY(!report.contains(u"not measured"_s));
}

QTEST_MAIN(TestBenchSmoke)
#include "tst_benchsmoke.moc"
