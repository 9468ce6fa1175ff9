#include "ProfileSwitcher.h"

#include "DialogHook.h"
#include "ProfileAdder.h"
#include "ProfileManagerDialog.h"
#include "profiles/ProfileStore.h"
#include "secrets/InMemorySecretStore.h"

namespace convdesk {

namespace {
const QString SandboxProfileName = QStringLiteral("Sandbox");
}

ProfileSwitcher::ProfileSwitcher(ProfileSelector *selector, ProfileStore &store, SecretStore &secrets,
                                 QWidget *dialogParent)
    : QObject(dialogParent)
    , m_selector(selector)
    , m_store(store)
    , m_secrets(secrets)
    , m_dialogParent(dialogParent)
{
    connect(m_selector, &ProfileSelector::profileActivated, this, &ProfileSwitcher::onUserChoice);
    connect(m_selector, &ProfileSelector::manageRequested, this, &ProfileSwitcher::manageProfiles);
    refresh({});
}

ProfileSwitcher::~ProfileSwitcher() = default;

ProfileSelector::Entry ProfileSwitcher::sandboxEntry() const
{
    return {SandboxProfileName, true, tr("Sandbox (local simulator)")};
}

void ProfileSwitcher::addSandbox(const QUrl &baseUrl, const Credentials &credentials,
                                 const QString &extensionSchemaFile)
{
    m_sandboxSecrets = std::make_unique<InMemorySecretStore>();
    m_sandboxSecrets->write(SandboxProfileName, credentials.appSecret, this, [](const SecretResult &) {});
    m_sandboxProfile = Profile();
    m_sandboxProfile.name = SandboxProfileName;
    m_sandboxProfile.region = Region::Custom;
    m_sandboxProfile.baseUrl = baseUrl;
    m_sandboxProfile.appKey = credentials.appKey;
    m_sandboxProfile.extensionSchemaFile = extensionSchemaFile;
    refresh(sandboxEntry());
    switchTo(sandboxEntry(), tr("switching to the sandbox"));
}

void ProfileSwitcher::activateDefault()
{
    if (const auto initial = m_store.defaultProfile()) {
        refresh(ProfileSelector::Entry::stored(initial->name));
        activate(ProfileSelector::Entry::stored(initial->name));
    }
}

bool ProfileSwitcher::hasProfiles() const
{
    return isSandboxOffered() || !m_store.names().isEmpty();
}

void ProfileSwitcher::refresh(const ProfileSelector::Entry &select)
{
    QList<ProfileSelector::Entry> entries;
    if (m_sandboxSecrets)
        entries.append(sandboxEntry());
    for (const QString &name : m_store.names())
        entries.append(ProfileSelector::Entry::stored(name));
    m_selector->setEntries(entries, select);
    Q_EMIT profilesListed();
}

void ProfileSwitcher::onUserChoice(const ProfileSelector::Entry &entry)
{
    if (!entry.sameProfile(m_active))
        switchTo(entry, tr("switching to the profile \"%1\"").arg(entry.name));
}

std::optional<ProfileSelector::Entry> ProfileSwitcher::entryNamed(const QString &name) const
{
    if (m_sandboxSecrets && name.compare(SandboxProfileName, Qt::CaseInsensitive) == 0)
        return sandboxEntry();
    if (const auto stored = m_store.existingName(name))
        return ProfileSelector::Entry::stored(*stored);
    return std::nullopt;
}

bool ProfileSwitcher::switchTo(const ProfileSelector::Entry &entry, const QString &action,
                               std::function<void()> afterActivation)
{
    auto proceed = [this, entry, afterActivation = std::move(afterActivation)] {
        if (!m_selector->select(entry))
            refresh(entry); // stored meanwhile by another program (the CLI)
        if (activate(entry) && afterActivation)
            afterActivation();
    };
    if (!m_guard || m_guard(action, proceed)) {
        proceed();
        return true;
    }
    m_selector->select(m_active); // until a save lets the switch happen, or for good
    return false;
}

bool ProfileSwitcher::activate(const ProfileSelector::Entry &entry)
{
    Profile profile;
    if (entry.builtIn) {
        profile = m_sandboxProfile;
    } else if (const auto found = m_store.find(entry.name)) {
        profile = *found;
        m_store.setLastUsed(entry.name);
    } else {
        Q_EMIT credentialsFailed(tr("The profile \"%1\" can no longer be read from the settings.").arg(entry.name));
        return false;
    }
    m_active = entry;
    m_activeProfile = profile;
    Q_EMIT activated(profile);
    readSecret(entry, profile, false);
    return true;
}

void ProfileSwitcher::readSecret(const ProfileSelector::Entry &entry, const Profile &profile, bool sameApp)
{
    m_secretPending = true;
    const quint64 generation = ++m_secretGeneration;
    SecretStore &store = entry.builtIn && m_sandboxSecrets ? *m_sandboxSecrets : m_secrets;
    store.read(entry.name, this, [this, generation, profile, sameApp](const SecretResult &result) {
        if (generation != m_secretGeneration)
            return;
        m_secretPending = false;
        if (result.ok())
            Q_EMIT credentialsReady(profile, {profile.appKey, result.secret}, sameApp);
        else
            Q_EMIT credentialsFailed(tr("The AppSecret of the profile \"%1\" could not be read: %2")
                                         .arg(profile.name, result.message));
    });
}

void ProfileSwitcher::manageProfiles()
{
    const QStringList namesBefore = m_store.names();
    ProfileManagerDialog dialog(m_store, m_secrets, m_dialogParent);
    dialog.setCredentialTester(m_tester);
    if (m_sandboxSecrets)
        dialog.setBuiltInProfile(m_sandboxProfile); // listed first, so selected unless…
    if (hasActive() && !m_active.builtIn)
        dialog.selectProfile(m_active.name); // …a saved one is active
    bool changed = false;
    connect(&dialog, &ProfileManagerDialog::profilesChanged, this, [&changed] { changed = true; });
    DialogHook::exec(&dialog);
    if (changed)
        onProfilesChanged(namesBefore);
}

void ProfileSwitcher::addProfile()
{
    const QStringList namesBefore = m_store.names();
    ProfileAdder::add(m_store, m_secrets, m_tester, m_dialogParent, this,
                      [this, namesBefore](const ProfileAdder::Outcome &outcome) {
                          if (outcome.added)
                              onProfilesChanged(namesBefore);
                          Q_EMIT profileAddFinished(outcome.added, outcome.message);
                      });
}

void ProfileSwitcher::onProfilesChanged(const QStringList &namesBefore)
{
    QStringList added = m_store.names();
    for (const QString &name : namesBefore)
        added.removeAll(name);
    const bool activeIsStored = hasActive() && !m_active.builtIn;
    const auto stored = activeIsStored ? m_store.find(m_active.name) : std::nullopt;

    if (activeIsStored && !stored) { // removed: nothing can be sent with it any more
        ++m_secretGeneration;
        m_secretPending = false;
        m_active = {};
        m_activeProfile = {};
        Q_EMIT deactivated();
    }
    refresh(m_active);

    if (added.size() == 1) {
        switchTo(ProfileSelector::Entry::stored(added.first()),
                 tr("switching to the new profile \"%1\"").arg(added.first()));
    } else if (stored && *stored != m_activeProfile) {
        // Another AppKey or address is another app: like choosing a different profile.
        const ProfileSelector::Entry entry = m_active;
        if (!m_guard || m_guard(tr("applying the changed profile \"%1\"").arg(entry.name),
                                [this, entry] { activate(entry); }))
            activate(entry);
    } else if (stored) {
        readSecret(m_active, *stored, true); // the secret may have been entered again
    } else if (!hasActive()) {
        if (m_sandboxSecrets)
            switchTo(sandboxEntry(), tr("switching to the sandbox"));
        else if (const auto fallback = m_store.defaultProfile())
            switchTo(ProfileSelector::Entry::stored(fallback->name), tr("switching profiles"));
    }
}

} // namespace convdesk
