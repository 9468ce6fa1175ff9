#include "Screenshot.h"

#include "AccountBrowser.h"
#include "ConversationPanel.h"
#include "MainWindow.h"

#include <QApplication>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

namespace convdesk {

namespace {
constexpr int ScreenshotTimeLimitMs = 20000;
constexpr int ScreenshotSettleMs = 500; // layout, column sizing and the first paint
} // namespace

void captureWhenShown(MainWindow &window, const QString &path)
{
    auto *limit = new QTimer(&window);
    limit->setSingleShot(true);
    QObject::connect(limit, &QTimer::timeout, &window, [] {
        std::fprintf(stderr, "%s\n", qPrintable(QCoreApplication::translate(
                                        "main", "convdesk: no conversation was shown in time; no screenshot taken")));
        QCoreApplication::exit(1);
    });
    limit->start(ScreenshotTimeLimitMs);

    QObject::connect(&window, &MainWindow::conversationShown, &window, [&window, path, limit] {
        limit->stop();
        ConversationPanel *panel = window.conversationPanel();
        for (const char *node : {"$.last_message.message", "$.last_message.push_config", "$.group_ids"})
            panel->expandPath(QString::fromLatin1(node));
        panel->setCurrentPath(QStringLiteral("$.last_message.message.text"));
        auto grabSoon = [&window, path, limit] {
            limit->stop();
            QTimer::singleShot(ScreenshotSettleMs, &window, [&window, path] {
                const bool saved = window.grab().save(path, "PNG");
                if (!saved)
                    std::fprintf(stderr, "%s\n", qPrintable(QCoreApplication::translate("main", "convdesk: could not write %1")
                                                                .arg(path)));
                QCoreApplication::exit(saved ? 0 : 1);
            });
        };
        // The account browser lists the conversation's account, so the picture shows it filled.
        AccountBrowser *browser = window.accountBrowser();
        QObject::connect(browser, &AccountBrowser::pageLoaded, &window, grabSoon, Qt::SingleShotConnection);
        QObject::connect(browser, &AccountBrowser::pageFailed, &window, grabSoon, Qt::SingleShotConnection);
        limit->start(ScreenshotTimeLimitMs);
        browser->list();
    }, Qt::SingleShotConnection);
}

} // namespace convdesk
