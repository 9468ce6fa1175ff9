#include "CurlCopier.h"

#include "DialogHook.h"
#include "api/ApiClient.h"

#include <QClipboard>
#include <QDateTime>
#include <QGuiApplication>

namespace convdesk {

namespace {

std::optional<qint64> curTimeOf(const SentRequest &request)
{
    for (const auto &[name, value] : request.headers) {
        if (name.compare("CurTime", Qt::CaseInsensitive) != 0)
            continue;
        bool numeric = false;
        const qint64 seconds = value.toLongLong(&numeric);
        return numeric ? std::optional<qint64>(seconds) : std::nullopt;
    }
    return std::nullopt;
}

QString describe(const SentRequest &request)
{
    return QString::fromLatin1(request.method) + u' ' + request.url.path();
}

} // namespace

CurlCopier::CurlCopier(QObject *parent)
    : QObject(parent)
    , m_clock([] { return QDateTime::currentSecsSinceEpoch(); })
{
    qRegisterMetaType<convdesk::SentRequest>();
}

CurlCopier::~CurlCopier() = default;

void CurlCopier::watch(ApiClient *client)
{
    connect(client, &ApiClient::requestSent, this, [this](const SentRequest &request) {
        if (!request.verification) // the check after a save is not what the user did
            m_last = request;
    });
}

QString CurlCopier::copy(CurlCommand::Signature signature, QWidget *parent)
{
    if (!m_last)
        return tr("No request has been sent yet; load a conversation first.");
    const SentRequest request = *m_last;

    if (signature == CurlCommand::Signature::Live) {
        const std::optional<qint64> signedAt = curTimeOf(request);
        const qint64 expires = signedAt.value_or(0) + SignatureLifetimeSeconds;
        const qint64 now = m_clock();
        if (!signedAt || now >= expires)
            return tr("The signature of the last request (%1) has expired: the server accepts it for 5 minutes. "
                      "Send the request again (Load), then copy it.")
                .arg(describe(request));
        const QString until = QDateTime::fromSecsSinceEpoch(expires).toString(QStringLiteral("HH:mm:ss"));
        const auto answer = DialogHook::question(
            parent, tr("Copy with the live signature?"),
            tr("The command will carry the real Nonce, CurTime and CheckSum of %1. Until %2 (5 minutes "
               "after it was signed, about %n minute(s) from now), anyone who has the command can send this "
               "request again, as this app — a save would write its value once more.\n\n"
               "The AppSecret is not in it. Copy it anyway?",
               nullptr, int((expires - now + 59) / 60))
                .arg(describe(request), until),
            QDialogButtonBox::Ok | QDialogButtonBox::Cancel, QDialogButtonBox::Cancel);
        if (answer != QDialogButtonBox::Ok)
            return tr("Nothing copied.");
        QGuiApplication::clipboard()->setText(CurlCommand::build(request, signature));
        return tr("Copied %1 as a curl command with its live signature, valid until %2. Anyone with the "
                  "command can replay the request until then.")
            .arg(describe(request), until);
    }

    QGuiApplication::clipboard()->setText(CurlCommand::build(request, signature));
    return tr("Copied %1 as a curl command. Nonce, CurTime and CheckSum are placeholders; the comments in "
              "it say how to compute them.")
        .arg(describe(request));
}

} // namespace convdesk
