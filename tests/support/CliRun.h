#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QString>
#include <QStringList>

// One run of a command-line program, to its end, for the tests that start convdesk-cli. The event
// loop keeps running meanwhile, because the sandbox the program talks to lives in the test.
struct CliRun
{
    int exitCode = -1; // -1: it did not start, crashed or was killed after the timeout
    QByteArray out;
    QByteArray err;

    static CliRun execute(const QString &program, const QStringList &arguments, const QByteArray &input = {},
                          const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                          int timeoutMs = 20000)
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setProgram(program);
        process.setArguments(arguments);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start();
        if (!process.waitForStarted())
            return {};
        process.write(input);
        process.closeWriteChannel();
        if (!finished.wait(timeoutMs)) {
            process.kill();
            process.waitForFinished();
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(), process.readAllStandardError()};
    }
};
