#pragma once

#include <QtGlobal>

#include <span>
#include <unordered_map>

namespace convdesk {

// What a filter found in a ConversationTreeModel's document, by position: a node is named by
// the rows from the root down to it (`{3, 0, 12}`), as the tree model numbers them, decoded
// children of strings included. Only nodes that match or have a match below them are stored,
// so a rare needle costs a few entries whatever the document's size.
//
// Built by TreeTextMatcher on any thread; read-only afterwards.
class TreeFilterMatches
{
public:
    // Shown under the filter: the node matches, has a match below it, or lies below a match.
    bool accepts(std::span<const int> rows) const;
    // The node matches by itself. Below a match, only when recorded with every match
    // (TreeFilterJob::Record::EveryMatch); otherwise just the topmost matches are kept.
    bool matches(std::span<const int> rows) const;
    // Some node below it matches (it is an ancestor of a match): the filter opens it.
    bool hasMatchBelow(std::span<const int> rows) const;

    qsizetype storedNodes() const { return qsizetype(m_entries.size()); }

    // For TreeTextMatcher: adds `flags` to the node at `row` below `parent` (RootEntry for a
    // top-level row), creating it when needed. Returns its entry.
    static constexpr quint32 RootEntry = 0;
    static constexpr quint32 MatchesFlag = 1;
    static constexpr quint32 MatchBelowFlag = 2;
    quint32 mark(quint32 parent, int row, quint32 flags);

private:
    static quint64 keyOf(quint32 parent, int row) { return (quint64(parent) << 32) | quint32(row); }
    // The flags along the path; 0 when the path leaves the stored nodes. `acceptedAbove` is
    // set when a node above the last one matches.
    quint32 flagsAt(std::span<const int> rows, bool *matchAbove = nullptr) const;

    // (parent entry, row) -> entry << 2 | flags. A hash of positions rather than pointers:
    // the decoded children of a string are parsed again by the tree model, at other addresses.
    std::unordered_map<quint64, quint32> m_entries;
    quint32 m_nextEntry = RootEntry + 1;
};

} // namespace convdesk
