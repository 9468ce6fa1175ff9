#include "api/RateLimitBackoff.h"

#include <algorithm>
#include <limits>

namespace convdesk::RateLimitBackoff {

namespace {
constexpr int RateLimitedCode = 416;
constexpr int TooManyRequestsStatus = 429;
} // namespace

bool isRateLimited(const ApiResult &result)
{
    return (result.error == ErrorKind::Business && result.code == RateLimitedCode)
        || (result.error == ErrorKind::HttpStatus && result.httpStatus == TooManyRequestsStatus);
}

std::optional<qint64> retryAfterMs(const QByteArray &header, const QDateTime &now)
{
    const QByteArray text = header.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    if (std::all_of(text.cbegin(), text.cend(), [](char c) { return c >= '0' && c <= '9'; })) {
        bool fits = false;
        const qint64 seconds = text.toLongLong(&fits);
        // More digits than a qint64 holds is still "a very long time".
        return fits && seconds <= std::numeric_limits<qint64>::max() / 1000 ? seconds * 1000
                                                                             : std::numeric_limits<qint64>::max();
    }
    // An HTTP date (IMF-fixdate) is an RFC 2822 date whose zone is always written "GMT".
    QString date = QString::fromLatin1(text);
    if (date.endsWith(QLatin1String(" GMT")))
        date = date.chopped(3) + QLatin1String("+0000");
    const QDateTime at = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!at.isValid())
        return std::nullopt;
    return std::max<qint64>(0, now.msecsTo(at));
}

int delayMs(const RateLimitPolicy &policy, int retry, const QByteArray &retryAfter, const QDateTime &now)
{
    if (const std::optional<qint64> asked = retryAfterMs(retryAfter, now))
        return int(std::min<qint64>(*asked, policy.maxRetryAfterMs));
    qint64 delay = std::max(0, policy.firstDelayMs);
    for (int step = 1; step < retry && delay < policy.maxDelayMs; ++step)
        delay *= 2;
    return int(std::min<qint64>(delay, policy.maxDelayMs));
}

} // namespace convdesk::RateLimitBackoff
