#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

#include <memory>

// A loopback server that answers every request with an HTTP 200 whose body is `bodyBytes`
// of filler, generated as the socket drains (never held in memory), so a test can offer
// far more than a client should accept and count how much the client let through.
class StreamingHttpServer : public QTcpServer
{
public:
    enum class Framing { ContentLength, UntilClose, Chunked };

    StreamingHttpServer(qint64 bodyBytes, Framing framing, QObject *parent = nullptr)
        : QTcpServer(parent), m_bodyBytes(bodyBytes), m_framing(framing)
    {
        listen(QHostAddress::LocalHost, 0);
    }

    // Bytes the operating system has taken from this server so far, headers included.
    qint64 bytesSent() const { return m_bytesSent; }
    bool sentEverything() const { return m_closing && m_bytesSent > m_bodyBytes; }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        auto head = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, head] {
            head->append(socket->readAll());
            if (!head->contains("\r\n\r\n") || m_started)
                return;
            m_started = true;
            start(socket);
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

private:
    static constexpr qint64 ChunkBytes = 64 * 1024;
    static constexpr qint64 MaxQueuedBytes = 256 * 1024;

    void start(QTcpSocket *socket)
    {
        QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
        switch (m_framing) {
        case Framing::ContentLength: head += "Content-Length: " + QByteArray::number(m_bodyBytes) + "\r\n"; break;
        case Framing::UntilClose: head += "Connection: close\r\n"; break;
        case Framing::Chunked: head += "Transfer-Encoding: chunked\r\n"; break;
        }
        socket->write(head + "\r\n");
        connect(socket, &QTcpSocket::bytesWritten, socket, [this, socket](qint64 written) {
            m_bytesSent += written;
            pump(socket);
        });
        pump(socket);
    }

    // Keeps at most MaxQueuedBytes waiting in the socket, so the count follows the client.
    void pump(QTcpSocket *socket)
    {
        while (socket->bytesToWrite() < MaxQueuedBytes && m_queuedBody < m_bodyBytes
               && socket->state() == QAbstractSocket::ConnectedState) {
            const qint64 size = qMin(ChunkBytes, m_bodyBytes - m_queuedBody);
            const QByteArray filler(size, ' ');
            if (m_framing == Framing::Chunked)
                socket->write(QByteArray::number(size, 16) + "\r\n" + filler + "\r\n");
            else
                socket->write(filler);
            m_queuedBody += size;
        }
        if (m_queuedBody >= m_bodyBytes && !m_closing) {
            m_closing = true;
            if (m_framing == Framing::Chunked)
                socket->write("0\r\n\r\n");
            socket->disconnectFromHost(); // after the queued bytes are written
        }
    }

    qint64 m_bodyBytes;
    Framing m_framing;
    bool m_started = false;
    bool m_closing = false;
    qint64 m_queuedBody = 0;
    qint64 m_bytesSent = 0;
};
