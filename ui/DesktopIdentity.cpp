#include "DesktopIdentity.h"

#include <QGuiApplication>

namespace convdesk::DesktopIdentity {

QString appId()
{
    return QStringLiteral(CONVDESK_APP_ID);
}

QIcon applicationIcon()
{
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
        icon.addFile(QStringLiteral(":/icons/hicolor/%1x%1/apps/%2.png").arg(size).arg(appId()), QSize(size, size));
    return icon;
}

void apply()
{
    QGuiApplication::setWindowIcon(applicationIcon());
    QGuiApplication::setDesktopFileName(appId());
}

} // namespace convdesk::DesktopIdentity
