#pragma once

#include <QtGlobal>

namespace convdesk::bench {

// This process's memory, from /proc/self/status (Linux); 0 where it cannot be read.
struct ProcessMemory
{
    qint64 residentKb = 0; // VmRSS: resident now
    qint64 peakKb = 0;     // VmHWM: the high-water mark of VmRSS since the process started

    static ProcessMemory now();
};

} // namespace convdesk::bench
