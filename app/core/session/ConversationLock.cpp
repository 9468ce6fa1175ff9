#include "session/ConversationLock.h"

#include "audit/AuditLog.h"
#include "platform/PrivateFiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QStorageInfo>

namespace convdesk {

ConversationLock::ConversationLock(const QString &folder, const QString &appKey, const ConversationId &id,
                                   QObject *parent)
    : QObject(parent)
    , m_path(filePathFor(folder, appKey, id))
    , m_file(m_path)
{
    // Only a holder that is gone frees the lock: an age limit (30 s by default) would hand it
    // to a second writer while a slow save is still running.
    m_file.setStaleLockTime(0);
    m_poll.setInterval(PollMs);
    connect(&m_poll, &QTimer::timeout, this, &ConversationLock::tryOnce);
}

ConversationLock::~ConversationLock()
{
    release();
}

QString ConversationLock::filePathFor(const QString &folder, const QString &appKey, const ConversationId &id)
{
    // Hashed: conversation IDs hold '|' and characters a file name should not.
    const QByteArray key = appKey.toUtf8() + '\n' + id.toString().toUtf8();
    return folder + QStringLiteral("/save-") + QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex())
           + QStringLiteral(".lock");
}

QString ConversationLock::folderFor(const AuditLog &log)
{
    return QFileInfo(log.filePath()).absolutePath() + QStringLiteral("/locks");
}

void ConversationLock::acquire(int waitMs)
{
    m_waitMs = waitMs;
    m_toldWaiting = false;
    m_waited.start();
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(folder)) {
        const QString message = tr("The folder %1 for save locks cannot be created.").arg(QDir::toNativeSeparators(folder));
        QMetaObject::invokeMethod(this, [this, message] { Q_EMIT failed(message, false); }, Qt::QueuedConnection);
        return;
    }
    PrivateFiles::withholdFromOthers(folder);
    QMetaObject::invokeMethod(this, &ConversationLock::tryOnce, Qt::QueuedConnection);
}

void ConversationLock::tryOnce()
{
    if (m_file.isLocked()) {
        m_poll.stop();
        Q_EMIT acquired();
        return;
    }
    if (m_file.tryLock(0)) {
        m_poll.stop();
        Q_EMIT acquired();
        return;
    }
    if (m_file.error() != QLockFile::LockFailedError) {
        m_poll.stop();
        // QLockFile keeps no errno; the usual causes can be told apart afterwards.
        const QString folder = QFileInfo(m_path).absolutePath();
        const QString reason = m_file.error() == QLockFile::PermissionError ? tr("permission denied")
                               : QStorageInfo(folder).bytesAvailable() <= 0 ? tr("no space left on the disk")
                                                                             : tr("it could not be written");
        Q_EMIT failed(tr("The save lock %1 cannot be created (%2); nothing was sent.")
                          .arg(QDir::toNativeSeparators(m_path), reason),
                      false);
        return;
    }
    if (!m_toldWaiting) {
        m_toldWaiting = true;
        Q_EMIT waiting(holder());
    }
    if (m_waited.elapsed() >= m_waitMs) {
        m_poll.stop();
        Q_EMIT failed(tr("Another save of this conversation (%1) is still running after %2 s; nothing was sent. "
                         "Try again when it has finished.")
                          .arg(holder())
                          .arg(m_waitMs / 1000),
                      true);
        return;
    }
    if (!m_poll.isActive())
        m_poll.start();
}

void ConversationLock::release()
{
    m_poll.stop();
    if (m_file.isLocked())
        m_file.unlock();
}

QString ConversationLock::holder() const
{
    qint64 pid = 0;
    QString host;
    QString application;
    if (!m_file.getLockInfo(&pid, &host, &application))
        return tr("another process");
    return tr("%1, process %2").arg(application.isEmpty() ? tr("another program") : application).arg(pid);
}

} // namespace convdesk
