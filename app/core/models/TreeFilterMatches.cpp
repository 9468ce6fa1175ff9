#include "models/TreeFilterMatches.h"

namespace convdesk {

quint32 TreeFilterMatches::mark(quint32 parent, int row, quint32 flags)
{
    const auto [at, added] = m_entries.try_emplace(keyOf(parent, row), (m_nextEntry << 2) | flags);
    if (added) {
        if (m_nextEntry >= (1u << 30))
            qFatal("TreeFilterMatches: more matching nodes than an entry can count");
        ++m_nextEntry;
    } else {
        at->second |= flags;
    }
    return at->second >> 2;
}

quint32 TreeFilterMatches::flagsAt(std::span<const int> rows, bool *matchAbove) const
{
    if (matchAbove)
        *matchAbove = false;
    quint32 entry = RootEntry;
    quint32 flags = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        if (matchAbove && (flags & MatchesFlag))
            *matchAbove = true;
        const auto found = m_entries.find(keyOf(entry, rows[i]));
        if (found == m_entries.end())
            return 0;
        entry = found->second >> 2;
        flags = found->second & 3;
    }
    return flags;
}

bool TreeFilterMatches::accepts(std::span<const int> rows) const
{
    bool matchAbove = false;
    return flagsAt(rows, &matchAbove) != 0 || matchAbove;
}

bool TreeFilterMatches::matches(std::span<const int> rows) const
{
    return flagsAt(rows) & MatchesFlag;
}

bool TreeFilterMatches::hasMatchBelow(std::span<const int> rows) const
{
    return flagsAt(rows) & MatchBelowFlag;
}

} // namespace convdesk
