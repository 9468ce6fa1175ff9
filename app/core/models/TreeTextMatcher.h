#pragma once

#include "json/JsonDocument.h"
#include "json/JsonIndex.h"
#include "models/TreeFilterMatches.h"

#include <QString>

#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>

namespace convdesk {

// One search of a ConversationTreeModel's document, self-contained so that it can run on any
// thread: the document (immutable, the very parse the tree model shows:
// ConversationTreeModel::documentIndex() and documentRoot()), the pending server_extension
// text the tree shows in place of the loaded one, and the filter text.
struct TreeFilterJob
{
    enum class Record {
        TopmostMatches, // enough to filter: what lies below a match is shown anyway
        EveryMatch,     // every node that matches by itself (for checks and tests)
    };

    std::shared_ptr<const JsonIndex> document;
    JsonIndex::NodeId root = JsonIndex::Root;          // the tree's root in it
    std::optional<std::string> pendingServerExtension; // UTF-8
    QString text;                                      // trimmed and not empty
    Record record = Record::TopmostMatches;
};

// ConversationFilterModel's search, over the parsed document instead of the model's rows.
// A node matches exactly when ConversationFilterModel::rowMatches() says so: its key (or
// `[3]` for an array element), its displayed value or its compact JSON contains the text,
// case-insensitively; containers and strings holding JSON match by key only, and the JSON in
// strings is searched through its decoded children.
//
// It walks the document once and compares the UTF-8 of keys and values directly. A value is
// decoded (FieldDecoder) only where its display can differ from its text: the vendor's enum
// and timestamp fields, strings with characters that JSON escapes, and text that only a
// display could contain (an ellipsis, a quote). ASCII is compared byte by byte; text with
// other characters (Chinese, accents) through QString's case folding, as the model does.
class TreeTextMatcher
{
public:
    // How often the walk reports progress and asks whether to go on (values visited).
    static constexpr qint64 ProgressInterval = 4096;
    // Gets the values visited so far; returning false stops the walk.
    using Progress = std::function<bool(qint64 visited)>;

    // The matches of `job`; nullopt when `progress` stopped it.
    static std::optional<TreeFilterMatches> run(const TreeFilterJob &job, const Progress &progress = {});

    // How many values the document holds below `root`, counting no further than `limit`
    // (strings are not parsed for the JSON they may hold).
    static qint64 countValues(const JsonIndex &document, JsonIndex::NodeId root = JsonIndex::Root,
                              qint64 limit = std::numeric_limits<qint64>::max());
};

} // namespace convdesk
