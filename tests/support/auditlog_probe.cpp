// A separate process for tst_localfaults' "disk full" case. The test runs it in a private
// mount namespace on a tiny tmpfs, which vanishes with this process, so the probe does the
// filling and the reading itself and prints what it saw as one JSON object:
//   1. writes a ballast file, then appends records until an append fails;
//   2. reads the log back (what survived the failure);
//   3. removes the ballast, appends one more record and reads the log again.
// Usage: auditlog_probe <folder on the small file system>
//        auditlog_probe append <log> <count> <tag>   (tst_auditlog: appenders side by side)
#include "SampleAuditRecord.h"
#include "audit/AuditLog.h"
#include "audit/AuditRecord.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace convdesk;

namespace {

AuditRecord numberedRecord(int number)
{
    AuditRecord record = sampleAuditRecord(QString(200, QLatin1Char('x'))); // ~0.5 KiB a line
    record.conversationId = QStringLiteral("acc%1|1|peer").arg(number);
    record.traceId = QStringLiteral("trace-%1").arg(number);
    return record;
}

QJsonObject snapshot(const AuditLog &log)
{
    QStringList warnings;
    QJsonArray ids;
    for (const AuditRecord &record : log.readAll(&warnings))
        ids.append(record.conversationId);
    QFile file(log.filePath());
    const QByteArray bytes = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    return QJsonObject{{QStringLiteral("ids"), ids},
                       {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)},
                       {QStringLiteral("endsWithNewline"), bytes.endsWith('\n')}};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 5 && args.at(1) == QLatin1String("append")) {
        const AuditLog log(args.at(2));
        for (int i = 0, count = args.at(3).toInt(); i < count; ++i) {
            AuditRecord record = numberedRecord(i);
            record.profile = args.at(4);
            QString error;
            if (!log.append(record, &error)) {
                QTextStream(stderr) << error << '\n';
                return 1;
            }
        }
        return 0;
    }
    if (args.size() != 2) {
        QTextStream(stderr) << "usage: auditlog_probe <folder>\n";
        return 2;
    }
    const QDir folder(args.at(1));
    const AuditLog log(folder.filePath(QStringLiteral("audit.jsonl")));

    QFile ballast(folder.filePath(QStringLiteral("ballast")));
    if (!ballast.open(QIODevice::WriteOnly) || ballast.write(QByteArray(16 * 1024, '\0')) != 16 * 1024) {
        QTextStream(stderr) << "cannot write the ballast: " << ballast.errorString() << '\n';
        return 3;
    }
    ballast.close();

    QJsonObject report;
    int appended = 0;
    QString error;
    constexpr int Limit = 100000; // the file system is a few KiB: never reached
    while (appended < Limit && log.append(numberedRecord(appended), &error))
        ++appended;
    report.insert(QStringLiteral("appended"), appended);
    report.insert(QStringLiteral("error"), error);
    report.insert(QStringLiteral("afterFailure"), snapshot(log));

    if (!ballast.remove()) {
        QTextStream(stderr) << "cannot remove the ballast: " << ballast.errorString() << '\n';
        return 3;
    }
    error.clear();
    report.insert(QStringLiteral("appendAfterFreeing"), log.append(numberedRecord(appended), &error));
    report.insert(QStringLiteral("errorAfterFreeing"), error);
    report.insert(QStringLiteral("afterFreeing"), snapshot(log));
    QTextStream(stdout) << QJsonDocument(report).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}
