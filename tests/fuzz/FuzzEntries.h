#pragma once

#include <QByteArrayView>
#include <QString>

namespace convdesk::FuzzEntries {

// One function per fuzz target, shared by the libFuzzer binaries (scripts/fuzz.sh) and the
// corpus replay in the normal suite (tst_fuzzcorpus). Each feeds the bytes through the same
// code the application runs on untrusted input and checks what must hold for any input.
// Returns an empty string, or the broken property (the fuzzer then aborts, the test fails).
// Crashes, sanitizer reports and hangs are findings too.

// Json::parse on a response body; a parsed document survives serialize/parse and is walked
// through ConversationTreeModel (every role, path round trips, Qt's model checks).
QString responseParser(QByteArrayView data);

// ConversationId::parse on pasted text; an accepted ID round-trips through its text and
// its URL path segment and passes the per-field validators.
QString conversationId(QByteArrayView data);

// What the server_extension editor does with its text: Json::parse with a located
// JsonParseError, Format (pretty, compact) and the save diff of text against its format.
QString extensionValidator(QByteArrayView data);

// AuditLog::readAll on a log file with these bytes; every record it returns survives the
// way append() writes it, every non-empty line is a record or a warning, and the join into
// attempts (AuditJoin) gives one row per Complete line and per attempt id.
QString auditLogReader(QByteArrayView data);

} // namespace convdesk::FuzzEntries
