#include "BenchConfig.h"

namespace convdesk::bench {

QStringList BenchConfig::allScenarios()
{
    return {QStringLiteral("tree"), QStringLiteral("startup"), QStringLiteral("roundtrip"), QStringLiteral("list"),
            QStringLiteral("batch")};
}

} // namespace convdesk::bench
