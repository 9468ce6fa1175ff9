#pragma once

#include "api/ApiResult.h"

#include <QByteArray>
#include <QDateTime>

#include <optional>

namespace convdesk {

// How a run of many calls waits when the server says it is asking too often.
struct RateLimitPolicy
{
    int maxRetries = 5;            // then the call's own failure stands
    int firstDelayMs = 500;        // doubled for every further retry...
    int maxDelayMs = 8000;         // ...up to this
    int maxRetryAfterMs = 60000;   // a server's Retry-After is honoured up to this
};

// Code 416 ("rate limited", see ErrorText) and how long to wait before the next try:
// exponential backoff with a cap, or the server's Retry-After when it sends one. Pure
// functions; waiting is the caller's business.
namespace RateLimitBackoff {

// Business code 416, or HTTP 429 from a gateway in front of the service.
bool isRateLimited(const ApiResult &result);

// A Retry-After header in milliseconds from `now`: delay-seconds ("3") or an HTTP date
// ("Wed, 21 Oct 2026 07:28:00 GMT"; a date in the past is 0). nullopt when absent or unreadable.
std::optional<qint64> retryAfterMs(const QByteArray &header, const QDateTime &now);

// The wait before retry number `retry` (1 for the first): the Retry-After when there is one,
// capped at maxRetryAfterMs; else firstDelayMs * 2^(retry - 1), capped at maxDelayMs.
int delayMs(const RateLimitPolicy &policy, int retry, const QByteArray &retryAfter, const QDateTime &now);

} // namespace RateLimitBackoff
} // namespace convdesk
