#include "platform/LocalTime.h"

namespace convdesk::LocalTime {

QString offsetText(int offsetSeconds)
{
    const int minutes = offsetSeconds / 60;
    return QStringLiteral("%1%2:%3")
        .arg(minutes < 0 ? QStringLiteral("-") : QStringLiteral("+"))
        .arg(qAbs(minutes) / 60, 2, 10, QLatin1Char('0'))
        .arg(qAbs(minutes) % 60, 2, 10, QLatin1Char('0'));
}

QString withOffset(const QDateTime &moment, const QString &format)
{
    const QDateTime local = moment.toLocalTime();
    return local.toString(format) + u' ' + offsetText(local.offsetFromUtc());
}

} // namespace convdesk::LocalTime
