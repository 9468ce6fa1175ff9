#pragma once

#include "FuzzEntries.h"

#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace convdesk::FuzzEntries {

// The body of LLVMFuzzerTestOneInput: a broken property is a crash, so libFuzzer keeps
// the input as a crasher.
inline int runTarget(QString (*entry)(QByteArrayView), const uint8_t *data, size_t size)
{
    const QString problem = entry(QByteArrayView(data, qsizetype(size)));
    if (!problem.isEmpty()) {
        std::fprintf(stderr, "fuzz property broken: %s\n", problem.toLocal8Bit().constData());
        std::abort();
    }
    return 0;
}

} // namespace convdesk::FuzzEntries
