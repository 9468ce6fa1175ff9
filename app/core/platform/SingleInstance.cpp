#include "platform/SingleInstance.h"

#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace convdesk {

namespace {

const QByteArray Acknowledgement = "ok\n"_ba;

QString userName()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    if (user.isEmpty()) // a service or container without USER: the home folder names the user
        user = QDir::home().dirName();
    return user;
}

// Socket and pipe names: letters, digits and - _ . only.
QString safeName(QString name)
{
    for (QChar &c : name) {
        const bool allowed = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            || c == u'-' || c == u'_' || c == u'.';
        if (!allowed)
            c = u'_';
    }
    return name;
}

} // namespace

QString SingleInstance::defaultServerName()
{
    const QString name = safeName(QCoreApplication::organizationName() + u'-' + QCoreApplication::applicationName()
                                  + u'-' + userName())
        + u".links"_s;
#ifdef Q_OS_UNIX
    // The runtime folder is the user's own (0700): nobody else can connect, or squat the name.
    const QString runtimeFolder = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (!runtimeFolder.isEmpty())
        return runtimeFolder + u'/' + name;
#endif
    return name;
}

SingleInstance::SingleInstance(const QString &serverName, QObject *parent)
    : QObject(parent)
    , m_serverName(serverName)
{
}

SingleInstance::~SingleInstance() = default;

bool SingleInstance::handOver(const QString &message, int timeoutMs) const
{
    QLocalSocket socket;
    socket.connectToServer(m_serverName);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    QByteArray line = message.toUtf8();
    line.replace('\n', ' '); // one line, whatever it holds
    socket.write(line + '\n');
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    QByteArray answer;
    while (!answer.contains('\n') && answer.size() < Acknowledgement.size()) {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(timeoutMs))
            break;
        answer += socket.read(Acknowledgement.size() - answer.size());
    }
    return answer == Acknowledgement;
}

bool SingleInstance::listen()
{
    if (isListening())
        return true;
    if (!m_server) {
        m_server = new QLocalServer(this);
        // A socket path in the runtime folder is private through that folder. With an access
        // option Qt would bind elsewhere and rename the socket over the path, silently taking
        // it from a running instance; without one, a second listen() fails.
        if (!QDir::isAbsolutePath(m_serverName))
            m_server->setSocketOptions(QLocalServer::UserAccessOption);
        connect(m_server, &QLocalServer::newConnection, this, [this] {
            while (QLocalSocket *socket = m_server->nextPendingConnection())
                serve(socket);
        });
    }
    // Asked first: on some platforms a second server under the same name is not refused.
    if (anotherInstanceAnswers()) {
        m_error = tr("Another Conversation Desk window already opens the links.");
        return false;
    }
    if (m_server->listen(m_serverName)) {
        m_error.clear();
        return true;
    }
    if (m_server->serverError() == QAbstractSocket::AddressInUseError) {
        // Left behind by an instance that died: nobody answered on it.
        QLocalServer::removeServer(m_serverName);
        if (m_server->listen(m_serverName)) {
            m_error.clear();
            return true;
        }
    }
    m_error = tr("Links cannot be passed to this window (%1): %2").arg(m_serverName, m_server->errorString());
    return false;
}

bool SingleInstance::isListening() const
{
    return m_server && m_server->isListening();
}

bool SingleInstance::anotherInstanceAnswers() const
{
    QLocalSocket probe;
    probe.connectToServer(m_serverName);
    const bool connected = probe.waitForConnected(HandOverTimeoutMs);
    probe.abort();
    return connected;
}

void SingleInstance::serve(QLocalSocket *socket)
{
    connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
    // A sender that stalls or never ends its line does not keep the connection.
    QTimer::singleShot(ServeTimeoutMs, socket, &QLocalSocket::abort);
    connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
        if (!socket->canReadLine()) {
            if (socket->bytesAvailable() > MaxMessageBytes)
                socket->abort();
            return;
        }
        const QByteArray line = socket->readLine(MaxMessageBytes + 1);
        if (!line.endsWith('\n')) {
            socket->abort();
            return;
        }
        const QString message = QString::fromUtf8(line.chopped(1));
        socket->write(Acknowledgement);
        socket->flush();
        socket->disconnectFromServer();
        // After this slot returns: acting on it may open a dialog with its own event loop.
        QMetaObject::invokeMethod(this, [this, message] { Q_EMIT messageReceived(message); },
                                  Qt::QueuedConnection);
    });
}

} // namespace convdesk
