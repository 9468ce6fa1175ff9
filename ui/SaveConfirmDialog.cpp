#include "SaveConfirmDialog.h"

#include "DialogHook.h"
#include "DiffView.h"
#include "SelectableLabel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace convdesk {

SaveConfirmDialog::SaveConfirmDialog(const SaveConfirmation &confirmation, QWidget *parent)
    : QDialog(parent)
    , m_confirmation(confirmation)
    , m_diff(ExtensionDiff::compute(confirmation.before, confirmation.after))
    , m_diffView(new DiffView(this))
{
    setObjectName(QStringLiteral("saveConfirmDialog"));
    setWindowTitle(tr("Save server extension?"));

    auto *intro = new QLabel(tr("This replaces the conversation's server_extension on the server. "
                                "Other clients see the new value at once."), this);
    intro->setObjectName(QStringLiteral("confirmIntro"));
    intro->setWordWrap(true);

    auto *conversation = selectableLabel(confirmation.conversationId,
                                         QStringLiteral("confirmConversationId"), this);
    auto *profile = selectableLabel(tr("%1 (AppKey %2)").arg(confirmation.profileName, confirmation.appKey),
                                    QStringLiteral("confirmProfile"), this);
    auto *form = new QFormLayout;
    form->addRow(tr("Conversation:"), conversation);
    form->addRow(tr("Profile:"), profile);

    auto *diffCaption = new QLabel(tr("&Changes (- removed, + added):"), this);
    diffCaption->setObjectName(QStringLiteral("confirmDiffCaption"));
    diffCaption->setBuddy(m_diffView);
    m_diffView->setObjectName(QStringLiteral("confirmDiff"));
    m_diffView->setAccessibleName(tr("Changes"));
    m_diffView->setDiff(m_diff, tr("Both values are empty."));

    auto *mode = new QLabel(m_diff.comparedAsJson
                                ? tr("Both values are JSON; they are compared pretty-printed, so the "
                                     "lines show which keys change. The value is sent exactly as edited.")
                                : tr("Compared line by line as plain text."),
                            this);
    mode->setObjectName(QStringLiteral("confirmDiffMode"));
    mode->setWordWrap(true);

    auto *summary = new QLabel(m_diff.summary(), this);
    summary->setObjectName(QStringLiteral("confirmSummary"));
    QFont bold = summary->font();
    bold.setBold(true);
    summary->setFont(bold);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("confirmButtons"));
    QPushButton *save = buttons->button(QDialogButtonBox::Save);
    save->setObjectName(QStringLiteral("confirmSaveButton"));
    save->setText(tr("&Save to server"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("confirmCancelButton"));
    // Cancel is the default: Enter must not send a change the user has not looked at.
    save->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(diffCaption);
    layout->addWidget(m_diffView, 1);
    layout->addWidget(mode);
    layout->addWidget(summary);
    layout->addWidget(buttons);

    resize(640, 480);
}

SaveConfirmDialog::~SaveConfirmDialog() = default;

bool SaveConfirmDialog::confirm(const SaveConfirmation &confirmation, QWidget *parent)
{
    SaveConfirmDialog dialog(confirmation, parent);
    return DialogHook::exec(&dialog) == QDialog::Accepted;
}

} // namespace convdesk
