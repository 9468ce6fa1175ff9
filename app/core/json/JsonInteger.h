#pragma once

#include "json/JsonDocument.h"

#include <QtGlobal>

#include <optional>

namespace convdesk::Json {

// The integer in a JSON integer, or in a string that is exactly an optional '-' and decimal
// digits (some gateways quote numbers): no '+', no spaces, no fraction. Nothing when the value
// is something else or does not fit in 64 signed bits. The one rule every reader of
// conversation fields uses, so the tree and the account list never disagree.
std::optional<qint64> integerIn(const OrderedJson &value);

} // namespace convdesk::Json
