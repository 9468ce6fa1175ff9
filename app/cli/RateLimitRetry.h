#pragma once

#include "CliContext.h"
#include "api/ApiResult.h"

#include <QCoreApplication>

namespace convdesk {

// Code 416 ("rate limited") for one conversation of a batch run: after such an answer,
// waits as RateLimitBackoff says (running the event loop, so a sandbox in the same process
// keeps serving) and says so on standard error, until the context's policy has no retry
// left; then says that it gives up, and the rate-limit failure stands for that conversation.
class RateLimitRetry
{
    Q_DECLARE_TR_FUNCTIONS(RateLimitRetry)
public:
    explicit RateLimitRetry(const CliContext &context)
        : m_context(context)
    {
    }

    // True after waiting, when `result` is a rate limit and a retry is left; false when it is
    // not a rate limit, or when none is left (after the line that says so).
    bool waitAfter(const ApiResult &result);
    // The same after a rate limit known otherwise, with the answer's Retry-After header.
    bool waitBeforeRetry(const QByteArray &retryAfter);
    int retries() const { return m_retries; }

private:
    const CliContext &m_context;
    int m_retries = 0;
};

} // namespace convdesk
