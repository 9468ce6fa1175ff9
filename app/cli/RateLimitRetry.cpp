#include "RateLimitRetry.h"

#include "api/RateLimitBackoff.h"

#include <QDateTime>
#include <QEventLoop>
#include <QTimer>

namespace convdesk {

bool RateLimitRetry::waitAfter(const ApiResult &result)
{
    return RateLimitBackoff::isRateLimited(result) && waitBeforeRetry(result.retryAfter);
}

bool RateLimitRetry::waitBeforeRetry(const QByteArray &retryAfter)
{
    const RateLimitPolicy &policy = m_context.rateLimit;
    if (m_retries >= policy.maxRetries) {
        if (m_retries > 0)
            m_context.printErr(tr("convdesk-cli: still rate limited after %n retries; giving up on this "
                                  "conversation.", nullptr, m_retries));
        return false;
    }
    ++m_retries;
    const int delay = RateLimitBackoff::delayMs(policy, m_retries, retryAfter,
                                                QDateTime::currentDateTimeUtc());
    m_context.printErr(tr("convdesk-cli: rate limited by the server; trying again in %1 s (retry %2 of %3).")
                           .arg(QString::number(delay / 1000.0, 'f', 1), QString::number(m_retries),
                                QString::number(policy.maxRetries)));
    QEventLoop loop;
    QTimer::singleShot(delay, &loop, &QEventLoop::quit);
    loop.exec();
    return true;
}

} // namespace convdesk
