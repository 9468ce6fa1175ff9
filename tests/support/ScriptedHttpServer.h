#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>
#include <memory>

// A loopback server that reads each whole request (head and Content-Length body), records it,
// then behaves as the test says: answer, keep silent, reset the connection, or answer with a
// body that trickles in steady pieces. For the timeout, failover and no-resend tests.
class ScriptedHttpServer : public QTcpServer
{
public:
    enum class Behaviour {
        Answer,        // the canned reply (or the responder's), then close
        Silent,        // never a byte back, the connection left open
        ResetAfterRead, // RST once the whole request is in: it may have been applied
        SlowBody,      // the head at once, then the body a piece every pieceIntervalMs
    };

    ScriptedHttpServer(Behaviour behaviour, QByteArray body = {}, QObject *parent = nullptr)
        : QTcpServer(parent), m_behaviour(behaviour), m_body(std::move(body))
    {
        listen(QHostAddress::LocalHost, 0);
    }

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(serverPort())); }
    void setStatusLine(const QByteArray &statusLine) { m_statusLine = statusLine; }
    // For Answer: the body for each request, from the request (head and body).
    void setResponder(std::function<QByteArray(const QByteArray &request)> responder)
    {
        m_responder = std::move(responder);
    }
    // For Answer: header lines to add to the answer to each request ("Retry-After: 1\r\n").
    void setExtraHeaders(std::function<QByteArray(const QByteArray &request)> headers)
    {
        m_extraHeaders = std::move(headers);
    }
    void setPieces(int pieceBytes, int pieceIntervalMs)
    {
        m_pieceBytes = pieceBytes;
        m_pieceIntervalMs = pieceIntervalMs;
    }

    // Every complete request received, in order.
    const QList<QByteArray> &requests() const { return m_requests; }
    qsizetype countRequests(const QByteArray &method) const
    {
        qsizetype count = 0;
        for (const QByteArray &request : m_requests)
            count += request.startsWith(QByteArray(method + ' ')) ? 1 : 0;
        return count;
    }
    static QByteArray header(const QByteArray &request, const QByteArray &name)
    {
        const QList<QByteArray> lines = request.left(request.indexOf("\r\n\r\n")).split('\n');
        for (const QByteArray &line : lines) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            const qsizetype length = header(*buffer, "Content-Length").toLongLong();
            if (buffer->size() < headEnd + 4 + length)
                return;
            m_requests.append(buffer->left(headEnd + 4 + length));
            buffer->remove(0, headEnd + 4 + length);
            respond(socket);
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

private:
    QByteArray head(const QByteArray &body, const QByteArray &extraHeaders = {}) const
    {
        return m_statusLine + "\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\nConnection: close\r\n" + extraHeaders + "\r\n";
    }

    void respond(QTcpSocket *socket)
    {
        switch (m_behaviour) {
        case Behaviour::Answer: {
            const QByteArray body = m_responder ? m_responder(m_requests.last()) : m_body;
            socket->write(head(body, m_extraHeaders ? m_extraHeaders(m_requests.last()) : QByteArray()) + body);
            socket->disconnectFromHost();
            break;
        }
        case Behaviour::Silent:
            break;
        case Behaviour::ResetAfterRead:
            socket->abort();
            break;
        case Behaviour::SlowBody: {
            socket->write(head(m_body));
            auto *timer = new QTimer(socket);
            auto offset = std::make_shared<qsizetype>(0);
            QPointer<QTcpSocket> guard(socket);
            connect(timer, &QTimer::timeout, socket, [this, guard, timer, offset] {
                if (!guard || *offset >= m_body.size())
                    return timer->stop();
                guard->write(m_body.mid(*offset, m_pieceBytes));
                *offset += m_pieceBytes;
            });
            timer->start(m_pieceIntervalMs);
            break;
        }
        }
    }

    Behaviour m_behaviour;
    QByteArray m_body;
    QByteArray m_statusLine = "HTTP/1.1 200 OK";
    int m_pieceBytes = 8;
    int m_pieceIntervalMs = 100;
    QList<QByteArray> m_requests;
    std::function<QByteArray(const QByteArray &)> m_responder;
    std::function<QByteArray(const QByteArray &)> m_extraHeaders;
};
