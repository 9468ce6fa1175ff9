#pragma once

#include "api/ConversationId.h"

#include <QElapsedTimer>
#include <QLockFile>
#include <QObject>
#include <QString>
#include <QTimer>

namespace convdesk {

class AuditLog;

// Serialises the saves of one conversation across every convdesk and convdesk-cli process on
// this machine, so that two guarded saves cannot both pass the guard and overwrite each other
// (the API has no compare-and-set). A QLockFile per app and conversation in the data folder,
// held from the guard's re-read through the PATCH and the re-read after it. QLockFile knows a
// holder that died (kill -9) by its process id, so a crash never blocks later saves. Waiting
// polls on a timer: the GUI thread is never blocked.
class ConversationLock final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationLock)
public:
    static constexpr int DefaultWaitMs = 60'000;
    static constexpr int PollMs = 50;

    // folder: where the lock files live (created owner-only when missing).
    ConversationLock(const QString &folder, const QString &appKey, const ConversationId &id,
                     QObject *parent = nullptr);
    ~ConversationLock() override; // releases

    // Takes the lock now if it is free, else keeps trying for waitMs: emits acquired() or
    // failed() (from the event loop, also when the lock is free at once).
    void acquire(int waitMs = DefaultWaitMs);
    bool isHeld() const { return m_file.isLocked(); }
    void release();

    QString filePath() const { return m_path; }
    static QString filePathFor(const QString &folder, const QString &appKey, const ConversationId &id);
    // Where the save locks of the programs that share this audit log live.
    static QString folderFor(const AuditLog &log);

Q_SIGNALS:
    void acquired();
    // Another process holds it; holder names it ("convdesk-cli, process 1234"). Once per acquire().
    void waiting(const QString &holder);
    // heldByAnother: another save kept it too long; else the lock file could not be made.
    void failed(const QString &message, bool heldByAnother);

private:
    void tryOnce();
    QString holder() const;

    QString m_path;
    QLockFile m_file;
    QTimer m_poll;
    QElapsedTimer m_waited;
    int m_waitMs = DefaultWaitMs;
    bool m_toldWaiting = false;
};

} // namespace convdesk
