#pragma once

#include "api/ApiEndpoint.h"

#include <QString>
#include <QUrl>

namespace convdesk {

// A named set of connection settings. The AppSecret is not here: it lives only in the
// keychain, under the profile's name.
struct Profile
{
    QString name;
    Region region = Region::Mainland;
    QUrl baseUrl;   // Region::Custom only
    QUrl backupUrl; // Region::Custom only, optional
    QString appKey;
    QString caCertificateFile; // optional: CA certificates to trust besides the system's
    bool requireReason = false; // every save needs a reason (a ticket, a note) for the audit log
    // Optional: the team's JSON Schema (draft-07) for server_extension, an absolute path. The
    // file is read when a value is checked, so a shared copy can be updated.
    QString extensionSchemaFile;

    ApiEndpoint endpoint() const
    {
        ApiEndpoint endpoint = region == Region::Custom ? ApiEndpoint::custom(baseUrl, backupUrl)
                                                        : ApiEndpoint::forRegion(region);
        endpoint.caCertificateFile = caCertificateFile;
        return endpoint;
    }

    friend bool operator==(const Profile &, const Profile &) = default;
};

} // namespace convdesk
