#pragma once

#include <QByteArray>
#include <QIODevice>

namespace convdesk {

// The body of a signed write, readable once: Qt must not send it a second time on its own.
//
// Why (Qt 6.4 sources, src/network/access/): when the connection breaks after a request was
// written, QHttpNetworkConnectionChannel::_q_error() (RemoteHostClosedError while Writing or
// Waiting, as long as reconnectAttempts, 3, last) calls resendCurrentRequest(); the resend
// happens in QHttpNetworkConnectionPrivate::_q_startNextRequest(), which first calls
// QHttpNetworkConnectionChannel::resetUploadData(). Only handleUnexpectedEOF() checks
// QHttpNetworkRequest::methodIsIdempotent(); the _q_error() path does not, and neither
// "Connection: close" nor a fresh connection changes it, since the resend reconnects the same
// channel. resetUploadData() calls QNonContiguousByteDevice::reset(), which for a QIODevice
// (QNonContiguousByteDeviceIoDeviceImpl, reached through the thread delegate's resetData
// signal) calls QIODevice::reset(). This device answers false, so Qt fails the reply with
// QNetworkReply::ContentReSendError instead of replaying the same Nonce and CheckSum.
//
// Qt only uses the device itself when the request says DoNotBufferUploadDataAttribute and
// carries a Content-Length (QNetworkReplyHttpImplPrivate::postRequest()); otherwise it copies
// a sequential body into a resettable buffer first. ApiCall sets both.
class OneShotUploadDevice final : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OneShotUploadDevice)
public:
    OneShotUploadDevice(QByteArray body, QObject *parent);
    ~OneShotUploadDevice() override;

    bool isSequential() const override { return true; }
    bool reset() override { return false; } // the point of the class: no second reading
    qint64 bytesAvailable() const override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    const QByteArray m_body;
    qint64 m_offset = 0;
};

} // namespace convdesk
