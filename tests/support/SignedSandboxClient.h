#pragma once

#include "SandboxServer.h"
#include "api/RequestSigner.h"
#include "json/JsonDocument.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

// How a test request is signed; every field left alone gives a valid signature.
struct Signature
{
    QByteArray appKey = "sandbox-app-key";
    QString appSecret = QStringLiteral("sandbox-app-secret");
    QByteArray nonce;          // null: a fresh one
    QByteArray curTime;        // null: the local clock plus curTimeDelta
    qint64 curTimeDelta = 0;
    QByteArray omit;           // a header to leave out
    bool corruptCheckSum = false;
    QByteArray traceId;        // null: a fresh one
};

struct Reply
{
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int httpStatus = 0;
    QByteArray contentType;
    QByteArray body;
    std::optional<convdesk::OrderedJson> json;

    int code() const { return json && json->contains("code") ? (*json)["code"].get<int>() : -1; }
    QString msg() const
    {
        return json && json->contains("msg") ? convdesk::Json::toQString((*json)["msg"].get<std::string>())
                                             : QString();
    }
    convdesk::OrderedJson data() const
    {
        return json ? json->value("data", convdesk::OrderedJson()) : convdesk::OrderedJson();
    }
};

inline const QByteArray AliceId = "support_demo%7C1%7Calice";

inline QStringList keysOf(const convdesk::OrderedJson &object)
{
    QStringList keys;
    for (const auto &item : object.items())
        keys.append(convdesk::Json::toQString(item.key()));
    return keys;
}

inline QByteArray patchBody(const std::string &serverExtension)
{
    convdesk::OrderedJson body = convdesk::OrderedJson::object();
    body["server_extension"] = serverExtension;
    return convdesk::Json::serialize(body);
}

// The simulator over real HTTP on 127.0.0.1, signed with RequestSigner directly: what the
// sandbox tests share. A test class starts it in init() and stops it in cleanup().
class SignedSandboxClient
{
protected:
    void startSandbox()
    {
        m_server = std::make_unique<convdesk::SandboxServer>();
        QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
        m_network = std::make_unique<QNetworkAccessManager>();
    }

    void stopSandbox()
    {
        m_network.reset();
        m_server.reset();
    }

    Reply send(const QByteArray &method, const QByteArray &pathAndQuery,
               const QByteArray &body = {}, const Signature &signature = {},
               int transferTimeoutMs = 0)
    {
        using convdesk::RequestSigner;
        QNetworkRequest request(QUrl::fromEncoded(m_server->baseUrl().toEncoded() + pathAndQuery,
                                                  QUrl::StrictMode));
        const QByteArray nonce = signature.nonce.isNull() ? RequestSigner::generateNonce()
                                                          : signature.nonce;
        const QByteArray curTime = signature.curTime.isNull()
            ? QByteArray::number(QDateTime::currentSecsSinceEpoch() + signature.curTimeDelta)
            : signature.curTime;
        QByteArray checkSum = RequestSigner::checkSum(signature.appSecret, nonce, curTime);
        if (signature.corruptCheckSum)
            checkSum[0] = checkSum[0] == '0' ? '1' : '0';
        const QList<QPair<QByteArray, QByteArray>> headers = {
            {"AppKey", signature.appKey},
            {"Nonce", nonce},
            {"CurTime", curTime},
            {"CheckSum", checkSum},
            {"X-custom-traceid", signature.traceId.isNull() ? RequestSigner::generateTraceId().toUtf8()
                                                            : signature.traceId},
        };
        for (const auto &[name, value] : headers) {
            if (name != signature.omit)
                request.setRawHeader(name, value);
        }
        if (!body.isEmpty())
            request.setRawHeader("Content-Type", "application/json;charset=utf-8");
        if (transferTimeoutMs > 0)
            request.setTransferTimeout(transferTimeoutMs);

        std::unique_ptr<QNetworkReply> reply(
            method == "GET" ? m_network->get(request)
                            : m_network->sendCustomRequest(request, method, body));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!finished.wait(20000))
            return {QNetworkReply::TimeoutError, 0, {}, {}, std::nullopt};

        Reply result;
        result.error = reply->error();
        result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.contentType = reply->rawHeader("Content-Type");
        if (reply->isOpen()) // an aborted reply is closed
            result.body = reply->readAll();
        result.json = convdesk::Json::parse(result.body);
        return result;
    }
    Reply get(const QByteArray &pathAndQuery, const Signature &signature = {})
    {
        return send("GET", pathAndQuery, {}, signature);
    }
    Reply patch(const QByteArray &encodedId, const QByteArray &body, const Signature &signature = {})
    {
        return send("PATCH", "/im/v2/conversations/" + encodedId, body, signature);
    }

    // The seeded conversations whose sender is `accountId`.
    QStringList idsOf(const QString &accountId) const
    {
        QStringList ids;
        for (const QString &id : m_server->conversationIds()) {
            const auto conversation = m_server->conversation(id);
            if (convdesk::Json::toQString((*conversation)["sender_id"].get<std::string>()) == accountId)
                ids.append(id);
        }
        return ids;
    }

    std::unique_ptr<convdesk::SandboxServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
};
