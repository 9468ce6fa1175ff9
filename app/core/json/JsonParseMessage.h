#pragma once

#include <QString>

namespace convdesk::JsonParseMessage {

// nlohmann's parse error reason ("syntax error while parsing object key - invalid literal;
// last read: '{a'; expected string literal") in our own words, in the UI language ("“{a” is
// not a JSON value …; expected a string in double quotes"). Why: its messages are English only
// and appeared in the middle of Chinese sentences. A reason it does not know keeps the
// original text behind a translated lead-in.
QString explain(const QString &nlohmannReason);

} // namespace convdesk::JsonParseMessage
