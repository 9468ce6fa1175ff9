#pragma once

#include "json/TextDiff.h"

#include <QCoreApplication>
#include <QString>

namespace convdesk {

// What saving a new server_extension changes, in the form a person can check before
// sending. When each side is JSON (or empty) the pretty-printed forms are compared, so
// that a change inside one compact line shows which key changed.
struct ExtensionDiff
{
    Q_DECLARE_TR_FUNCTIONS(ExtensionDiff)
public:
    QList<TextDiff::Line> lines;
    bool comparedAsJson = false;
    qsizetype charactersBefore = 0; // QString::size() of the texts as stored
    qsizetype charactersAfter = 0;

    static ExtensionDiff compute(const QString &before, const QString &after);

    qsizetype removedLines() const { return TextDiff::count(lines, TextDiff::Op::Removed); }
    qsizetype addedLines() const { return TextDiff::count(lines, TextDiff::Op::Added); }
    // The stored texts differ but the compared forms do not: only JSON formatting changed.
    bool formattingOnly() const;
    bool identical() const { return !TextDiff::hasChanges(lines) && !formattingOnly(); }

    // "3 lines removed, 4 added, 812 → 840 characters"
    QString summary() const;

private:
    bool m_textsDiffer = false;
};

} // namespace convdesk
