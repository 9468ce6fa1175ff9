#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QStringList>

namespace convdesk::bench {

// Runs a program to completion and times it from just before the start to its exit, or
// to the first output line that begins with `marker` when one is given.
struct ChildProcess
{
    QString program;
    QStringList arguments;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QByteArray input;            // written to standard input, which is then closed
    QByteArray marker;           // stop the clock at this line; the process still runs to its end
    QByteArray earlyMarker;      // also note when this line arrives (before the marker)
    int timeoutMs = 120000;

    struct Result
    {
        bool ok = false;         // started, exited normally with code 0, marker seen if asked
        double wallMs = 0;
        int exitCode = -1;
        QByteArray output;       // standard output
        QByteArray errors;       // standard error
        QByteArray markerLine;   // the marker line, without the newline
        double earlyMs = -1;     // when earlyMarker arrived; -1 when it did not
        QString problem;         // why ok is false
    };

    Result run() const;
};

} // namespace convdesk::bench
