#pragma once

#include <functional>

class QWidget;

namespace convdesk {

// Runs `action` once, after `widget` has next been painted (for a window not shown yet: its
// first paint), queued behind the paint so that the whole update is on screen first. Nothing
// runs when `widget` goes before it is painted. Work the first screen does not need waits
// here, so the window appears before it is done (the sandbox's server, for instance).
void runAfterNextPaint(QWidget *widget, std::function<void()> action);

} // namespace convdesk
