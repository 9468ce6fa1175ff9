#pragma once

#include "ProfileDialog.h"
#include "ProfileSelector.h"
#include "api/Credentials.h"
#include "profiles/Profile.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class QWidget;

namespace convdesk {

class InMemorySecretStore;
class ProfileStore;
class SecretStore;

// Which profile the window works with: the selector's list (stored profiles, plus the
// in-memory sandbox one), switching between them after the window agreed to leave what it
// shows, reading the AppSecret of the one chosen, and the profile manager dialog.
class ProfileSwitcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileSwitcher)
public:
    // Whether the window may drop what it shows for `action`. True: go ahead now. False: not
    // now; `proceedLater` runs if the user's choice (a save) later allows it.
    using LeaveGuard = std::function<bool(const QString &action, std::function<void()> proceedLater)>;

    ProfileSwitcher(ProfileSelector *selector, ProfileStore &store, SecretStore &secrets, QWidget *dialogParent);
    ~ProfileSwitcher() override;

    void setLeaveGuard(LeaveGuard guard) { m_guard = std::move(guard); }
    void setCredentialTester(ProfileDialog::CredentialTester tester) { m_tester = std::move(tester); }

    // Adds the "Sandbox" profile (its secret only in memory, nothing in settings) and
    // switches to it.
    void addSandbox(const QUrl &baseUrl, const Credentials &credentials,
                    const QString &extensionSchemaFile = QString());
    // At start: the store's default profile, if there is one.
    void activateDefault();

    bool hasActive() const { return !m_active.name.isEmpty(); }
    bool isSandboxActive() const { return m_active.builtIn; }
    bool isSandboxOffered() const { return m_sandboxSecrets != nullptr; }
    // Whether there is anything to choose: a saved profile, or the sandbox.
    bool hasProfiles() const;
    bool isSecretPending() const { return m_secretPending; }

    // The entry a link's profile name stands for: the sandbox while it is offered, else the
    // stored profile of that name ignoring case; nullopt when there is none.
    std::optional<ProfileSelector::Entry> entryNamed(const QString &name) const;
    bool isActive(const ProfileSelector::Entry &entry) const { return hasActive() && entry.sameProfile(m_active); }
    // Switches to `entry` once the leave guard allows it and then runs `afterActivation`.
    // True when that happened now; false when not now (the user stayed, or a save runs
    // first and the switch follows it).
    bool switchTo(const ProfileSelector::Entry &entry, const QString &action,
                  std::function<void()> afterActivation = {});

public Q_SLOTS:
    void manageProfiles();
    // The profile dialog straight away (the welcome page's "Add a profile…"); a profile
    // added there becomes the active one.
    void addProfile();

Q_SIGNALS:
    // A profile was chosen; its secret is being read.
    void activated(const convdesk::Profile &profile);
    // The secret arrived. sameApp: the active profile's secret was re-read (AppKey and
    // address unchanged), so what was loaded with it stays valid.
    void credentialsReady(const convdesk::Profile &profile, const convdesk::Credentials &credentials, bool sameApp);
    void credentialsFailed(const QString &message);
    void deactivated(); // the active profile was removed
    // The list of profiles to choose from changed (one added or removed, the sandbox offered).
    void profilesListed();
    // addProfile() ended: the profile was stored, or why not.
    void profileAddFinished(bool added, const QString &message);

private:
    void refresh(const ProfileSelector::Entry &select);
    void onUserChoice(const ProfileSelector::Entry &entry);
    bool activate(const ProfileSelector::Entry &entry); // false when it cannot be read
    void readSecret(const ProfileSelector::Entry &entry, const Profile &profile, bool sameApp);
    void onProfilesChanged(const QStringList &namesBefore);
    ProfileSelector::Entry sandboxEntry() const;

    ProfileSelector *m_selector;
    ProfileStore &m_store;
    SecretStore &m_secrets;
    QWidget *m_dialogParent;
    LeaveGuard m_guard;
    ProfileDialog::CredentialTester m_tester;

    std::unique_ptr<InMemorySecretStore> m_sandboxSecrets;
    Profile m_sandboxProfile;
    ProfileSelector::Entry m_active;
    Profile m_activeProfile;
    quint64 m_secretGeneration = 0; // a keychain answer for an older choice is stale
    bool m_secretPending = false;
};

} // namespace convdesk
