#include "SaveConfirmDialog.h"

#include "DialogHook.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextBlockFormat>
#include <QTextCursor>
#include <QTextEdit>
#include <QVBoxLayout>

namespace convdesk {

namespace {

// A tint of `tint` over `base`: stays close to the theme's own background, so the text
// colour of that theme keeps its contrast on light and dark palettes alike.
QColor blend(const QColor &base, const QColor &tint, qreal amount)
{
    return QColor::fromRgbF(float(base.redF() * (1 - amount) + tint.redF() * amount),
                            float(base.greenF() * (1 - amount) + tint.greenF() * amount),
                            float(base.blueF() * (1 - amount) + tint.blueF() * amount));
}

QLabel *selectableLabel(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    return label;
}

} // namespace

SaveConfirmDialog::SaveConfirmDialog(const SaveConfirmation &confirmation, QWidget *parent)
    : QDialog(parent)
    , m_confirmation(confirmation)
    , m_diff(ExtensionDiff::compute(confirmation.before, confirmation.after))
    , m_diffView(new QTextEdit(this))
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
    m_diffView->setReadOnly(true);
    m_diffView->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_diffView->setLineWrapMode(QTextEdit::NoWrap);
    m_diffView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_diffView->setTabChangesFocus(true);
    m_diffView->setAccessibleName(tr("Changes"));

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

    renderDiff();
    resize(640, 480);
}

SaveConfirmDialog::~SaveConfirmDialog() = default;

bool SaveConfirmDialog::confirm(const SaveConfirmation &confirmation, QWidget *parent)
{
    SaveConfirmDialog dialog(confirmation, parent);
    return DialogHook::exec(&dialog) == QDialog::Accepted;
}

void SaveConfirmDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        renderDiff();
}

void SaveConfirmDialog::renderDiff()
{
    const QPalette colours = palette();
    const QColor base = colours.color(QPalette::Base);

    // Whole lines are tinted (block background); the -/+ prefix and bold/italic type carry
    // the meaning for anyone who cannot tell the tints apart.
    QTextCharFormat sameText;
    sameText.setForeground(colours.brush(QPalette::Text));
    QTextCharFormat removedText = sameText;
    removedText.setFontItalic(true);
    QTextCharFormat addedText = sameText;
    addedText.setFontWeight(QFont::Bold);

    QTextBlockFormat sameBlock;
    QTextBlockFormat removedBlock;
    removedBlock.setBackground(blend(base, colours.color(QPalette::Text), 0.15));
    QTextBlockFormat addedBlock;
    addedBlock.setBackground(blend(base, colours.color(QPalette::Highlight), 0.3));

    m_diffView->clear();
    QTextCursor cursor(m_diffView->document());
    cursor.beginEditBlock();
    bool first = true;
    for (const TextDiff::Line &line : m_diff.lines) {
        const QTextBlockFormat &block = line.op == TextDiff::Op::Removed ? removedBlock
                                      : line.op == TextDiff::Op::Added   ? addedBlock
                                                                         : sameBlock;
        if (first)
            cursor.setBlockFormat(block);
        else
            cursor.insertBlock(block);
        first = false;
        switch (line.op) {
        case TextDiff::Op::Same: cursor.insertText(QStringLiteral("  ") + line.text, sameText); break;
        case TextDiff::Op::Removed: cursor.insertText(QStringLiteral("- ") + line.text, removedText); break;
        case TextDiff::Op::Added: cursor.insertText(QStringLiteral("+ ") + line.text, addedText); break;
        }
    }
    cursor.endEditBlock();
    if (m_diff.lines.isEmpty())
        m_diffView->setPlaceholderText(tr("Both values are empty."));
}

} // namespace convdesk
