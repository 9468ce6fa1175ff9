#include "DesktopIdentity.h"

#include "PngSizesIconEngine.h"

#include <QGuiApplication>

#include <utility>

namespace convdesk::DesktopIdentity {

QString appId()
{
    return QStringLiteral(CONVDESK_APP_ID);
}

QIcon applicationIcon()
{
    PngSizesIconEngine::Files files;
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
        files.emplace(size, QStringLiteral(":/icons/hicolor/%1x%1/apps/%2.png").arg(size).arg(appId()));
    // Each size is read when it is first drawn (the window icon is set before anything shows).
    return QIcon(new PngSizesIconEngine(std::move(files)));
}

void apply()
{
    QGuiApplication::setWindowIcon(applicationIcon());
    QGuiApplication::setDesktopFileName(appId());
}

} // namespace convdesk::DesktopIdentity
