#include "api/CaCertificateFile.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace convdesk {

namespace {
// A CA bundle is small; anything this big is the wrong file.
constexpr qint64 MaxFileBytes = 4 * 1024 * 1024;
} // namespace

std::optional<QList<QSslCertificate>> CaCertificateFile::load(const QString &path, QString *error)
{
    QString scratch;
    QString &err = error ? *error : scratch;
    // Only a regular file: opening a FIFO or a device would block or read forever, and the
    // profile dialog checks the field as it is typed.
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        err = tr("The CA certificate file %1 is not a regular file.").arg(path);
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err = tr("The CA certificate file %1 cannot be read: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > MaxFileBytes) {
        err = tr("The CA certificate file %1 is %2 MB; a certificate file is far smaller.")
                  .arg(path).arg(file.size() / (1024 * 1024));
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    QList<QSslCertificate> certificates = QSslCertificate::fromData(bytes, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(bytes, QSsl::Der);
    certificates.removeIf([](const QSslCertificate &certificate) { return certificate.isNull(); });
    if (certificates.isEmpty()) {
        err = tr("The file %1 holds no certificate (expected PEM \"-----BEGIN CERTIFICATE-----\" "
                 "blocks or one DER certificate).").arg(path);
        return std::nullopt;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (std::all_of(certificates.cbegin(), certificates.cend(),
                    [&now](const QSslCertificate &certificate) { return certificate.expiryDate() < now; })) {
        err = tr("Every certificate in %1 has expired.").arg(path);
        return std::nullopt;
    }
    err.clear();
    return certificates;
}

} // namespace convdesk
