#include "KeyChangesView.h"

#include <QEvent>
#include <QFontDatabase>
#include <QScrollBar>

namespace convdesk {

namespace {

// Escaped for HTML, line breaks kept; spaces kept by the cell's pre-wrap.
QString cellText(const QString &text)
{
    return text.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"));
}

QString kindText(ExtensionChange::Kind kind)
{
    switch (kind) {
    case ExtensionChange::Kind::Added: return KeyChangesView::tr("Added");
    case ExtensionChange::Kind::Removed: return KeyChangesView::tr("Removed");
    case ExtensionChange::Kind::Changed: return KeyChangesView::tr("Changed");
    }
    return {};
}

} // namespace

KeyChangesView::KeyChangesView(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setReadOnly(true);
    // Long JSON strings have no spaces: they break anywhere rather than widen the table.
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    setLineWrapMode(QTextEdit::WidgetWidth);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

KeyChangesView::~KeyChangesView() = default;

void KeyChangesView::setChanges(const ExtensionChanges &changes)
{
    m_changes = changes;
    render();
}

QString KeyChangesView::typeText(const QString &typeName)
{
    if (typeName == u"null")
        return tr("null");
    if (typeName == u"boolean")
        return tr("boolean");
    if (typeName == u"integer")
        return tr("integer");
    if (typeName == u"number")
        return tr("number");
    if (typeName == u"string")
        return tr("string");
    if (typeName == u"array")
        return tr("array");
    if (typeName == u"object")
        return tr("object");
    if (typeName == ExtensionChanges::TextType)
        return tr("plain text (not JSON)");
    return typeName;
}

QString KeyChangesView::typeChangeText(const ExtensionChange &change)
{
    return tr("type changes: %1 → %2").arg(typeText(change.oldType), typeText(change.newType));
}

void KeyChangesView::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        render();
}

QString KeyChangesView::headline() const
{
    using Kind = ExtensionChange::Kind;
    if (m_changes.orderOnly)
        return tr("Only the order of keys changes; every key keeps its value.");
    if (m_changes.formattingOnly)
        return tr("Only the formatting changes; every key keeps its value.");
    if (m_changes.changes.isEmpty())
        return m_changes.beforeForm == ExtensionChanges::Form::Empty ? tr("Both values are empty.") : tr("No change.");
    if (m_changes.beforeForm == ExtensionChanges::Form::Text || m_changes.afterForm == ExtensionChanges::Form::Text)
        return tr("A value that is not JSON has no keys: the whole value is compared.");
    return tr("%1 changed, %2 added, %3 removed")
        .arg(m_changes.count(Kind::Changed))
        .arg(m_changes.count(Kind::Added))
        .arg(m_changes.count(Kind::Removed));
}

void KeyChangesView::render()
{
    const QString mono = QFontDatabase::systemFont(QFontDatabase::FixedFont).family().toHtmlEscaped();
    const QString muted = palette().color(QPalette::PlaceholderText).name();
    const QString rule = palette().color(QPalette::Mid).name();
    QString html = QStringLiteral("<p><b>%1</b></p>").arg(cellText(headline()));
    if (!m_changes.changes.isEmpty()) {
        const QString cell = QStringLiteral("<td style=\"white-space: pre-wrap; border-bottom: 1px solid %1\">")
                                 .arg(rule);
        const QString valueCell =
            QStringLiteral("<td style=\"white-space: pre-wrap; font-family: '%1'; border-bottom: 1px solid %2\">")
                .arg(mono, rule);
        html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\">"
                               "<tr><th align=\"left\" width=\"24%\">%1</th><th align=\"left\" width=\"16%\">%2</th>"
                               "<th align=\"left\" width=\"30%\">%3</th><th align=\"left\" width=\"30%\">%4</th></tr>")
                    .arg(tr("Key"), tr("Change"), tr("Before"), tr("After"));
        for (const ExtensionChange &change : std::as_const(m_changes.changes)) {
            const QString key = change.wholeValue()
                                    ? QStringLiteral("<i>%1</i>").arg(tr("(the whole value)"))
                                    : QStringLiteral("<span style=\"font-family: '%1'\">%2</span><br>"
                                                     "<span style=\"color: %3\">%4</span>")
                                          .arg(mono, cellText(change.readablePath), muted, cellText(change.pointer));
            QString what = QStringLiteral("<b>%1</b>").arg(kindText(change.kind));
            if (change.typeChanged())
                what += QStringLiteral("<br>") + cellText(typeChangeText(change));
            const QString none = QStringLiteral("<span style=\"color: %1\">—</span>").arg(muted);
            html += QStringLiteral("<tr>") + cell + key + QStringLiteral("</td>") + cell + what + QStringLiteral("</td>")
                  + valueCell + (change.oldValue ? cellText(*change.oldValue) : none) + QStringLiteral("</td>")
                  + valueCell + (change.newValue ? cellText(*change.newValue) : none) + QStringLiteral("</td></tr>");
        }
        html += QStringLiteral("</table>");
    }
    const int scrolled = verticalScrollBar()->value();
    setHtml(html);
    verticalScrollBar()->setValue(scrolled);
}

} // namespace convdesk
