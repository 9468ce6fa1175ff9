#pragma once

#include <QString>

namespace convdesk {

class MainWindow;

// For docs/screenshot-main.png (scripts/screenshot.sh): once the window shows its first
// conversation, opens a few nodes, lists its account in the account browser, grabs the
// window to `path` as PNG and quits the application (exit code 0, or 1 when nothing was
// shown within the time limit or the file could not be written).
void captureWhenShown(MainWindow &window, const QString &path);

} // namespace convdesk
