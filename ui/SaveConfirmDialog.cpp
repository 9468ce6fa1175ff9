#include "SaveConfirmDialog.h"

#include "ClearButton.h"
#include "DialogHook.h"
#include "DiffView.h"
#include "KeyChangesView.h"
#include "SelectableLabel.h"

#include <QCheckBox>
#include <QDir>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QTabWidget>
#include <QVBoxLayout>

namespace convdesk {

namespace {

// Comfortable on the smallest screen supported, 1024×640, with room for a panel or a dock.
constexpr QSize PreferredSize(760, 560);

} // namespace

SaveConfirmDialog::SaveConfirmDialog(const SaveConfirmation &confirmation, QWidget *parent)
    : QDialog(parent)
    , m_confirmation(confirmation)
    , m_diff(ExtensionDiff::compute(confirmation.before, confirmation.after))
    , m_changes(ExtensionChanges::compute(confirmation.before, confirmation.after))
    , m_tabs(new QTabWidget(this))
    , m_keyView(new KeyChangesView(this))
    , m_diffView(new DiffView(this))
    , m_reason(new QLineEdit(this))
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

    m_keyView->setObjectName(QStringLiteral("confirmKeyChanges"));
    m_keyView->setAccessibleName(tr("Changes by key"));
    m_keyView->setChanges(m_changes);

    auto *lines = new QWidget(this);
    auto *diffCaption = new QLabel(tr("&Changes (- removed, + added):"), lines);
    diffCaption->setObjectName(QStringLiteral("confirmDiffCaption"));
    diffCaption->setBuddy(m_diffView);
    m_diffView->setObjectName(QStringLiteral("confirmDiff"));
    m_diffView->setAccessibleName(tr("Changes"));
    m_diffView->setDiff(m_diff, tr("Both values are empty."));
    auto *mode = new QLabel(m_diff.comparedAsJson
                                ? tr("Both values are JSON; they are compared pretty-printed, so the "
                                     "lines show which keys change. The value is sent exactly as edited.")
                                : tr("Compared line by line as plain text."),
                            lines);
    mode->setObjectName(QStringLiteral("confirmDiffMode"));
    mode->setWordWrap(true);
    auto *linesLayout = new QVBoxLayout(lines);
    linesLayout->addWidget(diffCaption);
    linesLayout->addWidget(m_diffView, 1);
    linesLayout->addWidget(mode);

    m_tabs->setObjectName(QStringLiteral("confirmTabs"));
    m_tabs->addTab(m_keyView, tr("By &key"));
    m_tabs->addTab(lines, tr("&Line by line"));
    m_tabs->setCurrentIndex(0);

    auto *summary = new QLabel(m_diff.summary(), this);
    summary->setObjectName(QStringLiteral("confirmSummary"));
    summary->setWordWrap(true);
    QFont bold = summary->font();
    bold.setBold(true);
    summary->setFont(bold);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(summary);

    if (m_changes.risky()) {
        auto *warning = new QLabel(riskWarning(), this);
        warning->setObjectName(QStringLiteral("confirmRiskWarning"));
        warning->setWordWrap(true);
        warning->setTextFormat(Qt::PlainText);
        warning->setAutoFillBackground(true);
        warning->setBackgroundRole(QPalette::ToolTipBase);
        warning->setForegroundRole(QPalette::ToolTipText);
        warning->setMargin(fontMetrics().height() / 3);
        m_riskCheck = new QCheckBox(m_changes.breaksJson
                                        ? tr("I &understand: the value will no longer be valid JSON")
                                        : tr("I &understand: the value will no longer be a JSON object"),
                                    this);
        m_riskCheck->setObjectName(QStringLiteral("confirmRiskCheck"));
        connect(m_riskCheck, &QCheckBox::toggled, this, &SaveConfirmDialog::updateSaveButton);
        layout->addWidget(warning);
        layout->addWidget(m_riskCheck);
    }

    addSchemaWarning(layout);

