#pragma once

#include <QString>

namespace convdesk::AppIdentity {

// Sets organisation, application name and version on the running QCoreApplication so
// that the GUI and the CLI share one QSettings file and one data directory.
void apply();

QString version();
// The keychain service under which AppSecrets are stored.
QString keychainService();

} // namespace convdesk::AppIdentity
