#pragma once

#include <QString>

namespace convdesk {

// What a request is signed with. The secret lives here only for the duration of a call;
// it is never written to settings, logs or the audit trail.
struct Credentials
{
    QString appKey;
    QString appSecret;

    bool isComplete() const { return !appKey.isEmpty() && !appSecret.isEmpty(); }
};

} // namespace convdesk
