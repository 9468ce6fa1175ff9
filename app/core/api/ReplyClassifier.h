#pragma once

#include "api/ApiResult.h"

#include <QList>
#include <QNetworkReply>
#include <QSslError>
#include <QString>

namespace convdesk {

// What an answer means, apart from the network: pure functions over what a reply carried,
// so that every rule can be tested without a server. The texts keep the ApiClient context.
namespace ReplyClassifier {

// A failure to reach the host at all, which the backup host may not share: worth the retry.
bool isConnectionFailure(QNetworkReply::NetworkError error);

// An error page from a proxy or gateway, so the user hears "HTML" rather than a JSON error.
bool looksLikeHtml(const QByteArray &body);

// One sentence about what is wrong with the server's certificate, then Qt's own words.
QString describeTlsErrors(const QList<QSslError> &errors, const QString &host);

// An integer that fits ApiResult::code: get<int>() would wrap 2^32 + 200 to a false success.
bool isIntCode(const OrderedJson &value);

// Reads result.rawBody, the body of an HTTP 200 answer, into body, code, msg and data. Sets
// error and detail when it is not a JSON object with an integer "code" (MalformedResponse)
// or the code is not 200 (Business, detail left alone); otherwise leaves error as it is.
void classifyBody(ApiResult &result);

} // namespace ReplyClassifier
} // namespace convdesk
