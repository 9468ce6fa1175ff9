#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace convdesk {

// A line-based diff (longest common subsequence), for showing what a save will change.
// Hand-written because Qt has no diff utility and Debian packages no Qt diff library;
// server_extension values are small, so the quadratic table is cheap.
class TextDiff
{
public:
    enum class Op { Same, Removed, Added };

    struct Line
    {
        Op op = Op::Same;
        QString text;

        friend bool operator==(const Line &, const Line &) = default;
    };

    // Above this many table cells (lines before × lines after, after the common head and
    // tail are trimmed) the middle is reported as wholly removed and re-added: still a
    // correct diff, just not a minimal one, and memory stays bounded.
    static constexpr qsizetype MaxTableCells = 4 * 1024 * 1024;

    // Within a changed block removed lines come before added ones, as in a unified diff.
    static QList<Line> compare(const QStringList &before, const QStringList &after);
    // Splits both texts with splitLines() and compares them.
    static QList<Line> compareTexts(const QString &before, const QString &after);

    // "" → no lines; "a\nb" → {a, b}; "a\n" → {a, ""} (a trailing newline is a real change
    // in free text, so it stays visible). A "\r" before "\n" is kept as part of the line.
    static QStringList splitLines(const QString &text);

    static qsizetype count(const QList<Line> &diff, Op op);
    static bool hasChanges(const QList<Line> &diff);
};

} // namespace convdesk
