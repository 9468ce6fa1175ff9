#include "ElidedLabel.h"

#include <QPainter>
#include <QStyle>

namespace convdesk {

ElidedLabel::ElidedLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(false);
    // Any width will do: the text elides to it rather than widening the window.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
}

ElidedLabel::~ElidedLabel() = default;

QString ElidedLabel::oneLineText() const
{
    // Line breaks would otherwise show as nothing at all in a one-line label.
    QString oneLine = text();
    oneLine.replace(u'\n', u' ');
    return oneLine;
}

QString ElidedLabel::displayedText() const
{
    return fontMetrics().elidedText(oneLineText(), Qt::ElideRight, contentsRect().width());
}

bool ElidedLabel::isElided() const
{
    return displayedText() != oneLineText();
}

QSize ElidedLabel::minimumSizeHint() const
{
    return {fontMetrics().averageCharWidth() * 12, QLabel::minimumSizeHint().height()};
}

void ElidedLabel::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    style()->drawItemText(&painter, contentsRect(), int(alignment()), palette(), isEnabled(), displayedText(),
                          foregroundRole());
}

} // namespace convdesk
