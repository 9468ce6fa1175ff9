#include "audit/AuditLog.h"

#include "platform/PrivateFiles.h"

#include <QDir>
#include <QElapsedTimer>
#include <QThread>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace convdesk {

namespace {

// On a fresh file the directory entry must reach the disk too, or a power cut can lose the
// whole file. Best effort: not every file system supports syncing a directory.
void syncDirectory(const QString &directory)
{
#ifndef Q_OS_WIN
    const QByteArray path = QFile::encodeName(directory);
    const int fd = ::open(path.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#else
    Q_UNUSED(directory);
#endif
}

// An exclusive advisory lock on the open log for one append: the GUI and the CLI may append
// at the same moment, and a failed append must cut off exactly its own fragment. Best effort:
// without flock (Windows, some network file systems) the append goes on unlocked.
class AppendLock
{
    Q_DISABLE_COPY_MOVE(AppendLock)
public:
    // Another append takes milliseconds; a holder that keeps the lock longer is stopped or
    // stuck, and the window must not freeze behind it: give up after this long.
    static constexpr int WaitMs = 2000;

    explicit AppendLock(int fileDescriptor)
        : m_fileDescriptor(fileDescriptor)
    {
#ifdef Q_OS_UNIX
        QElapsedTimer waited;
        waited.start();
        for (;;) {
            if (::flock(m_fileDescriptor, LOCK_EX | LOCK_NB) == 0) {
                m_held = true;
                return;
            }
            if (errno == EWOULDBLOCK) {
                if (waited.elapsed() >= WaitMs) {
                    m_busy = true;
                    return;
                }
                QThread::msleep(5);
            } else if (errno != EINTR) {
                return; // no flock here (some network file systems): the append goes on unlocked
            }
        }
#endif
    }
    ~AppendLock()
    {
#ifdef Q_OS_UNIX
        if (m_held)
            ::flock(m_fileDescriptor, LOCK_UN);
#endif
    }
    bool isHeld() const { return m_held; }
    // Another program held the log's lock for the whole wait.
    bool isBusy() const { return m_busy; }

private:
    int m_fileDescriptor;
    bool m_held = false;
    bool m_busy = false;
};

// Which file an open handle is, across renames: a log replaced under the same name differs.
QByteArray fileIdentity(const QFile &file)
{
#ifdef Q_OS_WIN
    return QByteArray::number(QFileInfo(file).birthTime().toMSecsSinceEpoch());
#else
    struct stat status{};
    if (::fstat(file.handle(), &status) != 0)
        return {};
    return QByteArray::number(quint64(status.st_dev)) + ':' + QByteArray::number(quint64(status.st_ino));
#endif
}

constexpr QFileDevice::Permissions OwnerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;


// Enough of the text before a reader's offset to tell a log rewritten in place (same file,
// not shorter, other bytes) from one that only grew.
constexpr qsizetype RememberedBytes = 64;

} // namespace

AuditLog::AuditLog(const QString &filePath)
    : m_filePath(filePath)
    , m_sync(&AuditLog::syncToDisk)
{
}

QString AuditLog::defaultFilePath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return folder.isEmpty() ? QString() : folder + QStringLiteral("/audit.jsonl");
}

bool AuditLog::syncToDisk(int fileDescriptor)
{
#ifdef Q_OS_WIN
    return ::_commit(fileDescriptor) == 0;
#else
    return ::fsync(fileDescriptor) == 0;
#endif
}

