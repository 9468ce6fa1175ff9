#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QString>

class QLocalServer;
class QLocalSocket;

namespace convdesk {

// One window per user takes over what later starts of the program are asked to open (a
// convdesk:// link): the first instance listens on a local socket, a later one hands its
// message over and exits. The socket lives in the user's runtime folder (owner-only), so
// another user's window never receives a link. Tests give each case its own server name.
//
// The protocol is one UTF-8 line each way: the message, then "ok" once it was taken.
class SingleInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)
public:
    static constexpr qsizetype MaxMessageBytes = 8 * 1024; // a link is at most 2 KiB
    static constexpr int HandOverTimeoutMs = 3000;
    // A connection that sends no complete line within this time is dropped.
    static constexpr int ServeTimeoutMs = 5000;

    // Per user and application: a socket path in the runtime folder ($XDG_RUNTIME_DIR) on
    // Unix, a pipe name with the user's name elsewhere.
    static QString defaultServerName();

    explicit SingleInstance(const QString &serverName = defaultServerName(), QObject *parent = nullptr);
    ~SingleInstance() override;

    QString serverName() const { return m_serverName; }

    // The client side, blocking (before any window exists): sends `message` to the instance
    // listening under serverName(). True once that instance confirmed it took it; false when
    // none listens, or it did not answer within `timeoutMs`.
    bool handOver(const QString &message, int timeoutMs = HandOverTimeoutMs) const;

    // The server side: from now on messageReceived() brings what later instances hand over.
    // A socket left behind by an instance that died is replaced. False, with errorString(),
    // when another instance listens already or no socket can be made.
    bool listen();
    bool isListening() const;
    QString errorString() const { return m_error; }

Q_SIGNALS:
    // Emitted after the sender was answered, so it can exit while this one acts on it.
    void messageReceived(const QString &message);

private:
    void serve(QLocalSocket *socket);
    bool anotherInstanceAnswers() const;

    QString m_serverName;
    QLocalServer *m_server = nullptr;
    QString m_error;
};

} // namespace convdesk
