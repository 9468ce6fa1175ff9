#pragma once

class QLabel;
class QPalette;

namespace convdesk::AlertStyle {

// Marks a label as a warning: bold, on the warning colours (amber, readable on light and
// dark themes), with the "alert" property set for tests. Not the selection colours: a warning
// must not look like a selected row.
void setAlert(QLabel *label, bool alert);

// The warning pair for this palette: a light amber with dark text, or the reverse on a dark
// theme.
void applyWarningColours(QPalette &palette, bool darkTheme);
bool isDark(const QPalette &palette);

} // namespace convdesk::AlertStyle
