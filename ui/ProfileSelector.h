#pragma once

#include <QList>
#include <QString>
#include <QWidget>

class QComboBox;
class QToolButton;

namespace convdesk {

// Which profile the window talks with, plus the "Profiles…" button that opens the profile
// manager. Stored profiles are keyed by name; a built-in one (the sandbox) is kept apart so
// that a stored profile of the same name is never confused with it.
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

        static Entry stored(const QString &profileName) { return {profileName, false, {}}; }
        bool sameProfile(const Entry &other) const { return name == other.name && builtIn == other.builtIn; }
    };

    explicit ProfileSelector(QWidget *parent = nullptr);
    ~ProfileSelector() override;

    // Replaces the list without emitting profileActivated(); selects `current` if present.
    void setEntries(const QList<Entry> &entries, const Entry &current);
    // Selects without emitting profileActivated(); false when there is no such entry.
    bool select(const Entry &entry);

    bool hasCurrent() const;
    Entry current() const;

Q_SIGNALS:
    void profileActivated(const convdesk::ProfileSelector::Entry &entry); // chosen by the user
    void manageRequested();

private:
    int indexOf(const Entry &entry) const;

    QComboBox *m_combo;
    QToolButton *m_manage;
};

} // namespace convdesk
