#pragma once

#include "DialogHook.h"

#include <QCheckBox>
#include <QDialog>

namespace convdesk::test {

// Many GUI tests save plain text over the sandbox's JSON objects; the review then asks for a
// second confirmation (confirmRiskCheck) before Save is enabled. This inspector ticks it, as
// the user would, and then runs `inner`. tst_saveconfirmdialog tests the check itself.
inline DialogHook::Inspector confirmingRisk(DialogHook::Inspector inner = {})
{
    return [inner = std::move(inner)](QDialog *dialog) {
        if (auto *risk = dialog->findChild<QCheckBox *>(QStringLiteral("confirmRiskCheck")))
            risk->setChecked(true);
        if (inner)
            inner(dialog);
    };
}

} // namespace convdesk::test
