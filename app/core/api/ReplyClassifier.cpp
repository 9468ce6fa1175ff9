#include "api/ReplyClassifier.h"

#include "api/ApiClient.h"
#include "json/JsonIndex.h"

#include <QStringList>

#include <cstdint>
#include <limits>
#include <optional>

namespace convdesk::ReplyClassifier {

bool isConnectionFailure(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
        return true;
    default:
        return false;
    }
}

bool looksLikeHtml(const QByteArray &body)
{
    const QByteArray start = body.left(512).trimmed().toLower();
    return start.startsWith("<!doctype html") || start.startsWith("<html") || start.contains("<body");
}

QString describeTlsErrors(const QList<QSslError> &errors, const QString &host)
{
    bool untrusted = false;
    bool otherHost = false;
    bool outOfDate = false;
    QStringList details;
    for (const QSslError &error : errors) {
        switch (error.error()) {
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::CertificateUntrusted:
        case QSslError::CertificateRejected:
        case QSslError::InvalidCaCertificate:
            untrusted = true;
            break;
        case QSslError::HostNameMismatch:
            otherHost = true;
            break;
        case QSslError::CertificateExpired:
        case QSslError::CertificateNotYetValid:
            outOfDate = true;
            break;
        default:
            break;
        }
        if (!details.contains(error.errorString()))
            details.append(error.errorString());
    }
    QStringList problems;
    if (untrusted)
        problems << ApiClient::tr("the server's certificate is not trusted: no certificate authority "
                                  "known to this computer or named in the profile signed it");
    if (otherHost)
        problems << ApiClient::tr("the server's certificate is not valid for the host name %1").arg(host);
    if (outOfDate)
        problems << ApiClient::tr("the server's certificate has expired or is not valid yet (is this "
                                  "computer's clock right?)");
    if (problems.isEmpty())
        problems << ApiClient::tr("the server's certificate was refused");
    return problems.join(QLatin1String("; ")) + QLatin1String(" (") + details.join(QLatin1String("; "))
        + u')';
}

bool isIntCode(const OrderedJson &value)
{
    if (value.is_number_unsigned())
        return value.get<std::uint64_t>() <= std::uint64_t(std::numeric_limits<int>::max());
    if (!value.is_number_integer())
        return false;
    const std::int64_t number = value.get<std::int64_t>();
    return number >= std::numeric_limits<int>::min() && number <= std::numeric_limits<int>::max();
}

void classifyBody(ApiResult &result)
{
    const auto malformed = [&result](const QString &detail) {
        result.error = ErrorKind::MalformedResponse;
        result.detail = detail;
    };
    JsonParseError parseError;
    // Parsed once, by simdjson: the tree reads this very parse; only the few small members
    // read here become nlohmann values.
    std::shared_ptr<const JsonIndex> parsed = JsonIndex::parse(result.rawBody, &parseError);
    if (!parsed) {
        if (looksLikeHtml(result.rawBody))
            return malformed(ApiClient::tr("The server answered with an HTML page instead of JSON."));
        return malformed(ApiClient::tr("The response is not valid JSON (%1).").arg(parseError.describe()));
    }
    result.body = SharedJson(std::move(parsed));
    const SharedJson code = result.body.member("code");
    if (code.isNull() || !isIntCode(*code))
        return malformed(ApiClient::tr("The response is JSON but has no integer \"code\" field."));
    result.code = code->get<int>();
    if (const SharedJson msg = result.body.member("msg"); !msg.isNull() && msg->is_string())
        result.msg = Json::toQString(msg->get<std::string>());
    result.data = result.body.member("data"); // the same parse, not a copy
    if (result.code != 200)
        result.error = ErrorKind::Business;
}

} // namespace convdesk::ReplyClassifier
