#include "ChildProcess.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QProcess>

namespace convdesk::bench {

ChildProcess::Result ChildProcess::run() const
{
    Result result;
    QProcess process;
    process.setProcessEnvironment(environment);
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    if (!process.waitForStarted(timeoutMs)) {
        result.problem = QStringLiteral("%1 did not start: %2").arg(program, process.errorString());
        return result;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();

    const QDeadlineTimer deadline(timeoutMs);
    if (!marker.isEmpty()) {
        QByteArray pending;
        while (result.markerLine.isEmpty() && !deadline.hasExpired()) {
            if (!process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
                break;
            pending += process.readAllStandardOutput();
            for (qsizetype end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
                const QByteArray line = pending.left(end);
                pending.remove(0, end + 1);
                result.output += line + '\n';
                if (result.earlyMs < 0 && !earlyMarker.isEmpty() && line.startsWith(earlyMarker))
                    result.earlyMs = double(clock.nsecsElapsed()) / 1e6;
                if (result.markerLine.isEmpty() && line.startsWith(marker)) {
                    result.wallMs = double(clock.nsecsElapsed()) / 1e6;
                    result.markerLine = line;
                }
            }
        }
        result.output += pending;
    }
    if (!process.waitForFinished(int(qMax<qint64>(1, deadline.remainingTime())))) {
        process.kill();
        process.waitForFinished();
        result.problem = QStringLiteral("%1 timed out").arg(program);
    }
    if (marker.isEmpty())
        result.wallMs = double(clock.nsecsElapsed()) / 1e6;
    result.output += process.readAllStandardOutput();
    result.errors = process.readAllStandardError();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    if (result.problem.isEmpty() && result.exitCode != 0)
        result.problem = QStringLiteral("%1 exited with %2: %3")
                             .arg(program).arg(result.exitCode).arg(QString::fromUtf8(result.errors.trimmed()));
    if (result.problem.isEmpty() && !marker.isEmpty() && result.markerLine.isEmpty())
        result.problem = QStringLiteral("%1 never printed %2").arg(program, QString::fromLatin1(marker));
    result.ok = result.problem.isEmpty();
    return result;
}

} // namespace convdesk::bench
