#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace convdesk {

enum class Region { Mainland, Overseas, Custom };

// Where requests go: a primary base URL and, for the vendor's regions, a backup host that
// gets the single retry after a connection failure or timeout, a silent host, or HTTP 502.
struct ApiEndpoint
{
    Q_DECLARE_TR_FUNCTIONS(ApiEndpoint)
public:
    QUrl primary;
    QUrl backup;
    QString caCertificateFile; // extra CAs to trust for these hosts (private deployments)

    static ApiEndpoint forRegion(Region region);
    static ApiEndpoint custom(const QUrl &baseUrl, const QUrl &backupUrl = {});

    // https is required except for loopback hosts (local simulators); user info
    // (user:password@), a query and a fragment are refused. Returns an empty string when the
    // endpoint is usable, otherwise a sentence saying why not, which never repeats those parts.
    QString validationError() const;
    static QString validateBaseUrl(const QUrl &url);
    static bool isLoopbackHost(const QString &host);
};

QString regionKey(Region region);             // "mainland", "overseas", "custom"
bool regionFromKey(const QString &key, Region *region);

} // namespace convdesk
