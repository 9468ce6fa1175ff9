#pragma once

#include "api/ApiResult.h"
#include "api/CurlCommand.h"

#include <QObject>

#include <functional>
#include <optional>

class QWidget;

namespace convdesk {

class ApiClient;

// "Copy request as cURL": remembers the last request a client sent and puts it on the
// clipboard as a curl command. By default the signature headers are placeholders; the live
// signature is copied only after the user confirmed that the command can replay the request
// until the signature expires. The AppSecret is never part of a SentRequest, so never copied.
class CurlCopier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CurlCopier)
public:
    static constexpr qint64 SignatureLifetimeSeconds = 300;

    explicit CurlCopier(QObject *parent = nullptr);
    ~CurlCopier() override;

    void watch(ApiClient *client); // remembers every request it sends from now on
    std::optional<SentRequest> lastRequest() const { return m_last; }

    // Seconds since the epoch, to tell whether a live signature has expired; replaceable for tests.
    void setClock(std::function<qint64()> secondsSinceEpoch) { m_clock = std::move(secondsSinceEpoch); }

    // Copies the last request (a live one after asking through DialogHook, parented to
    // `parent`). Returns what to tell the user: what was copied, or why nothing was.
    QString copy(CurlCommand::Signature signature, QWidget *parent);

private:
    std::optional<SentRequest> m_last;
    std::function<qint64()> m_clock;
};

} // namespace convdesk
