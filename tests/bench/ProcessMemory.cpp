#include "ProcessMemory.h"

#include <QByteArray>
#include <QFile>

#include <sys/resource.h>

namespace convdesk::bench {

ProcessMemory ProcessMemory::now()
{
    ProcessMemory memory;
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        // One read: /proc files report a size of 0, so readLine loops are the safe way.
        for (QByteArray line = status.readLine(); !line.isEmpty(); line = status.readLine()) {
            const auto valueOf = [&line](const char *prefix) {
                return line.mid(qsizetype(qstrlen(prefix))).trimmed().split(' ').value(0).toLongLong();
            };
            if (line.startsWith("VmRSS:"))
                memory.residentKb = valueOf("VmRSS:");
            else if (line.startsWith("VmHWM:"))
                memory.peakKb = valueOf("VmHWM:");
        }
    }
    if (memory.peakKb == 0) {
        rusage usage{};
        if (getrusage(RUSAGE_SELF, &usage) == 0)
            memory.peakKb = usage.ru_maxrss; // kilobytes on Linux
    }
    return memory;
}

} // namespace convdesk::bench
