// A separate process for tst_keychainsecretstore's "no keychain" case: QtKeychain picks its
// backend and libsecret its D-Bus connection once per process, so the test cannot take the
// Secret Service away from itself. Writes, reads and removes one secret through
// KeychainSecretStore and prints each status as a number with its message.
// Usage: keychain_probe <service> <profile> <secret>
#include "KeychainSecretStore.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace convdesk;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        QTextStream(stderr) << "usage: keychain_probe <service> <profile> <secret>\n";
        return 2;
    }
    KeychainSecretStore store(args.at(1));
    store.setRetryDelay(std::chrono::milliseconds(50)); // still exercises the retry
    QTextStream out(stdout);
    const auto print = [&out](const char *operation, const SecretResult &result) {
        out << operation << '=' << int(result.status) << ' ' << result.message << '\n';
    };
    print("write", store.writeBlocking(args.at(2), args.at(3)));
    print("read", store.readBlocking(args.at(2)));
    print("remove", store.removeBlocking(args.at(2)));
    return 0;
}
