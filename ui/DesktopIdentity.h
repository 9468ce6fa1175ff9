#pragma once

#include <QIcon>
#include <QString>

namespace convdesk::DesktopIdentity {

// The reverse-DNS id shared by the desktop entry, the AppStream metainfo and the icon.
QString appId();

// The application icon in every size rendered into the resources (16 to 512 pixels), each
// read from them when it is first drawn.
QIcon applicationIcon();

// Sets the window icon and the desktop file name on the running QGuiApplication, so that
// Wayland compositors and task bars match the windows to the installed desktop entry.
void apply();

} // namespace convdesk::DesktopIdentity
