#pragma once

#include "api/ApiLimits.h"

#include <QObject>
#include <QString>

#include <vector>

namespace convdesk {

// The server_extension being edited: the value as loaded, the pending value, and one undo
// history that every view (form, text, tree) edits through, so Ctrl+Z undoes the last change
// whichever view made it. Widget-free; the views show text() and call setText().
//
// Why not QUndoStack: it lives in QtGui, which the core (linked by the CLI) does not use, and
// a value of at most 1024 characters is cheapest kept as whole snapshots: no command classes,
// and an undo can never drift from the text it restores.
class ExtensionDraft final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExtensionDraft)
public:
    // In characters as QString::size() counts them (UTF-16 code units): see ApiLimits.
    static constexpr int MaxLength = ApiLimits::MaxServerExtensionLength;
    // Older steps are dropped beyond this; a support session never needs more.
    static constexpr int MaxUndoSteps = 500;

    // Typing: merges with the step before when that was typing too, so one Ctrl+Z takes back
    // a run of keystrokes, not one character (closeTypingGroup() ends the run).
    enum class Merge { Never, Typing };

    explicit ExtensionDraft(QObject *parent = nullptr);
    ~ExtensionDraft() override;

    // A newly loaded value: it becomes the original and the text, and the history starts here.
    void reset(const QString &loaded);
    // The server's value becomes the original while the text and its history stay (the user
    // keeps editing after a conflict); the next save compares with the new original.
    void rebase(const QString &loaded);

    QString original() const { return m_original; }
    QString text() const { return m_steps[m_current].text; }
    qsizetype length() const { return text().size(); }
    bool isModified() const { return text() != m_original; }
    bool isTooLong() const { return length() > MaxLength; }

    // While a save runs nothing changes the text: the value being sent stays on screen.
    void setLocked(bool locked);
    bool isLocked() const { return m_locked; }

    // One edit; false when refused (locked) or when it changes nothing.
    bool setText(const QString &text, const QString &description, Merge merge = Merge::Never);
    void closeTypingGroup();
    // Back to the value as loaded, as one undoable step.
    bool revert(const QString &description);

    bool canUndo() const { return !m_locked && m_current > 0; }
    bool canRedo() const { return !m_locked && m_current + 1 < m_steps.size(); }
    QString undoDescription() const; // of the step undo() takes back; empty when none
    QString redoDescription() const;
    bool undo();
    bool redo();

Q_SIGNALS:
    void textChanged(const QString &text);
    void modifiedChanged(bool modified);
    void originalChanged(const QString &original);
    void restarted(); // reset(): another value was loaded; its history starts here
    void undoStateChanged();
    void lockedChanged(bool locked);

private:
    struct Step
    {
        QString text;
        QString description; // what led to this text
        Merge merge = Merge::Never;
    };

    void moveTo(size_t step);
    void notify(const QString &previousText, bool wasModified);

    QString m_original;
    std::vector<Step> m_steps{Step{}};
    size_t m_current = 0;
    bool m_typingGroupOpen = false;
    bool m_locked = false;
};

} // namespace convdesk
