#pragma once

#include "api/ApiResult.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QTimer>

class QNetworkReply;

namespace convdesk {

class ApiClient;

// One logical request: up to two signed attempts sharing a trace id. Emits finished()
// exactly once, then deletes itself. Owned by the ApiClient that made it.
class ApiCall final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiCall)
public:
    ~ApiCall() override;

    QString traceId() const { return m_result.traceId; }
    bool isFinished() const { return m_finished; }

public Q_SLOTS:
    void cancel();

Q_SIGNALS:
    void finished(const convdesk::ApiResult &result);

private:
    friend class ApiClient;
    explicit ApiCall(ApiClient *client);

    void finish();
    void finishWith(ErrorKind kind, const QString &detail);

    ApiClient *m_client;
    QPointer<QNetworkReply> m_reply;
    QTimer m_deadline;
    QElapsedTimer m_clock;
    ApiResult m_result;
    QByteArray m_method;
    QString m_path;
    QByteArray m_body;
    QByteArray m_received; // the response body of the current attempt, so far
    bool m_finished = false;
    bool m_cancelled = false;
    bool m_timedOut = false;
    bool m_oversized = false;
    QList<QSslError> m_tlsErrors;
};

} // namespace convdesk
