#pragma once

#include "api/Credentials.h"

#include <QObject>
#include <QStringList>
#include <QUrl>

#include <memory>

class QTemporaryDir;

namespace convdesk {

class SandboxServer;

// The built-in simulator as a window runs it (`convdesk --sandbox`, the welcome page's "Try the
// sandbox"): a SandboxServer on 127.0.0.1 with its seeded conversations, and the demo
// profile's sample team schema written to a temporary folder, both gone with this object.
// Give it a parent that outlives the calls made to it.
class SandboxRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxRunner)
public:
    explicit SandboxRunner(QObject *parent = nullptr);
    ~SandboxRunner() override;

    // Listens on 127.0.0.1 `port` (0 picks a free one) and writes the schema file. False, with
    // errorString(), when it cannot listen. A schema file that cannot be written does not stop
    // the start: schemaFile() is then empty and schemaProblem() says why.
    bool start(quint16 port = 0);
    bool isRunning() const;
    QString errorString() const;

    QUrl baseUrl() const;
    Credentials credentials() const;
    QStringList conversationIds() const;
    QString schemaFile() const { return m_schemaFile; }
    QString schemaProblem() const { return m_schemaProblem; }

    SandboxServer *server() const { return m_server.get(); }

private:
    void writeSchema();

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<QTemporaryDir> m_schemaFolder;
    QString m_schemaFile;
    QString m_schemaProblem;
};

} // namespace convdesk
