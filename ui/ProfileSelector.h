#pragma once

#include <QList>
#include <QString>
#include <QWidget>

class QAction;
class QComboBox;
class QToolButton;

namespace convdesk {

// Which profile the window talks with, plus the "Profiles…" menu to add, edit and remove
// them. Stored profiles are keyed by name; a built-in one (the sandbox) is kept apart so that
// a stored profile of the same name is never confused with it, and cannot be edited.
class ProfileSelector final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileSelector)
public:
    struct Entry
    {
        QString name;
        bool builtIn = false;
        QString label; // shown instead of the name when set
    };

    explicit ProfileSelector(QWidget *parent = nullptr);
    ~ProfileSelector() override;

    // Replaces the list without emitting profileActivated(); selects `current` if present.
    void setEntries(const QList<Entry> &entries, const Entry &current);
    // Selects without emitting profileActivated(); false when there is no such entry.
    bool select(const Entry &entry);

    bool hasCurrent() const;
    Entry current() const;

    QAction *addProfileAction() const { return m_add; }
    QAction *editProfileAction() const { return m_edit; }
    QAction *removeProfileAction() const { return m_remove; }

Q_SIGNALS:
    void profileActivated(const convdesk::ProfileSelector::Entry &entry); // chosen by the user
    void addRequested();
    void editRequested(const QString &name);
    void removeRequested(const QString &name);

private:
    int indexOf(const Entry &entry) const;
    void updateActions();

    QComboBox *m_combo;
    QToolButton *m_button;
    QAction *m_add;
    QAction *m_edit;
    QAction *m_remove;
};

} // namespace convdesk
