#pragma once

// Private to schema/: what an ExtensionSchema shares between its copies.
#include "schema/ExtensionSchema.h"

#include <valijson/schema.hpp>

namespace convdesk {

struct ExtensionSchema::Data
{
    QString filePath;
    QString sha256;
    OrderedJson document;    // as written: for hints and for the values in error sentences
    valijson::Schema schema; // valijson's parsed form (without "format", a hint only here)
};

} // namespace convdesk
