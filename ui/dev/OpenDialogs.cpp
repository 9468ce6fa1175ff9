#include "OpenDialogs.h"

#include "MainWindow.h"
#include "ProfileDialog.h"
#include "ProfileManagerDialog.h"
#include "SaveConfirmDialog.h"
#include "json/JsonTextEditor.h"
#include "profiles/ProfileStore.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

namespace convdesk {

namespace {

constexpr int DialogsTimeLimitMs = 20000;
constexpr int DialogsSettleMs = 300; // layout and the first paint, before the checker looks

// The Profiles dialog refers to its store; a child of the dialog, this one goes with it.
class ProfileStoreHolder final : public QObject
{
public:
    explicit ProfileStoreHolder(QSettings &settings) : store(settings) {}
    ProfileStore store;
};

QDialog *makeReview(MainWindow &window)
{
    const ConversationSession *session = window.session();
    const QString before = session->loadedServerExtension();
    QString error;
    // An edit as the form would make it, so the review lists a changed key.
    const QString after = JsonTextEditor::apply(before.isEmpty() ? QStringLiteral("{}") : before,
                                                {JsonTextEditor::Edit::setString(QStringLiteral("note"),
                                                                                 QStringLiteral("checked"))},
                                                &error)
                              .value_or(QStringLiteral("{\"note\":\"checked\"}"));
    return new SaveConfirmDialog(SaveConfirmation{session->conversationId().toString(), session->profile().name,
                                                  session->profile().appKey, before, after, QString(), false},
                                 &window);
}

void open(MainWindow &window, QSettings &settings, SecretStore &secrets, const QString &name)
{
    if (name == u"history") {
        window.showHistory();
        return;
    }
    QDialog *dialog = nullptr;
    if (name == u"profiles") {
        auto *holder = new ProfileStoreHolder(settings);
        dialog = new ProfileManagerDialog(holder->store, secrets, &window);
        holder->setParent(dialog);
    } else if (name == u"profile") {
        dialog = new ProfileDialog(ProfileDialog::Mode::Add, &window);
    } else if (name == u"review") {
        dialog = makeReview(window);
    }
    if (!dialog)
        return;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

} // namespace

QStringList openDialogsWhenShown(MainWindow &window, QSettings &settings, SecretStore &secrets,
                                 const QStringList &names)
{
    using namespace Qt::StringLiterals;
    const QStringList known{u"profiles"_s, u"profile"_s, u"review"_s, u"history"_s};
    QStringList unknown;
    for (const QString &name : names) {
        if (!known.contains(name))
            unknown.append(name);
    }
    if (!unknown.isEmpty() || names.isEmpty())
        return unknown;

    const auto openAll = [&window, &settings, &secrets, names] {
        for (const QString &name : names)
            open(window, settings, secrets, name);
        QTimer::singleShot(DialogsSettleMs, &window, [] {
            std::puts("CONVDESK_DIALOGS open");
            std::fflush(stdout);
        });
    };
    // A first start (no profile) shows the welcome page and no conversation: open them once
    // the window is up.
    if (window.isWelcomeShown()) {
        QTimer::singleShot(0, &window, openAll);
        return {};
    }
    auto *limit = new QTimer(&window);
    limit->setSingleShot(true);
    QObject::connect(limit, &QTimer::timeout, &window, [] {
        std::fputs("convdesk: no conversation was shown in time; no dialog opened\n", stderr);
        QCoreApplication::exit(1);
    });
    limit->start(DialogsTimeLimitMs);
    QObject::connect(&window, &MainWindow::conversationShown, &window, [limit, openAll] {
        limit->stop();
        openAll();
    }, Qt::SingleShotConnection);
    return {};
}

} // namespace convdesk
