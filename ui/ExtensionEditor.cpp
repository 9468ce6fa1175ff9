#include "ExtensionEditor.h"

#include "json/JsonDocument.h"

#include <QEvent>
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

// Alerts use the palette's highlight pair, which every theme keeps readable, plus bold
// type and words, so nothing depends on a colour the theme did not choose.
void setAlert(QLabel *label, bool alert)
{
    QFont font = label->font();
    font.setBold(alert);
    label->setFont(font);
    label->setAutoFillBackground(alert);
    label->setBackgroundRole(alert ? QPalette::Highlight : QPalette::Window);
    label->setForegroundRole(alert ? QPalette::HighlightedText : QPalette::WindowText);
    label->setProperty("alert", alert);
}

} // namespace

ExtensionEditor::ExtensionEditor(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QPlainTextEdit(this))
    , m_validityLabel(new QLabel(this))
    , m_lengthLabel(new QLabel(this))
    , m_formatButton(new QPushButton(tr("F&ormat"), this))
    , m_compactButton(new QPushButton(tr("Com&pact"), this))
    , m_revertButton(new QPushButton(tr("&Revert"), this))
    , m_saveButton(new QPushButton(tr("&Save…"), this))
{
    setObjectName(QStringLiteral("extensionEditor"));

    auto *caption = new QLabel(tr("Server e&xtension:"), this);
    caption->setObjectName(QStringLiteral("extensionCaption"));
    caption->setBuddy(m_edit);

    m_edit->setObjectName(QStringLiteral("extensionText"));
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setTabChangesFocus(true); // keyboard users must be able to leave the editor
    m_edit->setPlaceholderText(tr("No server extension. Type free text or JSON."));
    m_edit->setAccessibleName(tr("Server extension"));

    m_validityLabel->setObjectName(QStringLiteral("extensionValidity"));
    m_validityLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_validityLabel->setWordWrap(true);
    m_lengthLabel->setObjectName(QStringLiteral("lengthCounter"));
    m_lengthLabel->setToolTip(tr("Characters used of the %1 the server accepts").arg(MaxLength));

    m_formatButton->setObjectName(QStringLiteral("formatButton"));
    m_formatButton->setToolTip(tr("Pretty-print the JSON, keeping the order of its keys"));
    m_compactButton->setObjectName(QStringLiteral("compactButton"));
    m_compactButton->setToolTip(tr("Write the JSON on one line, keeping the order of its keys"));
    m_revertButton->setObjectName(QStringLiteral("revertButton"));
    m_revertButton->setToolTip(tr("Go back to the value as loaded from the server"));
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setToolTip(tr("Review the change and send it to the server"));

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_validityLabel, 1);
    statusRow->addWidget(m_lengthLabel);

    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_formatButton);
    buttonRow->addWidget(m_compactButton);
    buttonRow->addStretch(1);
    buttonRow->addWidget(m_revertButton);
    buttonRow->addWidget(m_saveButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(caption);
    layout->addWidget(m_edit, 1);
    layout->addLayout(statusRow);
    layout->addLayout(buttonRow);

    setTabOrder(m_edit, m_formatButton);
    setTabOrder(m_formatButton, m_compactButton);
    setTabOrder(m_compactButton, m_revertButton);
    setTabOrder(m_revertButton, m_saveButton);

    connect(m_edit, &QPlainTextEdit::textChanged, this, &ExtensionEditor::onTextChanged);
    connect(m_formatButton, &QPushButton::clicked, this, &ExtensionEditor::formatPretty);
    connect(m_compactButton, &QPushButton::clicked, this, &ExtensionEditor::formatCompact);
    connect(m_revertButton, &QPushButton::clicked, this, &ExtensionEditor::revert);
    connect(m_saveButton, &QPushButton::clicked, this, &ExtensionEditor::requestSave);

    updateState();
}

ExtensionEditor::~ExtensionEditor() = default;

void ExtensionEditor::setOriginalText(const QString &text)
{
    m_original = text;
    {
        const QSignalBlocker blocker(m_edit);
        m_edit->setPlainText(text); // a fresh value: the undo history starts here
    }
    m_originalShown = this->text();
    updateState();
}

QString ExtensionEditor::text() const
{
    // toPlainText() would turn no-break spaces into spaces; the raw text keeps every
    // character and marks line breaks with U+2029.
    QString raw = m_edit->document()->toRawText();
    raw.replace(QChar::ParagraphSeparator, u'\n');
    return raw;
}

void ExtensionEditor::setText(const QString &text)
{
    replaceText(text);
}

bool ExtensionEditor::isTooLong() const
{
    return text().size() > MaxLength;
}

bool ExtensionEditor::canSave() const
{
    return m_modified && !m_busy && !isTooLong();
}

QString ExtensionEditor::validityMessage() const
{
    return m_validityMessage;
}

void ExtensionEditor::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    m_edit->setReadOnly(busy);
    updateState();
}

void ExtensionEditor::formatPretty()
{
    if (m_busy)
        return;
    if (const auto parsed = Json::parse(text().toUtf8()))
        replaceText(Json::toText(*parsed, PrettyIndent));
}

void ExtensionEditor::formatCompact()
{
    if (m_busy)
        return;
    if (const auto parsed = Json::parse(text().toUtf8()))
        replaceText(Json::toText(*parsed));
}

void ExtensionEditor::revert()
{
    if (!m_busy)
        replaceText(m_original);
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

void ExtensionEditor::onTextChanged()
{
    updateState();
}

void ExtensionEditor::replaceText(const QString &text)
{
    // One undoable step, so Ctrl+Z brings back what Format, Compact or Revert replaced.
    QTextCursor cursor(m_edit->document());
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
    cursor.endEditBlock();
}

void ExtensionEditor::updateState()
{
    const QString current = text();

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
    QString status = m_validityMessage;
    if (originalWasNormalized())
        status += u'\n' + tr("The loaded value contains carriage returns or paragraph separators; "
                             "they are shown as line breaks and an edited value is saved with \"\\n\".");
    m_validityLabel->setText(status);
    setAlert(m_validityLabel, m_validity == Validity::InvalidJson);
    markErrorPosition(m_validity == Validity::InvalidJson ? error.line : 0, error.column);

    const bool tooLong = current.size() > MaxLength;
    m_lengthLabel->setText(tooLong ? tr("%1 / %2 — too long").arg(current.size()).arg(MaxLength)
                                   : tr("%1 / %2").arg(current.size()).arg(MaxLength));
    setAlert(m_lengthLabel, tooLong);

    const bool modified = current != m_originalShown;
    const bool isJson = m_validity == Validity::Json;
    m_formatButton->setEnabled(isJson && !m_busy);
    m_compactButton->setEnabled(isJson && !m_busy);
    m_revertButton->setEnabled(modified && !m_busy);
    m_saveButton->setEnabled(modified && !m_busy && !tooLong);

    if (modified != m_modified) {
        m_modified = modified;
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
