#pragma once

#include <QDateTime>
#include <QString>

namespace convdesk::LocalTime {

// A moment as local time with its offset from UTC ("2026-12-01 17:20:31 +08:00"), so a time
// read to a colleague elsewhere, or pasted into a ticket, is not hours off. `format` is a
// QDateTime format for the local part.
QString withOffset(const QDateTime &moment, const QString &format = QStringLiteral("yyyy-MM-dd HH:mm:ss"));

// "+08:00", "-03:30", "+00:00".
QString offsetText(int offsetSeconds);

} // namespace convdesk::LocalTime
