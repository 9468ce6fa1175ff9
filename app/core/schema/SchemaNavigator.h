#pragma once

#include "json/JsonDocument.h"

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace convdesk::SchemaNavigator {

// RFC 6901: "/contact/phone" -> {"contact", "phone"}, "~1" -> "/", "~0" -> "~".
// nullopt for text that is not a pointer (it must be empty or start with '/').
std::optional<std::vector<std::string>> pointerTokens(const QString &pointer);
QString pointerFromTokens(const std::vector<std::string> &tokens);

// The object subschemas of `root` that apply to the value at `tokens`, in the schema's order:
// "properties", "patternProperties" (else "additionalProperties"), "items" (and
// "additionalItems"), a local "$ref" ("#", "#/definitions/x", "#/properties/..."), and the
// members of "allOf", "anyOf" and "oneOf". Boolean subschemas are left out: they say nothing
// a form can show. valijson does the validation; this only reads the schema for words.
std::vector<const OrderedJson *> schemasAt(const OrderedJson &root,
                                           const std::vector<std::string> &tokens);

// The target of a local "$ref" within `root`, or nullptr (remote, or nothing there).
const OrderedJson *resolveLocalRef(const OrderedJson &root, const std::string &ref);

} // namespace convdesk::SchemaNavigator
