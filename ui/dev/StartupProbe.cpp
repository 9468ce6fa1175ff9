#include "StartupProbe.h"

#include "AfterNextPaint.h"
#include "ConversationPanel.h"
#include "MainWindow.h"

#include <QCoreApplication>
#include <QFile>
#include <QTimer>
#include <QTreeView>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace convdesk {

namespace {

constexpr int TimeLimitMs = 30000;

qint64 statusKb(const char *field)
{
#ifdef Q_OS_LINUX
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (QByteArray line = status.readLine(); !line.isEmpty(); line = status.readLine()) {
            if (line.startsWith(field))
                return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').value(0).toLongLong();
        }
    }
#else
    Q_UNUSED(field)
#endif
    return 0;
}

void reportPainted()
{
    std::puts("CONVDESK_BENCH painted");
    std::fflush(stdout);
}

void reportAndQuit()
{
    qint64 cpuMs = 0;
#ifdef Q_OS_UNIX
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) == 0)
        cpuMs = (qint64(usage.ru_utime.tv_sec) + usage.ru_stime.tv_sec) * 1000
              + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
#endif
    std::printf("CONVDESK_BENCH loaded rss_kb=%lld peak_kb=%lld cpu_ms=%lld\n", statusKb("VmRSS:"),
                statusKb("VmHWM:"), cpuMs);
    std::fflush(stdout);
    QCoreApplication::exit(0);
}

} // namespace

bool reportWhenLoadedForBenchmark(MainWindow &window)
{
    if (qEnvironmentVariable("CONVDESK_BENCH_EXIT_WHEN_LOADED") != u"1")
        return false;
    auto *limit = new QTimer(&window);
    limit->setSingleShot(true);
    QObject::connect(limit, &QTimer::timeout, &window, [] {
        std::fputs("convdesk: no conversation was shown in time\n", stderr);
        QCoreApplication::exit(1);
    });
    limit->start(TimeLimitMs);
    // Reported once the whole window update has been painted.
    runAfterNextPaint(&window, &reportPainted);
    QObject::connect(&window, &MainWindow::conversationShown, &window, [&window, limit] {
        limit->stop();
        QWidget *viewport = window.conversationPanel()->treeView()->viewport();
        runAfterNextPaint(viewport, &reportAndQuit);
        viewport->update();
    }, Qt::SingleShotConnection);
    return true;
}

} // namespace convdesk
