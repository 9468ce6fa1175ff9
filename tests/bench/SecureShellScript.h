#pragma once

#include "ChildProcess.h"

#include <QString>
#include <QStringList>

namespace convdesk::bench {

// tests/bench/secure-get.sh, the baseline of the CLI figures: what a careful support engineer
// would script without convdesk-cli (secret-tool lookup, sha1sum, curl; the secret never in an
// argument). It reads the AppSecret that `convdesk-cli profile add` stored for `profile`.
struct SecureShellScript
{
    QString profile;
    QString baseUrl;
    QString appKey;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();

    static QString path();

    // One conversation: one run of the script.
    ChildProcess one(const QString &conversationId) const;
    // Many, the way a shell user loops: one bash reads the IDs from standard input and runs
    // the script once per ID, stopping at the first failure.
    ChildProcess loop(const QStringList &conversationIds) const;
};

} // namespace convdesk::bench
