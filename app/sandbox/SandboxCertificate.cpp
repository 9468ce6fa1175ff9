#include "SandboxCertificate.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QStandardPaths>

namespace convdesk {

namespace {

constexpr int OpensslTimeoutMs = 30000;

bool usable(const QString &certificateFile, const QString &privateKeyFile)
{
    if (!QFile::exists(privateKeyFile))
        return false;
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(certificateFile, QSsl::Pem);
    return certificates.size() == 1 && !certificates.first().isNull()
        && certificates.first().expiryDate() > QDateTime::currentDateTimeUtc().addDays(1);
}

} // namespace

QString SandboxCertificate::defaultFolder()
{
    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return data.isEmpty() ? QString() : data + QStringLiteral("/sandbox-tls");
}

std::optional<SandboxCertificate> SandboxCertificate::ensure(const QString &folder, QString *error)
{
    auto fail = [error](const QString &reason) {
        if (error)
            *error = reason;
        return std::nullopt;
    };
    SandboxCertificate result;
    result.certificateFile = QDir(folder).filePath(QStringLiteral("sandbox-certificate.pem"));
    result.privateKeyFile = QDir(folder).filePath(QStringLiteral("sandbox-key.pem"));
    if (usable(result.certificateFile, result.privateKeyFile))
        return result;

    if (folder.isEmpty() || !QDir().mkpath(folder))
        return fail(tr("The folder %1 for the sandbox's certificate cannot be created.").arg(QDir::toNativeSeparators(folder)));
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        return fail(tr("Serving https needs the openssl command to make a certificate; install OpenSSL "
                       "(Debian: the openssl package)."));
    QProcess process;
    process.setProgram(openssl);
    process.setArguments({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                          QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                          QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("365"),
                          QStringLiteral("-subj"), QStringLiteral("/CN=Conversation Desk sandbox (127.0.0.1)"),
                          QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1"),
                          QStringLiteral("-keyout"), result.privateKeyFile, QStringLiteral("-out"), result.certificateFile});
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start();
    if (!process.waitForFinished(OpensslTimeoutMs) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        process.kill();
        return fail(tr("openssl could not make the sandbox's certificate: %1")
                        .arg(QString::fromLocal8Bit(process.readAll()).trimmed()));
    }
    // The key is a test key, yet nobody else needs to read it.
    QFile::setPermissions(result.privateKeyFile, QFile::ReadOwner | QFile::WriteOwner);
    if (!usable(result.certificateFile, result.privateKeyFile))
        return fail(tr("openssl made no readable certificate in %1.").arg(QDir::toNativeSeparators(folder)));
    return result;
}

} // namespace convdesk
