#pragma once

#include <QStringList>

namespace convdesk::bench {

// One measured process, started by BenchDriver: runs a scenario in-process and prints its
// BenchMetrics as a single line "BENCH {json}" on standard output.
//   --child tree --variant eager|lazy|panel --input FILE [--expand-rows N] [--scroll-steps N]
//   --child list --variant eager|lazy --url URL --account ID [--scroll-steps N]
//   --child serve-sandbox --account ID --count N   (prints "PORT n", serves until stdin closes)
//   --child keychain-read --profile NAME           (times one KeychainSecretStore read)
//   --child generate --size 8m --output FILE       (a response to profile a run by hand)
class BenchChild
{
public:
    static bool needsWidgets(const char *scenario);
    static int run(const QStringList &arguments);
};

} // namespace convdesk::bench
