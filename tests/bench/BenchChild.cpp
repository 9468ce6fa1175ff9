#include "BenchChild.h"

#include "BenchDocument.h"
#include "ListScenario.h"
#include "ProcessMemory.h"
#include "SandboxServer.h"
#include "TreeScenario.h"
#include "json/JsonIndex.h"
#include "platform/AppIdentity.h"
#include "secrets/KeychainSecretStore.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QSocketNotifier>

#include <cstdio>
#include <cstring>

namespace convdesk::bench {

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "convdesk_bench child: %s\n", qPrintable(message));
    return 2;
}

int report(const BenchMetrics &metrics)
{
    std::printf("BENCH %s\n", metrics.toJsonLine().constData());
    std::fflush(stdout);
    return 0;
}

int intOption(const QCommandLineParser &parser, const QString &name, int fallback)
{
    return parser.isSet(name) ? parser.value(name).toInt() : fallback;
}

int runTree(const QCommandLineParser &parser)
{
    const auto variant = TreeScenario::variantFromName(parser.value(QStringLiteral("variant")));
    if (!variant)
        return fail(QStringLiteral("--variant must be eager, lazy or panel"));
    QFile input(parser.value(QStringLiteral("input")));
    if (!input.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read %1: %2").arg(input.fileName(), input.errorString()));
    // As ApiCall hands a body on: with room after it for the parser to read past its end
    // (the same bytes for every variant; the copy made here frees the first read).
    QByteArray response = input.readAll();
    response.reserve(response.size() + JsonIndex::Padding);
    TreeScenario::Options options;
    options.expandRows = intOption(parser, QStringLiteral("expand-rows"), options.expandRows);
    options.scrollSteps = intOption(parser, QStringLiteral("scroll-steps"), options.scrollSteps);
    return report(TreeScenario::run(*variant, response, options));
}

int runList(const QCommandLineParser &parser)
{
    const auto variant = ListScenario::variantFromName(parser.value(QStringLiteral("variant")));
    if (!variant)
        return fail(QStringLiteral("--variant must be eager or browser"));
    ListScenario::Options options;
    options.sandboxUrl = QUrl(parser.value(QStringLiteral("url")));
    options.accountId = parser.value(QStringLiteral("account"));
    options.scrollSteps = intOption(parser, QStringLiteral("scroll-steps"), options.scrollSteps);
    if (!options.sandboxUrl.isValid() || options.accountId.isEmpty())
        return fail(QStringLiteral("list needs --url and --account"));
    return report(ListScenario::run(*variant, options));
}

// A sandbox seeded with `count` conversations of one account, in its own process so that
// its memory and CPU are not the measured client's. Serves until standard input closes.
int serveSandbox(const QCommandLineParser &parser)
{
    const QString account = parser.value(QStringLiteral("account"));
    const int count = intOption(parser, QStringLiteral("count"), 0);
    if (account.isEmpty() || count <= 0)
        return fail(QStringLiteral("serve-sandbox needs --account and --count"));
    SandboxServer sandbox;
    for (int i = 0; i < count; ++i)
        sandbox.putConversation(BenchDocument::listedConversation(account, i));
    if (!sandbox.listen())
        return fail(sandbox.errorString());
    std::printf("URL %s\n", qPrintable(sandbox.baseUrl().toString()));
    std::fflush(stdout);
    QSocketNotifier input(0, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &input, [&input] {
        char buffer[256];
        if (std::fread(buffer, 1, sizeof buffer, stdin) == 0) {
            input.setEnabled(false);
            QCoreApplication::quit();
        }
    });
    return QCoreApplication::exec();
}

// Writes a response of --size bytes to --output, for profiling one scenario by hand.
int generate(const QCommandLineParser &parser)
{
    const qint64 size = BenchDocument::parseSize(parser.value(QStringLiteral("size")));
    QFile output(parser.value(QStringLiteral("output")));
    if (size <= 0 || !output.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("generate needs --size (e.g. 8m) and a writable --output"));
    output.write(BenchDocument::response(size));
    return 0;
}

// What the CLI pays for its secret on every run: one blocking read, D-Bus connection included.
int readKeychain(const QCommandLineParser &parser)
{
    AppIdentity::apply();
    QElapsedTimer clock;
    clock.start();
    KeychainSecretStore store(AppIdentity::keychainService());
    const SecretResult result = store.readBlocking(parser.value(QStringLiteral("profile")));
    BenchMetrics metrics;
    metrics.set(QStringLiteral("keychain_read_ms"), double(clock.nsecsElapsed()) / 1e6);
    metrics.set(QStringLiteral("keychain_ok"), result.ok() ? 1 : 0);
    if (!result.ok())
        std::fprintf(stderr, "keychain read failed: %s\n", qPrintable(result.message));
    return report(metrics);
}

} // namespace

bool BenchChild::needsWidgets(const char *scenario)
{
    return std::strcmp(scenario, "tree") == 0 || std::strcmp(scenario, "list") == 0;
}

int BenchChild::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QStringList valued = {QStringLiteral("child"), QStringLiteral("variant"), QStringLiteral("input"),
                                QStringLiteral("expand-rows"), QStringLiteral("scroll-steps"), QStringLiteral("url"),
                                QStringLiteral("account"), QStringLiteral("count"), QStringLiteral("profile"),
                                QStringLiteral("size"), QStringLiteral("output")};
    for (const QString &name : valued)
        parser.addOption(QCommandLineOption(name, name, QStringLiteral("value")));
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    const QString scenario = parser.value(QStringLiteral("child"));
    if (scenario == u"tree")
        return runTree(parser);
    if (scenario == u"list")
        return runList(parser);
    if (scenario == u"serve-sandbox")
        return serveSandbox(parser);
    if (scenario == u"generate")
        return generate(parser);
    if (scenario == u"keychain-read")
        return readKeychain(parser);
    return fail(QStringLiteral("unknown scenario \"%1\"").arg(scenario));
}

} // namespace convdesk::bench
