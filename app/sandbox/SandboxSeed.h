#pragma once

#include "json/JsonDocument.h"

#include <QList>

namespace convdesk {

// The conversations a fresh sandbox holds: both last_message shapes, all three
// conversation types, a recalled message, ids above 2^53, string and real booleans, and
// server_extension as JSON, as plain text and empty. "support_demo" owns six of them so
// that paging has several pages at a small limit.
class SandboxSeed
{
public:
    // Times are set relative to nowMs so that the data always looks recent.
    static QList<OrderedJson> conversations(qint64 nowMs);
};

} // namespace convdesk
