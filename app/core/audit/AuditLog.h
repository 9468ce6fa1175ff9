#pragma once

#include "audit/AuditRecord.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace convdesk {

// The local, append-only record of every save attempt: JSON Lines, one AuditRecord per
// line, in the app's data folder (shared by the GUI and the CLI).
//
// How callers use it: checkWritable() before sending a save, and refuse to send when it
// fails; then one append() after the outcome, before the outcome is shown. One record per
// attempt keeps the History a plain list. The alternative (an "attempt" record before the
// PATCH and an "outcome" record after) would also cover a crash while the request is in
// flight, but every reader would then have to pair records; the window it closes is the few
// seconds of one request, and an unwritable log is still caught before anything is sent.
class AuditLog
{
    Q_DECLARE_TR_FUNCTIONS(AuditLog)
public:
    // Flushes a written file descriptor to stable storage; true on success. Replaceable so
    // that tests can see it called and make it fail.
    using SyncFunction = std::function<bool(int fileDescriptor)>;

    explicit AuditLog(const QString &filePath = defaultFilePath());

    // QStandardPaths::AppDataLocation + "/audit.jsonl"; empty if the system has none.
    static QString defaultFilePath();
    QString filePath() const { return m_filePath; }

    // Whether a record could be appended now: creates the folder and opens the file for
    // appending (creating it empty), writing nothing.
    bool checkWritable(QString *error = nullptr) const;

    // Appends one line and returns only after it is flushed and synced to disk. A last line
    // left incomplete by a crash is ended first, so the new record never merges with it.
    bool append(const AuditRecord &record, QString *error = nullptr) const;

    // Every readable record in file order. Lines that are not records (corrupt, or cut short
    // by a crash) are skipped, each with a warning naming its line number. A missing file is
    // an empty log.
    QList<AuditRecord> readAll(QStringList *warnings = nullptr) const;

    void setSyncFunction(SyncFunction sync) { m_sync = std::move(sync); }
    static bool syncToDisk(int fileDescriptor); // fsync (_commit on Windows)

private:
    QString m_filePath;
    SyncFunction m_sync;
};

} // namespace convdesk
