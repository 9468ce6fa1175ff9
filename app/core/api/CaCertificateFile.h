#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSslCertificate>
#include <QString>

#include <optional>

namespace convdesk {

// A file of extra certificate authorities a profile trusts besides the system's, for private
// deployments whose server certificate an in-house CA signed.
class CaCertificateFile
{
    Q_DECLARE_TR_FUNCTIONS(CaCertificateFile)
public:
    // Every certificate in a PEM (one or more) or DER file. Nullopt with a sentence in
    // *error when the file cannot be read, holds no certificate, or holds only expired ones.
    static std::optional<QList<QSslCertificate>> load(const QString &path, QString *error = nullptr);
};

} // namespace convdesk
