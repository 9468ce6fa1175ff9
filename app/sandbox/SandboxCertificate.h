#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace convdesk {

// The self-signed certificate the sandbox serves https with (convdesk-cli sandbox --https),
// for trying a profile's CA file and the TLS errors without a private deployment. It names
// localhost, 127.0.0.1 and ::1 and is its own CA: a profile trusts it with --ca-file.
//
// Made with the openssl command: Qt reads certificates but cannot make them, and linking
// OpenSSL's libcrypto into the core for this one sandbox feature would tie every package to
// one OpenSSL version; Qt itself loads OpenSSL as a plugin.
class SandboxCertificate
{
    Q_DECLARE_TR_FUNCTIONS(SandboxCertificate)
public:
    QString certificateFile; // PEM; also the CA file a profile names
    QString privateKeyFile;  // PEM, readable by the owner only

    // The certificate in folder, made if it is missing, unreadable or expires within a day;
    // kept otherwise, so that profiles pointing at it stay valid across sandbox runs.
    // Nullopt with a sentence in *error when it can be neither read nor made.
    static std::optional<SandboxCertificate> ensure(const QString &folder, QString *error = nullptr);

    // Where convdesk-cli keeps it: "sandbox-tls" in the app's data folder.
    static QString defaultFolder();
};

} // namespace convdesk