    m_reason->setObjectName(QStringLiteral("confirmReason"));
    m_reason->setText(confirmation.reason);
    ClearButton::enable(m_reason, tr("Clear the reason"));
    m_reason->setPlaceholderText(confirmation.reasonRequired
                                     ? tr("required: a ticket number or a short note")
                                     : tr("optional: a ticket number or a short note"));
    auto *reasonLabel = new QLabel(tr("&Reason / ticket:"), this);
    reasonLabel->setBuddy(m_reason);
    auto *reasonForm = new QFormLayout;
    reasonForm->addRow(reasonLabel, m_reason);
    layout->addLayout(reasonForm);
    if (confirmation.reasonRequired) {
        auto *hint = new QLabel(tr("The profile \"%1\" requires a reason for every save; it is recorded in the "
                                   "audit log with the save. Save is available once you enter one.")
                                    .arg(confirmation.profileName),
                                this);
        hint->setObjectName(QStringLiteral("confirmReasonHint"));
        hint->setWordWrap(true);
        hint->setTextFormat(Qt::PlainText);
        layout->addWidget(hint);
    }
    connect(m_reason, &QLineEdit::textChanged, this, &SaveConfirmDialog::updateSaveButton);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("confirmButtons"));
    m_saveButton = buttons->button(QDialogButtonBox::Save);
    m_saveButton->setObjectName(QStringLiteral("confirmSaveButton"));
    m_saveButton->setText(m_schemaCheck ? tr("Save &anyway") : tr("&Save to server"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("confirmCancelButton"));
    // Cancel is the default: Enter must not send a change the user has not looked at.
    m_saveButton->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    if (confirmation.reasonRequired && reason().isEmpty())
        m_reason->setFocus();
    updateSaveButton();
    fitToScreen();
}

SaveConfirmDialog::~SaveConfirmDialog() = default;

QString SaveConfirmDialog::reason() const
{
    return m_reason->text().trimmed();
}

void SaveConfirmDialog::updateSaveButton()
{
    const bool riskAccepted = (!m_riskCheck || m_riskCheck->isChecked()) && (!m_schemaCheck || m_schemaCheck->isChecked());
    const bool reasonGiven = !m_confirmation.reasonRequired || !reason().isEmpty();
    m_saveButton->setEnabled(riskAccepted && reasonGiven);
}

void SaveConfirmDialog::addSchemaWarning(QVBoxLayout *layout)
{
    const SaveConfirmation &c = m_confirmation;
    if (c.schemaFile.isEmpty() || (c.schemaProblem.isEmpty() && c.schemaErrors.isEmpty()))
        return;
    QStringList lines;
    if (!c.schemaProblem.isEmpty()) {
        lines << tr("The team's schema cannot be used, so the value was not checked: %1").arg(c.schemaProblem);
    } else {
        lines << tr("The value breaks the team's schema (%1):").arg(QDir::toNativeSeparators(c.schemaFile));
        for (const SchemaError &error : c.schemaErrors)
            lines << (error.pointer.isEmpty() ? error.message : tr("%1: %2").arg(error.pointer, error.message));
    }
    auto *warning = new QLabel(lines.join(u'\n'), this);
    warning->setObjectName(QStringLiteral("confirmSchemaErrors"));
    warning->setWordWrap(true);
    warning->setTextFormat(Qt::PlainText);
    warning->setTextInteractionFlags(Qt::TextSelectableByMouse);
    warning->setAutoFillBackground(true);
    warning->setBackgroundRole(QPalette::ToolTipBase);
    warning->setForegroundRole(QPalette::ToolTipText);
    warning->setMargin(fontMetrics().height() / 3);
    m_schemaCheck = new QCheckBox(tr("I know this value &breaks the team's rules"), this);
    m_schemaCheck->setObjectName(QStringLiteral("confirmSchemaCheck"));
    connect(m_schemaCheck, &QCheckBox::toggled, this, &SaveConfirmDialog::updateSaveButton);
    layout->addWidget(warning);
    layout->addWidget(m_schemaCheck);
}

QString SaveConfirmDialog::riskWarning() const
{
    if (m_changes.breaksJson)
        return tr("Warning: the new value starts like JSON but is not valid JSON, while the value on the server "
                  "is. Apps that read this field as JSON will fail on it.");
    const QString now = m_changes.afterForm == ExtensionChanges::Form::Text
                            ? KeyChangesView::typeText(ExtensionChanges::TextType)
                            : KeyChangesView::typeText(m_changes.changes.value(0).newType);
    return tr("Warning: the value on the server is a JSON object; the new value is not one (it is %1). Apps that "
              "read keys from this field will find none.")
        .arg(now);
}

void SaveConfirmDialog::fitToScreen()
{
    // Never larger than the screen the dialog opens on (its parent's, or the primary one).
    const QScreen *where = parentWidget() ? parentWidget()->screen() : screen();
    const QSize available = where ? where->availableGeometry().size() : PreferredSize;
    resize(PreferredSize.boundedTo(available));
}

bool SaveConfirmDialog::confirm(SaveConfirmation &confirmation, QWidget *parent)
{
    SaveConfirmDialog dialog(confirmation, parent);
    const bool accepted = DialogHook::exec(&dialog) == QDialog::Accepted;
    confirmation.reason = dialog.reason();
    return accepted;
}

} // namespace convdesk
