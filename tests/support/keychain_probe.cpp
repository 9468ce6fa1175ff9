// A separate process for tst_keychainsecretstore's "no keychain" case: QtKeychain picks its
// backend and libsecret its D-Bus connection once per process, so the test cannot take the
// Secret Service away from itself; the "locked keychain" case runs it in a private session
// whose keyring it locks. Writes, reads and removes one secret through KeychainSecretStore
// (or runs the operations named) and prints each status as a number with its message; a
// successful read says whether it found the secret given.
// Usage: keychain_probe <service> <profile> <secret> [write,read,remove]
#include "secrets/KeychainSecretStore.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace convdesk;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4 && args.size() != 5) {
        QTextStream(stderr) << "usage: keychain_probe <service> <profile> <secret> [write,read,remove]\n";
        return 2;
    }
    const QStringList operations =
        args.value(4, QStringLiteral("write,read,remove")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    KeychainSecretStore store(args.at(1));
    store.setRetryDelay(std::chrono::milliseconds(50)); // still exercises the retry
    QTextStream out(stdout);
    const auto print = [&out](const char *operation, const SecretResult &result) {
        out << operation << '=' << int(result.status) << ' ' << result.message << '\n';
    };
    for (const QString &operation : operations) {
        if (operation == QLatin1String("write")) {
            print("write", store.writeBlocking(args.at(2), args.at(3)));
        } else if (operation == QLatin1String("read")) {
            SecretResult read = store.readBlocking(args.at(2));
            if (read.ok()) // never the secret itself, only whether it is the one given
                read.message = read.secret == args.at(3) ? QStringLiteral("same secret") : QStringLiteral("another secret");
            print("read", read);
        } else if (operation == QLatin1String("remove")) {
            print("remove", store.removeBlocking(args.at(2)));
        } else {
            return 2;
        }
    }
    return 0;
}
