#pragma once

#include "audit/AuditRecord.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace convdesk {

// How far a reader of the log got: the bytes of the complete lines read so far, and which
// file they came from, so that a log that shrank or was replaced is read again from the start.
struct AuditLogPosition
{
    qint64 offset = 0;        // just after the last complete line read
    qint64 lineCount = 0;     // lines before offset, so warnings keep their line numbers
    QByteArray fileIdentity;  // device and inode (creation time on Windows); empty: nothing read
    QByteArray bytesBefore;   // the last bytes before offset: a log rewritten in place differs
};

// What AuditLog::readFrom() found.
struct AuditLogChunk
{
    QList<AuditRecord> records;    // the new complete records, in file order
    QStringList warnings;          // for the new complete lines that are not records
    QString unfinishedLineWarning; // the last line is not ended yet: read again next time
    AuditLogPosition position;     // where the next read starts
    bool restarted = false;        // read from the start: these records replace, not extend
};

// The local, append-only record of every save attempt: JSON Lines, one AuditRecord per line,
// in the app's data folder (shared by the GUI and the CLI), created readable by its owner only.
//
// How callers use it (GuardedSave): checkWritable() before anything is sent; an Attempt line
// appended, synced, before the PATCH leaves, and the save refused when that fails; an Outcome
// line after. So a crash, a kill or a full disk can lose the outcome of a save but never the
// fact that it was sent. Earlier lines are never rewritten.
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

    // The records appended since `from` (a default position: all of them). Only complete
    // lines count; an unfinished last line is left for the next call, which finds it ended.
    // When the file is not the one `from` was taken from (replaced, shrunk, or rewritten) it
    // is read from the start, and the chunk says so.
    AuditLogChunk readFrom(const AuditLogPosition &from) const;

    void setSyncFunction(SyncFunction sync) { m_sync = std::move(sync); }
    static bool syncToDisk(int fileDescriptor); // fsync (_commit on Windows)

private:
    // One line as a record, or nullopt with a warning naming its line number.
    std::optional<AuditRecord> parseLine(const QByteArray &line, qint64 number, bool unfinished,
                                         QStringList *warnings) const;
    static QString incompleteLineText(qint64 number);

    QString m_filePath;
    SyncFunction m_sync;
};

} // namespace convdesk
