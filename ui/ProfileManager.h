#pragma once

#include "Credentials.h"
#include "ProfileDialog.h"

#include <QObject>

#include <functional>

class QWidget;

namespace convdesk {

class ProfileStore;
class SecretStore;

// Adds, edits and removes profiles through ProfileDialog: settings go to the ProfileStore,
// the AppSecret to the SecretStore (the keychain). "Test credentials" makes one signed call:
// a GET of the conversation ID the user gives, or a one-item list of an account.
class ProfileManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileManager)
public:
    // Where the credential test finds a conversation ID to GET (the window's ID field).
    using TestIdSource = std::function<QString()>;

    ProfileManager(ProfileStore &store, SecretStore &secrets, QWidget *dialogParent);
    ~ProfileManager() override;

    void setTestIdSource(TestIdSource source) { m_testIdSource = std::move(source); }

    // Each runs its dialog through DialogHook. Results arrive as signals.
    void addProfile();
    void editProfile(const QString &name);
    void removeProfile(const QString &name);

    // The tester given to ProfileDialog; public so that it can be tested without a dialog.
    // An empty appSecret means "the one stored for this profile".
    void testCredentials(const Profile &profile, const Credentials &credentials,
                         const ProfileDialog::TestReport &report);

Q_SIGNALS:
    void profileSaved(const QString &name); // after its secret (if any) was written
    void profileRemoved(const QString &name);
    void problem(const QString &message);   // a keychain or settings failure, in words

private:
    void saveFromDialog(const ProfileDialog &dialog);
    void runTest(const Profile &profile, const Credentials &credentials,
                 const ProfileDialog::TestReport &report);

    ProfileStore &m_store;
    SecretStore &m_secrets;
    QWidget *m_dialogParent;
    TestIdSource m_testIdSource;
};

} // namespace convdesk
