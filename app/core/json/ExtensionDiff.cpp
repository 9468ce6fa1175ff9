#include "json/ExtensionDiff.h"

#include "json/JsonDocument.h"

#include <optional>

namespace convdesk {

namespace {

constexpr int PrettyIndent = 2;

// The pretty-printed form of JSON text, "" for empty text, nullopt for anything else.
std::optional<QString> prettyForm(const QString &text)
{
    if (text.trimmed().isEmpty())
        return QString();
    const auto parsed = Json::parse(text.toUtf8());
    if (!parsed)
        return std::nullopt;
    return Json::toText(*parsed, PrettyIndent);
}

} // namespace

ExtensionDiff ExtensionDiff::compute(const QString &before, const QString &after)
{
    ExtensionDiff diff;
    diff.charactersBefore = before.size();
    diff.charactersAfter = after.size();
    diff.m_textsDiffer = before != after;

    const std::optional<QString> prettyBefore = prettyForm(before);
    const std::optional<QString> prettyAfter = prettyForm(after);
    // Two empty texts are not "JSON"; at least one side has to be a JSON value.
    const bool bothJsonOrEmpty = prettyBefore && prettyAfter;
    const bool anyJson = !before.trimmed().isEmpty() || !after.trimmed().isEmpty();
    diff.comparedAsJson = bothJsonOrEmpty && anyJson;
    diff.lines = diff.comparedAsJson ? TextDiff::compareTexts(*prettyBefore, *prettyAfter)
                                     : TextDiff::compareTexts(before, after);
    return diff;
}

bool ExtensionDiff::formattingOnly() const
{
    return m_textsDiffer && !TextDiff::hasChanges(lines);
}

QString ExtensionDiff::summary() const
{
    const qsizetype removed = removedLines();
    const qsizetype added = addedLines();
    const QString removedText = removed == 1 ? tr("1 line removed") : tr("%1 lines removed").arg(removed);
    const QString addedText = tr("%1 added").arg(added);
    const QString characters = tr("%1 → %2 characters").arg(charactersBefore).arg(charactersAfter);
    if (formattingOnly())
        return tr("Only the JSON formatting changes, %1").arg(characters);
    if (identical())
        return tr("No change, %1 characters").arg(charactersAfter);
    return tr("%1, %2, %3").arg(removedText, addedText, characters);
}

} // namespace convdesk
