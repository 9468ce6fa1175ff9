#include "api/OneShotUploadDevice.h"

#include <cstring>
#include <utility>

namespace convdesk {

OneShotUploadDevice::OneShotUploadDevice(QByteArray body, QObject *parent)
    : QIODevice(parent)
    , m_body(std::move(body))
{
    open(QIODevice::ReadOnly);
}

OneShotUploadDevice::~OneShotUploadDevice() = default;

qint64 OneShotUploadDevice::bytesAvailable() const
{
    return (m_body.size() - m_offset) + QIODevice::bytesAvailable();
}

qint64 OneShotUploadDevice::readData(char *data, qint64 maxSize)
{
    const qint64 count = qMin(maxSize, qint64(m_body.size()) - m_offset);
    if (count <= 0)
        return m_offset >= m_body.size() ? -1 : 0;
    std::memcpy(data, m_body.constData() + m_offset, size_t(count));
    m_offset += count;
    return count;
}

qint64 OneShotUploadDevice::writeData(const char *, qint64)
{
    return -1;
}

} // namespace convdesk
