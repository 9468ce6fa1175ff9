#pragma once

#include "ProfileDialog.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;

namespace convdesk {

class ProfileStore;
class SecretStore;
struct SecretResult;

// Lists the saved profiles with Add, Edit and Remove. Profiles go to the ProfileStore,
// AppSecrets to the SecretStore (the keychain); both outlive this dialog.
class ProfileManagerDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileManagerDialog)
public:
    ProfileManagerDialog(ProfileStore &store, SecretStore &secrets, QWidget *parent = nullptr);
    ~ProfileManagerDialog() override;

    // Passed on to every ProfileDialog this dialog opens.
    void setCredentialTester(ProfileDialog::CredentialTester tester);

    QString selectedName() const;
    void selectProfile(const QString &name);
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
    void finishAdding(const Profile &profile, const SecretResult &result);

    ProfileStore &m_store;
    SecretStore &m_secrets;
    ProfileDialog::CredentialTester m_tester;
    QListWidget *m_list;
    QPushButton *m_addButton;
    QPushButton *m_editButton;
    QPushButton *m_removeButton;
    QLabel *m_status;
};

} // namespace convdesk