bool AuditLog::checkWritable(QString *error) const
{
    auto fail = [error](const QString &reason) {
        if (error)
            *error = reason;
        return false;
    };
    if (m_filePath.isEmpty())
        return fail(tr("This system has no data folder for the audit log."));
    const QString folder = QFileInfo(m_filePath).absolutePath();
    if (!QDir().mkpath(folder))
        return fail(tr("The audit log's folder %1 cannot be created.").arg(QDir::toNativeSeparators(folder)));
    QFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append, OwnerOnlyFile))
        return fail(tr("The audit log %1 cannot be opened for writing: %2")
                        .arg(QDir::toNativeSeparators(m_filePath), file.errorString()));
    // The log holds every value saved: its owner's only, like its folder; made so also when
    // an older version made them, without granting what was taken away.
    PrivateFiles::withholdFromOthers(folder);
    PrivateFiles::withholdFromOthers(m_filePath);
    return true;
}

bool AuditLog::append(const AuditRecord &record, QString *error) const
{
    auto fail = [error](const QString &reason) {
        if (error)
            *error = reason;
        return false;
    };
    if (!checkWritable(error))
        return false;

    // Append mode (O_APPEND) puts every write at the current end of the file, also when the
    // GUI and the CLI write at the same time, and never touches earlier bytes. QSaveFile is no
    // help here: it replaces the whole file through a temporary copy, which rewrites every
    // earlier record and loses a record another process appends meanwhile.
    QFile file(m_filePath);
    if (!file.open(QIODevice::ReadWrite | QIODevice::Append | QIODevice::Unbuffered, OwnerOnlyFile))
        return fail(tr("The audit log %1 cannot be opened for writing: %2")
                        .arg(QDir::toNativeSeparators(m_filePath), file.errorString()));
    const AppendLock lock(file.handle());
    if (lock.isBusy())
        return fail(tr("The audit log %1 is being written by another program that has not finished within "
                       "%2 s (is a convdesk-cli stopped?). Nothing was recorded; try again.")
                        .arg(QDir::toNativeSeparators(m_filePath))
                        .arg(AppendLock::WaitMs / 1000));
    const qint64 size = file.size();
    QByteArray line;
    if (size > 0) {
        char last = '\n';
        if (!file.seek(size - 1) || !file.getChar(&last))
            return fail(tr("The audit log %1 cannot be read: %2")
                            .arg(QDir::toNativeSeparators(m_filePath), file.errorString()));
        if (last != '\n')
            line += '\n'; // ends a line cut short by a crash; readAll() skips that one
    }
    line += Json::serialize(record.toJson()) + '\n'; // compact JSON has no raw newline

    // A full disk takes part of the line and refuses the rest without an error from QFile;
    // writing on until a call fails brings the system's reason.
    qint64 written = 0;
    while (written < line.size()) {
        const qint64 chunk = file.write(line.constData() + written, line.size() - written);
        if (chunk <= 0)
            break;
        written += chunk;
    }
    if (written != line.size()) {
        const QString reason = file.errorString();
        // Cut the fragment off, so the log ends as it did before this call. Without the lock
        // only while nobody has appended since, as that would cut their record too.
        if (written > 0 && (lock.isHeld() || file.size() == size + written))
            file.resize(size);
        return fail(tr("The audit log %1 could not be written (%2). The records already in it are intact; "
                       "this attempt is not among them.")
                        .arg(QDir::toNativeSeparators(m_filePath), reason));
    }
    if (!file.flush() || !m_sync(file.handle())) {
        // Not durable means not on record: the line is cut off again, so the log never holds
        // an attempt its caller was told failed (and then did not send).
        if (lock.isHeld() || file.size() == size + written)
            file.resize(size);
        return fail(tr("The audit log %1 could not be saved to disk.").arg(QDir::toNativeSeparators(m_filePath)));
    }
    if (size == 0)
        syncDirectory(QFileInfo(m_filePath).absolutePath());
    return true;
}

