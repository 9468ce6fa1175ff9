#include "DiffView.h"

#include <QEvent>
#include <QFontDatabase>
#include <QTextBlockFormat>
#include <QTextCursor>

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

} // namespace

DiffView::DiffView(QWidget *parent)
    : QTextEdit(parent)
{
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setLineWrapMode(QTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTabChangesFocus(true);
}

DiffView::~DiffView() = default;

void DiffView::setDiff(const ExtensionDiff &diff, const QString &emptyText)
{
    m_diff = diff;
    setPlaceholderText(emptyText);
    render();
}

void DiffView::changeEvent(QEvent *event)
{
    QTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        render();
}

void DiffView::render()
{
    const QPalette colours = palette();
    const QColor base = colours.color(QPalette::Base);

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

    clear();
    QTextCursor cursor(document());
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
}

} // namespace convdesk
