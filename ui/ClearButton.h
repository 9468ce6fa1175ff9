#pragma once

class QLineEdit;
class QString;

namespace convdesk {

// QLineEdit::setClearButtonEnabled() puts a button in the field that has no text and no
// accessible name: a screen reader announces it as a bare "push button". This turns the
// button on and gives it (and its action, hence its tool tip) `name`, e.g. "Clear the
// account". Qt offers no call for it, so the action is found by the object name QLineEdit
// gives it; tests/a11y checks the result on the accessibility bus.
namespace ClearButton {
void enable(QLineEdit *edit, const QString &name);
}

} // namespace convdesk
