#include "ExtensionEditor.h"

#include "AlertStyle.h"
#include "DialogHook.h"
#include "ExtensionForm.h"
#include "models/ExtensionFormModel.h"
#include "json/JsonDocument.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QKeyEvent>
#include <QTabWidget>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QVBoxLayout>

namespace convdesk {

namespace {

constexpr int PrettyIndent = 2;

// Text that starts like an object or array is meant to be JSON; anything else that does
// not parse is ordinary free text, which server_extension allows.
bool looksLikeJson(const QString &text)
{
    for (QChar c : text) {
        if (c.isSpace())
            continue;
        return c == u'{' || c == u'[';
    }
    return false;
}

QString jsonKind(const OrderedJson &value)
{
    switch (value.type()) {
    case nlohmann::json::value_t::object: return ExtensionEditor::tr("object");
    case nlohmann::json::value_t::array: return ExtensionEditor::tr("array");
    case nlohmann::json::value_t::string: return ExtensionEditor::tr("string");
    case nlohmann::json::value_t::boolean: return ExtensionEditor::tr("boolean");
    case nlohmann::json::value_t::null: return ExtensionEditor::tr("null");
    default: return ExtensionEditor::tr("number");
    }
}

// What QPlainTextEdit makes of `text`: it can hold neither "\r" nor U+2029 and shows both as
// line breaks. The raw text keeps every other character (toPlainText() would turn no-break
// spaces into spaces).
QString shownInTextView(const QPlainTextEdit *edit)
{
    QString raw = edit->document()->toRawText();
    raw.replace(QChar::ParagraphSeparator, u'\n');
    return raw;
}

QString asTextViewShows(const QString &text)
{
    QTextDocument document;
    document.setPlainText(text);
    QString raw = document.toRawText();
    raw.replace(QChar::ParagraphSeparator, u'\n');
    return raw;
}

bool isUndo(const QKeyEvent *key) { return key->matches(QKeySequence::Undo); }
bool isRedo(const QKeyEvent *key)
{
    // Ctrl+Shift+Z everywhere, and Ctrl+Y where the platform uses it.
    return key->matches(QKeySequence::Redo)
        || key->keyCombination() == QKeyCombination(Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_Z);
}

// A run of typing ends at a space, a line break or JSON punctuation, so one undo takes back
// about one word or one value, as text editors do.
bool endsTypingRun(const QKeyEvent *key)
{
    const QString text = key->text();
    return text.size() == 1 && (text[0].isSpace() || QStringView(u",:{}[]\"").contains(text[0]));
}

} // namespace

ExtensionEditor::ExtensionEditor(QWidget *parent)
    : QWidget(parent)
    , m_ownDraft(new ExtensionDraft(this))
    , m_views(new QTabWidget(this))
    , m_form(new ExtensionForm(this))
    , m_edit(new QPlainTextEdit(this))
    , m_formNotOffered(new QLabel(this))
    , m_validityLabel(new QLabel(this))
    , m_lengthLabel(new QLabel(this))
    , m_previewButton(new QPushButton(tr("Pre&view…"), this))
    , m_formatButton(new QPushButton(tr("F&ormat"), this))
    , m_compactButton(new QPushButton(tr("Com&pact"), this))
    , m_revertButton(new QPushButton(tr("&Reset"), this))
    , m_saveButton(new QPushButton(tr("&Save…"), this))
{
    setObjectName(QStringLiteral("extensionEditor"));

    auto *caption = new QLabel(tr("Server extension:"), this);
    caption->setObjectName(QStringLiteral("extensionCaption"));

    m_edit->setObjectName(QStringLiteral("extensionText"));
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setTabChangesFocus(true); // keyboard users must be able to leave the editor
    m_edit->setPlaceholderText(tr("No server extension. Type free text or JSON."));
    m_edit->setAccessibleName(tr("Server extension"));
    // Undo and redo go through the draft, whose history all views share.
    m_edit->setUndoRedoEnabled(false);
    m_edit->installEventFilter(this);

    m_form->setObjectName(QStringLiteral("extensionForm"));
    m_formNotOffered->setObjectName(QStringLiteral("formNotOffered"));
    m_formNotOffered->setWordWrap(true);
    m_formNotOffered->setForegroundRole(QPalette::PlaceholderText);
    auto *textPage = new QWidget(this);
    textPage->setObjectName(QStringLiteral("extensionTextPage"));
    auto *textLayout = new QVBoxLayout(textPage);
    textLayout->setContentsMargins(0, 0, 0, 0);
    textLayout->addWidget(m_formNotOffered);
    textLayout->addWidget(m_edit, 1);
    auto *formatRow = new QHBoxLayout; // formatting is about text: it lives in the Text view
    formatRow->addWidget(m_formatButton);
    formatRow->addWidget(m_compactButton);
    formatRow->addStretch(1);
    textLayout->addLayout(formatRow);
    m_views->setObjectName(QStringLiteral("extensionViews"));
    m_views->setDocumentMode(true);
    m_views->addTab(m_form, tr("For&m"));
    m_views->addTab(textPage, tr("Te&xt"));
    m_views->setTabToolTip(0, tr("Edit the JSON object key by key"));
    m_views->setTabToolTip(1, tr("Edit the value as text"));
    connect(m_form, &ExtensionForm::textEdited, this,
            [this](const QString &text, const QString &description) { m_draft->setText(text, description); });

    m_validityLabel->setObjectName(QStringLiteral("extensionValidity"));
    m_validityLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_validityLabel->setWordWrap(true);
    m_lengthLabel->setObjectName(QStringLiteral("lengthCounter"));
    m_lengthLabel->setToolTip(
        tr("Length of the exact text Save sends, of the %1 characters the server accepts. Counted as the "
           "limit is applied: in UTF-16 code units, so most characters count 1 and emoji count 2.")
            .arg(MaxLength));

    m_previewButton->setObjectName(QStringLiteral("previewButton"));
    m_previewButton->setToolTip(tr("Show the exact text that Save would send"));
    m_formatButton->setObjectName(QStringLiteral("formatButton"));
    m_formatButton->setToolTip(tr("Pretty-print the JSON, keeping the order of its keys"));
    m_compactButton->setObjectName(QStringLiteral("compactButton"));
    m_compactButton->setToolTip(tr("Write the JSON on one line, keeping the order of its keys"));
    m_revertButton->setObjectName(QStringLiteral("revertButton"));
    m_revertButton->setToolTip(tr("Go back to the value as loaded from the server (Ctrl+Z takes this back)"));
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setToolTip(tr("Review the change and send it to the server"));

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_validityLabel, 1);
    statusRow->addWidget(m_lengthLabel);
    statusRow->addWidget(m_previewButton);

    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch(1);
    buttonRow->addWidget(m_revertButton);
    buttonRow->addWidget(m_saveButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(caption);
    layout->addWidget(m_views, 1);
    layout->addLayout(statusRow);
    layout->addLayout(buttonRow);

    setTabOrder(m_views, m_edit);
    setTabOrder(m_edit, m_previewButton);
    setTabOrder(m_previewButton, m_formatButton);
    setTabOrder(m_formatButton, m_compactButton);
    setTabOrder(m_compactButton, m_revertButton);
    setTabOrder(m_revertButton, m_saveButton);

    connect(m_edit, &QPlainTextEdit::textChanged, this, &ExtensionEditor::onTyped);
    connect(m_previewButton, &QPushButton::clicked, this, &ExtensionEditor::showPreview);
    connect(m_formatButton, &QPushButton::clicked, this, &ExtensionEditor::formatPretty);
    connect(m_compactButton, &QPushButton::clicked, this, &ExtensionEditor::formatCompact);
    connect(m_revertButton, &QPushButton::clicked, this, &ExtensionEditor::revert);
    connect(m_saveButton, &QPushButton::clicked, this, &ExtensionEditor::requestSave);

    attach(m_ownDraft);
}

ExtensionEditor::~ExtensionEditor()
{
    // The form's open editor commits as the window closes during ~QWidget; its edit must not
    // reach this half-destroyed editor (nor the draft, which is about to lose its view).
    m_form->disconnect(this);
    m_draft->disconnect(this);
}

void ExtensionEditor::setDraft(ExtensionDraft *draft)
{
    attach(draft ? draft : m_ownDraft);
}

void ExtensionEditor::attach(ExtensionDraft *draft)
{
    if (m_draft)
        m_draft->disconnect(this);
    m_draft = draft;
    connect(m_draft, &ExtensionDraft::textChanged, this, &ExtensionEditor::showDraftText);
    connect(m_draft, &ExtensionDraft::originalChanged, this, &ExtensionEditor::updateState);
    connect(m_draft, &ExtensionDraft::restarted, this, &ExtensionEditor::chooseView);
    connect(m_draft, &ExtensionDraft::lockedChanged, this, [this](bool locked) {
        m_edit->setReadOnly(locked);
        m_form->setReadOnly(locked);
        updateState();
    });
    m_edit->setReadOnly(m_draft->isLocked());
    m_form->setReadOnly(m_draft->isLocked());
    showDraftText();
    chooseView();
}

ExtensionEditor::View ExtensionEditor::currentView() const
{
    return m_views->currentWidget() == m_form ? View::Form : View::Text;
}

void ExtensionEditor::showView(View view)
{
    m_views->setCurrentIndex(view == View::Form ? 0 : 1);
}

void ExtensionEditor::chooseView()
{
    showView(m_form->isAvailable() ? View::Form : View::Text);
}

void ExtensionEditor::setOriginalText(const QString &text)
{
    m_draft->reset(text);
    showDraftText(); // also when the text did not change: the cursor goes to the start
}

void ExtensionEditor::setText(const QString &text)
{
    m_draft->setText(text, tr("Edit"));
}

bool ExtensionEditor::originalWasNormalized() const
{
    const QString original = m_draft->original();
    return original.contains(u'\r') || original.contains(QChar::ParagraphSeparator)
        || asTextViewShows(original) != original;
}

bool ExtensionEditor::canSave() const
{
    return isModified() && !isBusy() && !isTooLong();
}

void ExtensionEditor::setBusy(bool busy)
{
    m_draft->setLocked(busy);
}

void ExtensionEditor::formatPretty()
{
    if (const auto parsed = Json::parse(text().toUtf8()))
        m_draft->setText(Json::toText(*parsed, PrettyIndent), tr("Format"));
}

void ExtensionEditor::formatCompact()
{
    if (const auto parsed = Json::parse(text().toUtf8()))
        m_draft->setText(Json::toText(*parsed), tr("Compact"));
}

void ExtensionEditor::revert()
{
    m_draft->revert(tr("Reset to the loaded value"));
}

void ExtensionEditor::undo()
{
    m_draft->undo();
}

void ExtensionEditor::redo()
{
    m_draft->redo();
}

void ExtensionEditor::showPreview()
{
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("previewDialog"));
    dialog.setWindowTitle(tr("Text Save would send"));
    auto *intro = new QLabel(tr("Exactly these %n character(s) would be sent as server_extension:", nullptr,
                                int(m_draft->length())),
                             &dialog);
    intro->setWordWrap(true);
    auto *view = new QPlainTextEdit(m_draft->text(), &dialog);
    view->setObjectName(QStringLiteral("previewText"));
    view->setReadOnly(true);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setAccessibleName(tr("Text Save would send"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(intro);
    layout->addWidget(view, 1);
    layout->addWidget(buttons);
    dialog.resize(560, 320);
    DialogHook::exec(&dialog);
}

void ExtensionEditor::requestSave()
{
    if (canSave())
        Q_EMIT saveRequested();
}

void ExtensionEditor::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateState(); // the error mark takes its colours from the palette
}

bool ExtensionEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit) {
        const bool shortcut = event->type() == QEvent::ShortcutOverride;
        if (shortcut || event->type() == QEvent::KeyPress) {
            auto *key = static_cast<QKeyEvent *>(event);
            if (isUndo(key) || isRedo(key)) {
                // Taken here: the text edit's own history is off, the draft's is shared.
                if (!shortcut)
                    isUndo(key) ? m_draft->undo() : m_draft->redo();
                event->accept();
                return true;
            }
            if (!shortcut && endsTypingRun(key))
                m_draft->closeTypingGroup();
        } else if (event->type() == QEvent::FocusOut) {
            m_draft->closeTypingGroup();
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ExtensionEditor::onTyped()
{
    const QString typed = shownInTextView(m_edit);
    if (typed != asTextViewShows(m_draft->text()))
        m_draft->setText(typed, tr("Typing"), ExtensionDraft::Merge::Typing);
    updateState();
}

void ExtensionEditor::showDraftText()
{
    const QString wanted = m_draft->text();
    m_form->setText(wanted);
    if (shownInTextView(m_edit) != asTextViewShows(wanted)) {
        // Undo, redo or another view changed the value: show it, keeping the cursor near where it was.
        const int position = m_edit->textCursor().position();
        {
            const QSignalBlocker blocker(m_edit);
            m_edit->setPlainText(wanted);
        }
        QTextCursor cursor = m_edit->textCursor();
        cursor.setPosition(qMin(position, m_edit->document()->characterCount() - 1));
        m_edit->setTextCursor(cursor);
    }
    updateState();
}

void ExtensionEditor::updateState()
{
    const QString current = m_draft->text();
    const bool busy = m_draft->isLocked();

    JsonParseError error;
    std::optional<OrderedJson> parsed;
    if (current.isEmpty()) {
        m_validity = Validity::Empty;
        m_validityMessage = tr("Empty");
    } else if ((parsed = Json::parse(current.toUtf8(), &error))) {
        m_validity = Validity::Json;
        m_validityMessage = tr("Valid JSON (%1)").arg(jsonKind(*parsed));
    } else if (looksLikeJson(current)) {
        m_validity = Validity::InvalidJson;
        m_validityMessage = error.line > 0 ? tr("Invalid JSON at %1").arg(error.describe())
                                           : tr("Invalid JSON: %1").arg(error.message);
    } else {
        m_validity = Validity::PlainText;
        m_validityMessage = tr("Not JSON (plain text); server_extension accepts free text");
    }
    const bool formOffered = m_form->isAvailable();
    m_formNotOffered->setVisible(!formOffered);
    if (!formOffered)
        m_formNotOffered->setText(tr("The form is not offered: %1").arg(m_form->model()->unavailableReason()));

    QString status = m_validityMessage;
    if (originalWasNormalized())
        status += u'\n' + tr("The loaded value contains carriage returns or paragraph separators; "
                             "they are shown as line breaks and an edited value is saved with \"\\n\".");
    m_validityLabel->setText(status);
    AlertStyle::setAlert(m_validityLabel, m_validity == Validity::InvalidJson);
    markErrorPosition(m_validity == Validity::InvalidJson ? error.line : 0, error.column);

    const bool tooLong = current.size() > MaxLength;
    m_lengthLabel->setText(tooLong ? tr("%1 / %2 — too long").arg(current.size()).arg(MaxLength)
                                   : tr("%1 / %2").arg(current.size()).arg(MaxLength));
    AlertStyle::setAlert(m_lengthLabel, tooLong);

    const bool modified = m_draft->isModified();
    const bool isJson = m_validity == Validity::Json;
    m_formatButton->setEnabled(isJson && !busy);
    m_compactButton->setEnabled(isJson && !busy);
    m_revertButton->setEnabled(modified && !busy);
    m_saveButton->setEnabled(modified && !busy && !tooLong);

    if (modified != m_lastModified) {
        m_lastModified = modified;
        Q_EMIT modifiedChanged(modified);
    }
    if (const bool saveable = canSave(); saveable != m_lastCanSave) {
        m_lastCanSave = saveable;
        Q_EMIT canSaveChanged(saveable);
    }
}

void ExtensionEditor::markErrorPosition(int line, int column)
{
    QList<QTextEdit::ExtraSelection> selections;
    const QTextBlock block = line > 0 ? m_edit->document()->findBlockByNumber(line - 1) : QTextBlock();
    if (block.isValid()) {
        // Columns are 1-based; an error at the end of a line marks its last character.
        int offset = qBound(0, column - 1, block.length() - 1);
        if (offset == block.length() - 1 && offset > 0)
            --offset;
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(block);
        mark.cursor.setPosition(block.position() + offset);
        mark.cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
        mark.format.setBackground(palette().brush(QPalette::Highlight));
        mark.format.setForeground(palette().brush(QPalette::HighlightedText));
        selections << mark;
    }
    m_edit->setExtraSelections(selections);
}

} // namespace convdesk