std::optional<AuditRecord> AuditLog::parseLine(const QByteArray &line, qint64 number, bool unfinished,
                                               QStringList *warnings) const
{
    auto warn = [this, warnings](const QString &text) {
        if (warnings)
            warnings->append(tr("%1: %2").arg(QDir::toNativeSeparators(m_filePath), text));
    };
    JsonParseError parseError;
    const std::optional<OrderedJson> json = Json::parse(line, &parseError);
    if (!json) {
        warn(unfinished ? incompleteLineText(number)
                        : tr("line %1 is not valid JSON (%2) and was skipped.")
                              .arg(number).arg(parseError.describe()));
        return std::nullopt;
    }
    QString problem;
    std::optional<AuditRecord> record = AuditRecord::fromJson(*json, &problem);
    if (!record)
        warn(tr("line %1 is not an audit record (%2) and was skipped.").arg(number).arg(problem));
    return record;
}

QString AuditLog::incompleteLineText(qint64 number)
{
    return tr("line %1 is incomplete (the program probably stopped while writing it) "
              "and was skipped.").arg(number);
}

QList<AuditRecord> AuditLog::readAll(QStringList *warnings) const
{
    QList<AuditRecord> records;
    QFile file(m_filePath);
    if (m_filePath.isEmpty() || !file.exists())
        return records;
    if (!file.open(QIODevice::ReadOnly)) {
        if (warnings)
            warnings->append(tr("%1: %2").arg(QDir::toNativeSeparators(m_filePath),
                                              tr("cannot be read: %1").arg(file.errorString())));
        return records;
    }
    const QByteArray content = file.readAll();
    const QList<QByteArray> lines = content.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines.at(i).trimmed().isEmpty())
            continue;
        // The text after the last '\n' is a line the writer never finished.
        if (std::optional<AuditRecord> record = parseLine(lines.at(i), i + 1, i == lines.size() - 1, warnings))
            records.append(std::move(*record));
    }
    return records;
}

AuditLogChunk AuditLog::readFrom(const AuditLogPosition &from) const
{
    AuditLogChunk chunk;
    chunk.restarted = true;
    QFile file(m_filePath);
    if (m_filePath.isEmpty() || !file.exists())
        return chunk; // a missing file is an empty log
    if (!file.open(QIODevice::ReadOnly)) {
        chunk.warnings.append(tr("%1: %2").arg(QDir::toNativeSeparators(m_filePath),
                                               tr("cannot be read: %1").arg(file.errorString())));
        return chunk;
    }
    const QByteArray identity = fileIdentity(file);
    const qint64 size = file.size();
    const auto bytesBeforeOffset = [&file, &from] {
        const qint64 length = from.bytesBefore.size();
        return file.seek(from.offset - length) ? file.read(length) : QByteArray();
    };
    chunk.restarted = from.fileIdentity.isEmpty() || from.fileIdentity != identity || size < from.offset
        || bytesBeforeOffset() != from.bytesBefore;
    const AuditLogPosition start = chunk.restarted ? AuditLogPosition{} : from;
    if (!file.seek(start.offset))
        return chunk;
    const QByteArray content = file.readAll();

    // Only up to the last '\n': what follows is a line still being written, or cut short.
    const qsizetype completeLength = content.lastIndexOf('\n') + 1;
    const QList<QByteArray> lines = content.left(completeLength).split('\n');
    qint64 number = start.lineCount;
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) { // the piece after the last '\n' is empty
        ++number;
        if (lines.at(i).trimmed().isEmpty())
            continue;
        if (std::optional<AuditRecord> record = parseLine(lines.at(i), number, false, &chunk.warnings))
            chunk.records.append(std::move(*record));
    }
    if (!content.mid(completeLength).trimmed().isEmpty())
        chunk.unfinishedLineWarning = tr("%1: %2").arg(QDir::toNativeSeparators(m_filePath),
                                                       incompleteLineText(number + 1));

    chunk.position.offset = start.offset + completeLength;
    chunk.position.lineCount = number;
    chunk.position.fileIdentity = identity;
    chunk.position.bytesBefore = QByteArray(start.bytesBefore + content.left(completeLength).right(RememberedBytes))
                                      .right(RememberedBytes);
    return chunk;
}

} // namespace convdesk
