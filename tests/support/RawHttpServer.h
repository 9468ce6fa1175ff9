#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>

// A loopback TCP server that answers every connection with bytes the test chooses, for
// the faults a well-behaved HTTP server cannot produce: redirects, non-TLS bytes to a TLS
// client, connections reset mid-body, trickled bodies. Not an HTTP implementation: it waits
// for the end of the request headers and writes the canned reply.
class RawHttpServer : public QTcpServer
{
public:
    enum class Mode { Reply, ReplyThenReset, Trickle };

    explicit RawHttpServer(QByteArray reply, Mode mode = Mode::Reply, QObject *parent = nullptr)
        : QTcpServer(parent), m_reply(std::move(reply)), m_mode(mode)
    {
        listen(QHostAddress::LocalHost, 0);
    }

    int connectionCount() const { return m_connections; }
    QByteArray lastRequest() const { return m_lastRequest; }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        ++m_connections;
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            if (!buffer->contains("\r\n\r\n") && !buffer->startsWith("\x16"))
                return; // wait for the whole request head; "\x16" starts a TLS ClientHello
            m_lastRequest = *buffer;
            socket->disconnect(this);
            answer(socket);
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

private:
    void answer(QTcpSocket *socket)
    {
        switch (m_mode) {
        case Mode::Reply:
            socket->write(m_reply);
            socket->disconnectFromHost();
            break;
        case Mode::ReplyThenReset:
            socket->write(m_reply);
            socket->flush();
            socket->abort(); // RST before the promised Content-Length arrived
            break;
        case Mode::Trickle: {
            auto *timer = new QTimer(socket);
            auto offset = std::make_shared<qsizetype>(0);
            QPointer<QTcpSocket> guard(socket);
            connect(timer, &QTimer::timeout, socket, [this, guard, timer, offset] {
                if (!guard || *offset >= m_reply.size()) {
                    timer->stop();
                    return;
                }
                guard->write(m_reply.mid(*offset, 1));
                ++*offset;
            });
            timer->start(50);
            break;
        }
        }
    }

    QByteArray m_reply;
    Mode m_mode;
    int m_connections = 0;
    QByteArray m_lastRequest;
};
