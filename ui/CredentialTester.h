#pragma once

#include "ProfileDialog.h"
#include "api/Credentials.h"

#include <QObject>

#include <functional>

class QWidget;

namespace convdesk {

class SecretStore;

// "Test credentials" in the profile dialog: one signed call with the values entered, a GET
// of the conversation ID in the main window's field, or, without one, of an ID or account
// the user names (an account is listed, one item).
class CredentialTester final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialTester)
public:
    using IdSource = std::function<QString()>;

    // `secrets` supplies the stored secret when an edited profile's secret field is left empty.
    CredentialTester(SecretStore &secrets, IdSource idSource, QWidget *dialogParent);
    ~CredentialTester() override;

    void test(const Profile &profile, const Credentials &credentials, const ProfileDialog::TestReport &report);
    // For ProfileDialog::setCredentialTester().
    ProfileDialog::CredentialTester function();

private:
    void run(const Profile &profile, const Credentials &credentials, const ProfileDialog::TestReport &report);

    SecretStore &m_secrets;
    IdSource m_idSource;
    QWidget *m_dialogParent;
};

} // namespace convdesk
