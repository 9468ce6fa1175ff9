#pragma once

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>

// The sandbox's glue to QtHttpServer, whose low-level API changed between 6.4 and 6.8; the
// differences stay in this file and in SandboxServer.cpp's QT_VERSION guards (README,
// "Packages", says what was compiled and what was written from Qt's sources).
namespace convdesk {

// The HTTP layer takes every accepted connection from the virtual nextPendingConnection()
// (QtHttpServer 6.4 through 6.8), the one place to tune a socket on every version: from 6.5
// on the responder no longer hands out its socket.
template <typename TcpServer>
class LowDelayServer final : public TcpServer
{
public:
    using TcpServer::TcpServer;

    // Told of every connection handed to the HTTP layer (the sandbox counts them).
    std::function<void()> accepted;

    QTcpSocket *nextPendingConnection() override
    {
        QTcpSocket *socket = TcpServer::nextPendingConnection();
        if (socket && accepted)
            accepted();
        // The responder writes headers and body separately; with Nagle the body waited for
        // the client's delayed ACK, about 40 ms per request on a kept-alive connection.
        if (socket)
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        return socket;
    }
};

// QHttpServer's router decodes and splits paths its own way; the sandbox routes on the raw
// path itself, so it takes every request at the lowest level. The handler answers through
// the responder it is given, or moves it away to answer later.
class SandboxHttpFrontend final : public QAbstractHttpServer
{
public:
    using Handler = std::function<void(const QHttpServerRequest &, QHttpServerResponder &)>;

    SandboxHttpFrontend(Handler handler, QObject *parent)
        : QAbstractHttpServer(parent), m_handler(std::move(handler))
    {
    }

protected:
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    // 6.5 hands the responder in; it must outlive this call when the answer is delayed, and
    // Qt reads no further request on the connection until it is destroyed.
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override
    {
        m_handler(request, responder);
        return true;
    }
#  if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    void missingHandler(const QHttpServerRequest &, QHttpServerResponder &) override {}
#  else
    void missingHandler(const QHttpServerRequest &, QHttpServerResponder &&) override {}
#  endif
#else
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        QHttpServerResponder responder = makeResponder(request, socket);
        m_handler(request, responder);
        return true;
    }
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override {}
#endif

private:
    Handler m_handler;
};

} // namespace convdesk
