#include "ProfileAdder.h"

#include "DialogHook.h"
#include "ProfileManagerDialog.h"
#include "profiles/ProfileStore.h"
#include "secrets/SecretStore.h"

#include <QPointer>

namespace convdesk {

// The messages keep the Profiles dialog's translation context, where the catalogue has them.
bool ProfileAdder::add(ProfileStore &store, SecretStore &secrets, const ProfileDialog::CredentialTester &tester,
                       QWidget *dialogParent, QObject *context, Report report)
{
    ProfileDialog dialog(ProfileDialog::Mode::Add, dialogParent);
    dialog.setExistingNames(store.names());
    dialog.setCredentialTester(tester);
    if (DialogHook::exec(&dialog) != QDialog::Accepted)
        return false;
    const Profile profile = dialog.profile();
    if (const QString problem = ProfileStore::validate(profile); !problem.isEmpty()) {
        report({false, profile.name, problem});
        return true;
    }
    // The secret store is the callback's context, not `context`: the profile is stored even
    // when the one who asked is gone before the keychain answers.
    secrets.write(profile.name, dialog.secret(), &secrets,
                  [&store, &secrets, profile, context = QPointer<QObject>(context),
                   report = std::move(report)](const SecretResult &result) {
                      Outcome outcome{false, profile.name, {}};
                      QString error;
                      if (!result.ok()) {
                          outcome.message = ProfileManagerDialog::tr(
                                                "The profile \"%1\" was not added: its AppSecret could not be "
                                                "stored in the keychain. %2")
                                                .arg(profile.name, result.message);
                      } else if (!store.save(profile, &error)) {
                          secrets.remove(profile.name, &secrets, [](const SecretResult &) {});
                          outcome.message = error;
                      } else {
                          outcome.added = true;
                          outcome.message = ProfileManagerDialog::tr("Profile \"%1\" added.").arg(profile.name);
                      }
                      if (context)
                          report(outcome);
                  });
    return true;
}

} // namespace convdesk
