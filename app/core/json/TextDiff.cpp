#include "json/TextDiff.h"

#include <algorithm>
#include <vector>

namespace convdesk {

QStringList TextDiff::splitLines(const QString &text)
{
    if (text.isEmpty())
        return {};
    return text.split(u'\n');
}

QList<TextDiff::Line> TextDiff::compare(const QStringList &before, const QStringList &after)
{
    // The common head and tail need no table; only the middle is compared.
    qsizetype head = 0;
    while (head < before.size() && head < after.size() && before[head] == after[head])
        ++head;
    qsizetype tail = 0;
    while (tail < before.size() - head && tail < after.size() - head
           && before[before.size() - 1 - tail] == after[after.size() - 1 - tail])
        ++tail;

    const qsizetype n = before.size() - head - tail;
    const qsizetype m = after.size() - head - tail;

    QList<Line> result;
    result.reserve(head + tail + n + m);
    for (qsizetype i = 0; i < head; ++i)
        result.append({Op::Same, before[i]});

    const auto a = [&](qsizetype i) -> const QString & { return before[head + i]; };
    const auto b = [&](qsizetype j) -> const QString & { return after[head + j]; };

    if (n > 0 && m > 0 && (n + 1) * (m + 1) <= MaxTableCells) {
        // lcs[i][j] = length of the longest common subsequence of a[i..] and b[j..].
        const qsizetype width = m + 1;
        std::vector<int> lcs(size_t((n + 1) * width), 0);
        const auto at = [&](qsizetype i, qsizetype j) -> int & { return lcs[size_t(i * width + j)]; };
        for (qsizetype i = n - 1; i >= 0; --i) {
            for (qsizetype j = m - 1; j >= 0; --j)
                at(i, j) = a(i) == b(j) ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
        }
        qsizetype i = 0;
        qsizetype j = 0;
        while (i < n && j < m) {
            if (a(i) == b(j)) {
                result.append({Op::Same, a(i)});
                ++i;
                ++j;
            } else if (at(i + 1, j) >= at(i, j + 1)) {
                result.append({Op::Removed, a(i++)});
            } else {
                result.append({Op::Added, b(j++)});
            }
        }
        for (; i < n; ++i)
            result.append({Op::Removed, a(i)});
        for (; j < m; ++j)
            result.append({Op::Added, b(j)});
    } else {
        for (qsizetype i = 0; i < n; ++i)
            result.append({Op::Removed, a(i)});
        for (qsizetype j = 0; j < m; ++j)
            result.append({Op::Added, b(j)});
    }

    for (qsizetype i = before.size() - tail; i < before.size(); ++i)
        result.append({Op::Same, before[i]});
    return result;
}

QList<TextDiff::Line> TextDiff::compareTexts(const QString &before, const QString &after)
{
    return compare(splitLines(before), splitLines(after));
}

qsizetype TextDiff::count(const QList<Line> &diff, Op op)
{
    return std::count_if(diff.cbegin(), diff.cend(), [op](const Line &line) { return line.op == op; });
}

bool TextDiff::hasChanges(const QList<Line> &diff)
{
    return std::any_of(diff.cbegin(), diff.cend(), [](const Line &line) { return line.op != Op::Same; });
}

} // namespace convdesk
