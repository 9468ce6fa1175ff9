#include "session/ExtensionDraft.h"

namespace convdesk {

ExtensionDraft::ExtensionDraft(QObject *parent)
    : QObject(parent)
{
}

ExtensionDraft::~ExtensionDraft() = default;

void ExtensionDraft::reset(const QString &loaded)
{
    const QString previous = text();
    const bool wasModified = isModified();
    m_original = loaded;
    m_steps.assign(1, Step{loaded, {}, Merge::Never});
    m_current = 0;
    m_typingGroupOpen = false;
    Q_EMIT originalChanged(m_original);
    notify(previous, wasModified);
    Q_EMIT undoStateChanged();
    Q_EMIT restarted();
}

void ExtensionDraft::rebase(const QString &loaded)
{
    const bool wasModified = isModified();
    m_original = loaded;
    Q_EMIT originalChanged(m_original);
    if (wasModified != isModified())
        Q_EMIT modifiedChanged(isModified());
}

void ExtensionDraft::setLocked(bool locked)
{
    if (m_locked == locked)
        return;
    m_locked = locked;
    m_typingGroupOpen = false;
    Q_EMIT lockedChanged(locked);
    Q_EMIT undoStateChanged();
}

bool ExtensionDraft::setText(const QString &newText, const QString &description, Merge merge)
{
    if (m_locked || newText == text())
        return false;
    const QString previous = text();
    const bool wasModified = isModified();
    m_steps.resize(m_current + 1); // an edit after undo drops what could have been redone
    const bool merges = merge == Merge::Typing && m_typingGroupOpen && m_current > 0
                     && m_steps[m_current].merge == Merge::Typing;
    if (merges) {
        m_steps[m_current].text = newText;
    } else {
        m_steps.push_back(Step{newText, description, merge});
        ++m_current;
        if (m_steps.size() > size_t(MaxUndoSteps) + 1) {
            m_steps.erase(m_steps.begin());
            --m_current;
        }
    }
    m_typingGroupOpen = merge == Merge::Typing;
    notify(previous, wasModified);
    Q_EMIT undoStateChanged();
    return true;
}

void ExtensionDraft::closeTypingGroup()
{
    m_typingGroupOpen = false;
}

bool ExtensionDraft::revert(const QString &description)
{
    return setText(m_original, description);
}

QString ExtensionDraft::undoDescription() const
{
    return canUndo() ? m_steps[m_current].description : QString();
}

QString ExtensionDraft::redoDescription() const
{
    return canRedo() ? m_steps[m_current + 1].description : QString();
}

bool ExtensionDraft::undo()
{
    if (!canUndo())
        return false;
    moveTo(m_current - 1);
    return true;
}

bool ExtensionDraft::redo()
{
    if (!canRedo())
        return false;
    moveTo(m_current + 1);
    return true;
}

void ExtensionDraft::moveTo(size_t step)
{
    const QString previous = text();
    const bool wasModified = isModified();
    m_current = step;
    m_typingGroupOpen = false;
    notify(previous, wasModified);
    Q_EMIT undoStateChanged();
}

void ExtensionDraft::notify(const QString &previousText, bool wasModified)
{
    if (previousText != text())
        Q_EMIT textChanged(text());
    if (wasModified != isModified())
        Q_EMIT modifiedChanged(isModified());
}

} // namespace convdesk
