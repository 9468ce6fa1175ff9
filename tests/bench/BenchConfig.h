#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace convdesk::bench {

// What one benchmark invocation measures, from the command line of convdesk_bench.
struct BenchConfig
{
    int runs = 5;
    int roundTripRuns = 20;   // a round trip takes milliseconds: more runs, same wall time
    QList<qint64> sizes;      // response sizes for the tree
    QSet<QString> scenarios;  // tree, list, startup, roundtrip, batch
    int expandRows = 10000;
    int scrollSteps = 200;
    int listCount = 10000;
    int batchCount = 200;     // conversations asked for in one batch run
    QString outPath;
    QString self;             // this program, re-invoked for every measured run
    QString guiPath;
    QString cliPath;
    QString minimalPath;
    QString curlPath;
    QString buildType;
    bool smoke = false;       // tiny inputs, one run: proves the code paths, measures nothing

    static QStringList allScenarios();
};

} // namespace convdesk::bench
