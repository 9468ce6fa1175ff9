// The start-up and memory baseline: the least a Qt Widgets program does to show a window.
// Reports like convdesk under CONVDESK_BENCH_EXIT_WHEN_LOADED=1, after its first paint:
// "CONVDESK_BENCH painted", then "CONVDESK_BENCH loaded rss_kb=N peak_kb=N cpu_ms=N".
// With --label the window shows one line of text, to tell what fonts cost on their own.
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QMainWindow>

#include <cstdio>
#include <cstring>

#include <sys/resource.h>

namespace {

qint64 statusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (QByteArray line = status.readLine(); !line.isEmpty(); line = status.readLine()) {
            if (line.startsWith(field))
                return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return 0;
}

void reportAndQuit()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const qint64 cpuMs = (qint64(usage.ru_utime.tv_sec) + usage.ru_stime.tv_sec) * 1000
                       + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
    std::printf("CONVDESK_BENCH painted\nCONVDESK_BENCH loaded rss_kb=%lld peak_kb=%lld cpu_ms=%lld\n",
                statusKb("VmRSS:"), statusKb("VmHWM:"), cpuMs);
    std::fflush(stdout);
    QCoreApplication::exit(0);
}

class FirstPaint final : public QObject
{
protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_reported) {
            m_reported = true;
            QMetaObject::invokeMethod(this, &reportAndQuit, Qt::QueuedConnection);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_reported = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.resize(1200, 760); // the size convdesk opens at
    FirstPaint firstPaint;
    if (argc > 1 && std::strcmp(argv[1], "--label") == 0) {
        auto *label = new QLabel(QStringLiteral("Conversation Desk"), &window);
        window.setCentralWidget(label);
        label->installEventFilter(&firstPaint);
    } else {
        window.installEventFilter(&firstPaint);
    }
    window.show();
    return app.exec();
}
