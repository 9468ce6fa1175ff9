#pragma once

#include "ProfileDialog.h"

#include <QString>

#include <functional>

class QObject;
class QWidget;

namespace convdesk {

class ProfileStore;
class SecretStore;

// Adding a profile, wherever it starts (the Profiles dialog's Add…, the welcome page): the
// profile dialog in Add mode, then the AppSecret to the keychain and, only once it is there,
// the profile to the settings, so that a failure stores neither (as the CLI's "profile add").
class ProfileAdder
{
public:
    struct Outcome
    {
        bool added = false;
        QString profileName;
        QString message; // "Profile … added.", or why it was not
    };
    using Report = std::function<void(const Outcome &)>;

    // Returns false when the dialog was cancelled; nothing happens then. Otherwise `report`
    // runs once the keychain has answered, unless `context` is gone by then: the profile is
    // stored (or not) all the same. The store and the secret store must outlive the answer.
    static bool add(ProfileStore &store, SecretStore &secrets, const ProfileDialog::CredentialTester &tester,
                    QWidget *dialogParent, QObject *context, Report report);
};

} // namespace convdesk
