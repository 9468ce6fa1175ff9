#pragma once

#include "ProfileDialog.h"
#include "profiles/Profile.h"

#include <optional>

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;

namespace convdesk {

class ProfileStore;
class SecretStore;

// Lists the saved profiles with Add, Edit and Remove. Profiles go to the ProfileStore,
// AppSecrets to the SecretStore (the keychain); both outlive this dialog. In sandbox mode
// the sandbox's profile is listed too, read-only.
class ProfileManagerDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileManagerDialog)
public:
    ProfileManagerDialog(ProfileStore &store, SecretStore &secrets, QWidget *parent = nullptr);
    ~ProfileManagerDialog() override;

    // Passed on to every ProfileDialog this dialog opens.
    void setCredentialTester(ProfileDialog::CredentialTester tester);

    // A profile the program provides while it runs (the sandbox's): listed first (and
    // selected), marked as built in, with its address and AppKey; it cannot be edited or
    // removed here.
    void setBuiltInProfile(const Profile &profile);
    bool isBuiltInSelected() const;

    QString selectedName() const; // of a saved profile; "" for none and for the built-in one
    void selectProfile(const QString &name); // a saved one
    QString statusText() const; // the last outcome, e.g. a keychain error

public Q_SLOTS:
    void addProfile();
    void editProfile();   // the selected one
    void removeProfile(); // the selected one, after asking

Q_SIGNALS:
    void profilesChanged();

private:
    void reload(const QString &select);
    void updateButtons();
    void showStatus(const QString &text, bool problem);
    void storeSecret(const QString &profileName, const QString &secret);
    static QString builtInReason();

    ProfileStore &m_store;
    SecretStore &m_secrets;
    ProfileDialog::CredentialTester m_tester;
    std::optional<Profile> m_builtIn;
    QListWidget *m_list;
    QPushButton *m_addButton;
    QPushButton *m_editButton;
    QPushButton *m_removeButton;
    QLabel *m_status;
};

} // namespace convdesk
