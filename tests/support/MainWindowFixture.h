#pragma once

#include "support/RiskConfirmation.h"

#include "ConversationPanel.h"
#include "DialogHook.h"
#include "ExtensionEditor.h"
#include "MainWindow.h"
#include "SandboxServer.h"
#include "json/JsonDocument.h"
#include "models/ConversationFilterModel.h"
#include "models/ConversationTreeModel.h"
#include "secrets/InMemorySecretStore.h"
#include "support/RequireChild.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

inline const QString AliceId = QStringLiteral("support_demo|1|alice");
inline const QString BobId = QStringLiteral("support_demo|1|bob_88");

inline QString serverExtension(const convdesk::SandboxServer &server, const QString &id)
{
    const auto conversation = server.conversation(id);
    return conversation ? convdesk::Json::toQString((*conversation)["server_extension"].get<std::string>())
                        : QString();
}

// A MainWindow in sandbox mode on one SandboxServer for the whole test case, with fresh
// settings, secrets and audit log for every test function, and its models checked by
// QAbstractItemModelTester while it lives. A test class calls startSandbox() from
// initTestCase(), openWindow() from init() and closeWindow() from cleanup().
class MainWindowFixture
{
protected:
    void startSandbox()
    {
        QStandardPaths::setTestModeEnabled(true); // nothing reaches the user's data folder
        QVERIFY(m_dir.isValid());
        m_sandbox = std::make_unique<convdesk::SandboxServer>();
        QVERIFY2(m_sandbox->listen(), qPrintable(m_sandbox->errorString()));
        QCOMPARE(m_sandbox->conversationIds().first(), AliceId);
    }

    void openWindow()
    {
        m_sandbox->resetToSeed();
        m_sandbox->setResponseDelayMs(0);
        m_sandbox->setRateLimited(false);
        convdesk::DialogHook::clearAnswers();
        convdesk::DialogHook::setInspector(convdesk::test::confirmingRisk());
        m_settings = std::make_unique<QSettings>(
            m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_settingsCount)), QSettings::IniFormat);
        m_secrets = std::make_unique<convdesk::InMemorySecretStore>();
        createWindow();
    }

    void closeWindow()
    {
        convdesk::DialogHook::clearAnswers();
        destroyWindow();
        m_secrets.reset();
        m_settings.reset();
    }

    template<typename T>
    T *find(const char *name) const { return convdesk::test::requireChild<T>(m_window.get(), name); }

    void createWindow()
    {
        using convdesk::MainWindow;
        m_window = std::make_unique<MainWindow>(*m_settings, *m_secrets);
        m_window->setAuditLogPath(m_dir.filePath(QStringLiteral("audit-%1.jsonl").arg(m_settingsCount)));
        convdesk::ConversationPanel *panel = m_window->conversationPanel();
        m_treeTester = std::make_unique<QAbstractItemModelTester>(
            panel->treeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_filterTester = std::make_unique<QAbstractItemModelTester>(
            panel->filterModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_shown = std::make_unique<QSignalSpy>(m_window.get(), &MainWindow::conversationShown);
        m_window->enableSandbox(m_sandbox->baseUrl(), m_sandbox->credentials(), m_sandbox->conversationIds(),
                                m_sandboxSchemaFile);
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QVERIFY(waitShown());
    }

    void destroyWindow()
    {
        m_shown.reset();
        m_filterTester.reset();
        m_treeTester.reset();
        m_window.reset();
    }

    bool waitShown()
    {
        const qsizetype before = m_shown->size();
        return m_shown->size() > before || m_shown->wait(5000);
    }

    void loadId(const QString &id)
    {
        auto *field = find<QLineEdit>("conversationIdField");
        field->selectAll();
        QTest::keyClicks(field, id);
        QTest::keyClick(field, Qt::Key_Return);
    }

    void editExtension(const QString &text)
    {
        auto *edit = find<QPlainTextEdit>("extensionText");
        edit->setFocus();
        QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(edit, text);
        QCOMPARE(editor()->text(), text);
        QVERIFY(editor()->isModified());
    }

    convdesk::ExtensionEditor *editor() const { return find<convdesk::ExtensionEditor>("extensionEditor"); }

    QModelIndex proxyIndex(const QString &path) const
    {
        convdesk::ConversationPanel *panel = m_window->conversationPanel();
        return panel->filterModel()->mapFromSource(panel->treeModel()->indexForPath(path));
    }

    std::unique_ptr<convdesk::SandboxServer> m_sandbox;
    QString m_sandboxSchemaFile; // the sandbox profile's team schema; none unless a test sets it
    QTemporaryDir m_dir;
    int m_settingsCount = 0;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<convdesk::InMemorySecretStore> m_secrets;
    std::unique_ptr<convdesk::MainWindow> m_window;
    std::unique_ptr<QSignalSpy> m_shown;
    // Alive as long as the window, so every change to the models is checked.
    std::unique_ptr<QAbstractItemModelTester> m_treeTester;
    std::unique_ptr<QAbstractItemModelTester> m_filterTester;
};
