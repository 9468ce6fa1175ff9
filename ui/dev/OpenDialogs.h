#pragma once

#include <QStringList>

class QSettings;

namespace convdesk {

class MainWindow;
class SecretStore;

// For the accessibility check (tests/a11y): once the window shows its first conversation (or,
// on a first start without profiles, its welcome page), opens the named dialogs beside it without a modal loop, so that a screen reader's view of
// all of them can be read at once, then prints "CONVDESK_DIALOGS open" on standard output.
// Names: "profiles" (the Profiles list), "profile" (adding a profile), "review" (the review
// of a save of an edit to the shown conversation), "history". Exits with code 1 when nothing
// was shown within the time limit. Returns the names it does not know (nothing is opened then).
QStringList openDialogsWhenShown(MainWindow &window, QSettings &settings, SecretStore &secrets,
                                 const QStringList &names);

} // namespace convdesk
