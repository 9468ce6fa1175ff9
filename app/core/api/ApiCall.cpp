#include "api/ApiCall.h"

#include "api/ApiClient.h"

#include <QNetworkReply>

namespace convdesk {

ApiCall::ApiCall(ApiClient *client)
    : QObject(client)
    , m_client(client)
{
    m_deadline.setSingleShot(true);
    m_clock.start();
}

ApiCall::~ApiCall()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiCall::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    if (m_reply)
        m_reply->abort(); // emits finished(), which reports the cancellation
    else
        finishWith(ErrorKind::Cancelled, tr("The request was cancelled."));
}

void ApiCall::finishWith(ErrorKind kind, const QString &detail)
{
    m_result.error = kind;
    if (!detail.isEmpty())
        m_result.detail = detail;
    finish();
}

void ApiCall::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadline.stop();
    m_result.latencyMs = m_clock.elapsed();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    Q_EMIT finished(m_result);
    deleteLater();
}

} // namespace convdesk
