#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace convdesk {

// A word-wrapped plain-text label whose text can be selected and copied with the mouse or
// the keyboard: for values a support person pastes elsewhere (IDs, versions, AppKeys).
QLabel *selectableLabel(const QString &text, const QString &objectName, QWidget *parent);

} // namespace convdesk
