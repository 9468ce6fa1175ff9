// libFuzzer target; see FuzzEntries.h for what it checks. Built by scripts/fuzz.sh.
#include "FuzzTarget.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return convdesk::FuzzEntries::runTarget(&convdesk::FuzzEntries::conversationId, data, size);
}
