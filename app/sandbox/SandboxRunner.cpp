#include "SandboxRunner.h"

#include "SandboxSchema.h"
#include "SandboxServer.h"

#include <QTemporaryDir>

namespace convdesk {

SandboxRunner::SandboxRunner(QObject *parent)
    : QObject(parent)
    , m_server(std::make_unique<SandboxServer>())
{
}

SandboxRunner::~SandboxRunner() = default;

bool SandboxRunner::start(quint16 port)
{
    if (!m_server->listen(QHostAddress::LocalHost, port))
        return false;
    writeSchema();
    return true;
}

void SandboxRunner::writeSchema()
{
    m_schemaFolder = std::make_unique<QTemporaryDir>(); // removed with the runner
    QString file = m_schemaFolder->filePath(QStringLiteral("extension-schema.json"));
    QString problem = m_schemaFolder->errorString();
    if (!m_schemaFolder->isValid() || !SandboxSchema::writeTo(file, &problem)) {
        m_schemaFile.clear();
        m_schemaProblem = problem;
        return;
    }
    m_schemaFile = file;
    m_schemaProblem.clear();
}

bool SandboxRunner::isRunning() const
{
    return m_server->port() != 0;
}

QString SandboxRunner::errorString() const
{
    return m_server->errorString();
}

QUrl SandboxRunner::baseUrl() const
{
    return m_server->baseUrl();
}

Credentials SandboxRunner::credentials() const
{
    return m_server->credentials();
}

QStringList SandboxRunner::conversationIds() const
{
    return m_server->conversationIds();
}

} // namespace convdesk
