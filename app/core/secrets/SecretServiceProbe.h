#pragma once

#include <QString>

#include <chrono>
#include <functional>

class QObject;

namespace convdesk {

// Questions KeychainSecretStore asks the D-Bus session about the keychain when QtKeychain's
// answer is ambiguous. Every call is asynchronous and bounded by a timeout, on one
// connection kept for the process, so a hung daemon can never freeze the GUI thread.
// Without Qt D-Bus (macOS, Windows) each question gets its neutral answer at once.
namespace SecretServiceProbe {

enum class Answer { No, Yes, NoReply };
using Callback = std::function<void(Answer)>;

// The named QDBusConnection the questions go out on (a test's fake daemon tells them apart).
QString connectionName();

// Whether a keychain service (Secret Service or KWallet) runs or can be started on the bus.
// Without a session bus the answer is No.
void askServiceAvailable(std::chrono::milliseconds timeout, QObject *context, Callback done);

// Whether the Secret Service holds this entry locked (or, for a write, would put it in a
// locked collection). libsecret cannot show an unlock prompt without a desktop session and
// then reports a locked entry as missing, and its removal as done while it stays. Looks for
// the entry itself by QtKeychain's attributes, so another program's locked collection (say
// on a KWallet desktop) is no false alarm. Never starts the service.
void askHoldsLocked(const QString &serviceName, const QString &key, bool forWrite,
                    std::chrono::milliseconds timeout, QObject *context, Callback done);

} // namespace SecretServiceProbe

} // namespace convdesk
