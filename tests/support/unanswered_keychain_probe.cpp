// For tst_keychainsecretstore's "keychain does not answer" case, run in a private D-Bus
// session (dbus-run-session) with no keyring: this process owns org.freedesktop.secrets
// itself, turns libsecret's calls down at once (so QtKeychain's job fails quickly with a
// generic error), and never answers the store's own questions, as a hung daemon would. Then
// it reads, writes and removes one secret through KeychainSecretStore and prints each status
// as a number with its message.
// Usage: unanswered_keychain_probe <service> <profile> <probe timeout in ms>
#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretServiceProbe.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QTextStream>

using namespace convdesk;

namespace {

class SilentSecretService final : public QDBusVirtualObject
{
public:
    using QDBusVirtualObject::QDBusVirtualObject;

    QString introspect(const QString &) const override { return {}; }

    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override
    {
        const QString probeSender = QDBusConnection(SecretServiceProbe::connectionName()).baseService();
        if (!probeSender.isEmpty() && message.service() == probeSender) {
            message.setDelayedReply(true); // and no reply ever comes
            return true;
        }
        connection.send(message.createErrorReply(QDBusError::AccessDenied,
                                                 QStringLiteral("a silent test daemon")));
        return true;
    }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    bool timeoutOk = false;
    const int timeoutMs = args.value(3).toInt(&timeoutOk);
    if (args.size() != 4 || !timeoutOk) {
        QTextStream(stderr) << "usage: unanswered_keychain_probe <service> <profile> <timeout ms>\n";
        return 2;
    }

    QDBusConnection daemonSide = QDBusConnection::connectToBus(QDBusConnection::SessionBus,
                                                               QStringLiteral("silent-secret-service"));
    SilentSecretService silentService;
    if (!daemonSide.registerVirtualObject(QStringLiteral("/org/freedesktop/secrets"), &silentService,
                                          QDBusConnection::SubPath)
        || !daemonSide.registerService(QStringLiteral("org.freedesktop.secrets"))) {
        QTextStream(stderr) << "cannot own org.freedesktop.secrets: "
                            << daemonSide.lastError().message() << '\n';
        return 3;
    }

    KeychainSecretStore store(args.at(1));
    store.setRetryDelay(std::chrono::milliseconds(50));
    store.setProbeTimeout(std::chrono::milliseconds(timeoutMs));
    QTextStream out(stdout);
    const auto print = [&out](const char *operation, const SecretResult &result) {
        out << operation << '=' << int(result.status) << ' ' << result.message << '\n';
    };
    print("read", store.readBlocking(args.at(2)));
    print("write", store.writeBlocking(args.at(2), QStringLiteral("never-stored")));
    print("remove", store.removeBlocking(args.at(2)));
    return 0;
}
