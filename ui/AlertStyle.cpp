#include "AlertStyle.h"

#include <QColor>
#include <QLabel>
#include <QPalette>

namespace convdesk::AlertStyle {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

void applyWarningColours(QPalette &palette, bool darkTheme)
{
    // Bootstrap's warning pair: contrast above 7:1 both ways.
    palette.setColor(QPalette::Window, darkTheme ? QColor(0x66, 0x4d, 0x03) : QColor(0xff, 0xf3, 0xcd));
    palette.setColor(QPalette::WindowText, darkTheme ? QColor(0xff, 0xe6, 0x9c) : QColor(0x66, 0x4d, 0x03));
}

void setAlert(QLabel *label, bool alert)
{
    QFont font = label->font();
    font.setBold(alert);
    label->setFont(font);
    label->setAutoFillBackground(alert);
    QPalette palette = label->parentWidget() ? label->parentWidget()->palette() : label->palette();
    if (alert)
        applyWarningColours(palette, isDark(palette));
    label->setPalette(palette);
    label->setBackgroundRole(QPalette::Window);
    label->setForegroundRole(QPalette::WindowText);
    label->setProperty("alert", alert);
}

} // namespace convdesk::AlertStyle
