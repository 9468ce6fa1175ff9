#include "platform/AppIdentity.h"

#include "Version.h"

#include <QCoreApplication>

namespace convdesk::AppIdentity {

void apply()
{
    QCoreApplication::setOrganizationName(QStringLiteral(CONVDESK_ORGANIZATION_NAME));
    QCoreApplication::setOrganizationDomain(QStringLiteral(CONVDESK_ORGANIZATION_DOMAIN));
    QCoreApplication::setApplicationName(QStringLiteral("convdesk"));
    QCoreApplication::setApplicationVersion(version());
}

QString version()
{
    return QStringLiteral(CONVDESK_VERSION_STRING);
}

QString keychainService()
{
    return QStringLiteral("ConversationDesk");
}

} // namespace convdesk::AppIdentity
