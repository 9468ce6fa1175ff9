// The benchmark driver (see scripts/bench.sh and docs/benchmarks.md). Without --child it
// runs every scenario several times, each run in a fresh process, and writes the table;
// with --child it is one of those processes and prints its figures as one JSON line.
#include "BenchChild.h"
#include "BenchDriver.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstring>
#include <memory>

int main(int argc, char *argv[])
{
    bool child = false;
    bool needsWidgets = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--child") == 0) {
            child = true;
            needsWidgets = i + 1 < argc && convdesk::bench::BenchChild::needsWidgets(argv[i + 1]);
        }
    }
    // Same platform for every run: offscreen, unless the caller chose one.
    if (needsWidgets && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app;
    if (needsWidgets)
        app = std::make_unique<QApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    return child ? convdesk::bench::BenchChild::run(arguments) : convdesk::bench::BenchDriver::run(arguments);
}
