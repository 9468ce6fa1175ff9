#pragma once

#include "CliApplication.h"
#include "CliContext.h"
#include "secrets/InMemorySecretStore.h"
#include "support/CliRun.h"

#include <QFile>
#include <QSettings>
#include <QStringList>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

// convdesk-cli run in the test's own process: the settings in an ini file and the audit log in
// a temporary folder, secrets in memory, the streams in temporary files.
class InProcessCli
{
public:
    InProcessCli()
        : m_settings(std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat))
        , m_auditLogPath(m_dir.filePath(QStringLiteral("data/audit.jsonl")))
    {
    }

    CliRun run(const QStringList &arguments, const QByteArray &input = {})
    {
        const auto in = temporaryFile();
        if (!in)
            return {};
        std::fwrite(input.constData(), 1, size_t(input.size()), in.get());
        std::rewind(in.get());
        return run(arguments, in.get());
    }

    // Standard input is `input` as it is, e.g. opened on /dev/zero; the caller closes it.
    CliRun run(const QStringList &arguments, FILE *input)
    {
        const auto out = temporaryFile();
        const auto err = temporaryFile();
        if (!input || !out || !err)
            return {};
        convdesk::CliContext context{input, out.get(), m_errorStream ? m_errorStream : err.get(), *m_settings, m_secrets,
                                     m_auditLogPath};
        context.rateLimit = m_rateLimit;
        convdesk::CliApplication cli(context);
        const int exitCode = cli.run(QStringList{QStringLiteral("convdesk-cli")} + arguments);
        return {exitCode, readAll(out.get()), readAll(err.get())};
    }

    // How long batch runs wait on code 416; tests keep the pauses short.
    void setRateLimitPolicy(const convdesk::RateLimitPolicy &policy) { m_rateLimit = policy; }
    // Standard error goes to `stream` (e.g. a terminal) instead of a file read back into the
    // result; null restores the file. The caller owns the stream.
    void setErrorStream(FILE *stream) { m_errorStream = stream; }

    // The settings file gets `content` and is read afresh, as by a new process.
    void replaceSettingsFile(const QByteArray &content)
    {
        m_settings.reset();
        QFile file(settingsPath());
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(content);
        file.close();
        m_settings = std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat);
    }

    QString settingsPath() const { return m_dir.filePath(QStringLiteral("settings.ini")); }
    QSettings &settings() { return *m_settings; }
    convdesk::InMemorySecretStore &secrets() { return m_secrets; }
    QString auditLogPath() const { return m_auditLogPath; }
    void setAuditLogPath(const QString &path) { m_auditLogPath = path; }
    QString folder() const { return m_dir.path(); }

private:
    struct FileCloser
    {
        void operator()(FILE *file) const { std::fclose(file); }
    };
    using File = std::unique_ptr<FILE, FileCloser>;

    static File temporaryFile() { return File(std::tmpfile()); }

    static QByteArray readAll(FILE *file)
    {
        std::rewind(file);
        QByteArray bytes;
        char buffer[4096];
        for (size_t read; (read = std::fread(buffer, 1, sizeof buffer, file)) > 0;)
            bytes.append(buffer, qsizetype(read));
        return bytes;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    convdesk::InMemorySecretStore m_secrets;
    QString m_auditLogPath;
    convdesk::RateLimitPolicy m_rateLimit;
    FILE *m_errorStream = nullptr;
};
