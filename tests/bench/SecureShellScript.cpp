#include "SecureShellScript.h"

namespace convdesk::bench {

QString SecureShellScript::path()
{
    return QStringLiteral(CONVDESK_BENCH_SECURE_GET);
}

ChildProcess SecureShellScript::one(const QString &conversationId) const
{
    ChildProcess script;
    script.program = path();
    script.arguments = {profile, baseUrl, appKey, conversationId};
    script.environment = environment;
    return script;
}

ChildProcess SecureShellScript::loop(const QStringList &conversationIds) const
{
    ChildProcess loop;
    loop.program = QStringLiteral("bash");
    loop.arguments = {QStringLiteral("-c"),
                      QStringLiteral("while IFS= read -r id; do \"$0\" \"$1\" \"$2\" \"$3\" \"$id\" || exit; done"),
                      path(), profile, baseUrl, appKey};
    loop.environment = environment;
    loop.input = conversationIds.join(u'\n').toUtf8() + '\n';
    loop.timeoutMs = 600000;
    return loop;
}

} // namespace convdesk::bench
