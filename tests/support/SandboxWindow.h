#pragma once

#include "ExtensionEditor.h"
#include "MainWindow.h"
#include "SandboxServer.h"
#include "audit/AuditLog.h"
#include "secrets/InMemorySecretStore.h"
#include "support/RequireChild.h"

#include <QDir>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

#include <memory>

// A MainWindow in sandbox mode on a SandboxServer the test started, with its own throw-away
// settings file, secret store and audit log in `directory`: what the workflow GUI tests
// drive. Several can share one sandbox, like two windows of two support engineers.
class SandboxWindow
{
public:
    SandboxWindow(convdesk::SandboxServer &sandbox, const QString &directory, const QString &name)
        : m_settings(QDir(directory).filePath(name + QStringLiteral(".ini")), QSettings::IniFormat)
        , m_window(std::make_unique<convdesk::MainWindow>(m_settings, m_secrets))
        , m_shown(m_window.get(), &convdesk::MainWindow::conversationShown)
    {
        m_window->setObjectName(name);
        m_window->setAuditLogPath(QDir(directory).filePath(name + QStringLiteral("-audit.jsonl")));
        m_window->enableSandbox(sandbox.baseUrl(), sandbox.credentials(), sandbox.conversationIds());
        m_window->show();
    }

    convdesk::MainWindow *operator->() const { return m_window.get(); }
    convdesk::MainWindow *get() const { return m_window.get(); }

    template<typename T>
    T *find(const QString &name) const { return convdesk::test::requireChild<T>(m_window.get(), name); }

    convdesk::ExtensionEditor *editor() const { return find<convdesk::ExtensionEditor>(QStringLiteral("extensionEditor")); }

    // True once a conversation is shown after the last call (or was already, unseen).
    bool waitShown(int timeoutMs = 5000)
    {
        if (m_shown.size() > m_seen) {
            m_seen = m_shown.size();
            return true;
        }
        const bool shown = m_shown.wait(timeoutMs);
        m_seen = m_shown.size();
        return shown;
    }

    // Replaces the editor's text as typed by the user.
    void typeExtension(const QString &text) const
    {
        auto *edit = find<QPlainTextEdit>(QStringLiteral("extensionText"));
        edit->setFocus();
        QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
        if (text.isEmpty())
            QTest::keyClick(edit, Qt::Key_Delete);
        else
            QTest::keyClicks(edit, text);
    }

    convdesk::AuditLog auditLog() const { return convdesk::AuditLog(m_window->auditLogPath()); }

private:
    QSettings m_settings;
    convdesk::InMemorySecretStore m_secrets;
    std::unique_ptr<convdesk::MainWindow> m_window;
    QSignalSpy m_shown;
    qsizetype m_seen = 0;
};
