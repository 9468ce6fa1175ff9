#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QString>
#include <QUrl>
#include <QtGlobal>

#include <utility>

namespace convdesk::test {

// The usual encodings of a secret, to search output, logs and files for. `core` is a hex run
// inside the secret: it survives any textual escaping, so it is searched for on its own too.
class SecretLeakForms
{
public:
    SecretLeakForms() = default;
    SecretLeakForms(const QString &secret, const QString &core)
    {
        const QByteArray utf8 = secret.toUtf8();
        const QByteArray coreBytes = core.toLatin1();
        m_forms = {
            {QStringLiteral("UTF-8"), utf8},
            {QStringLiteral("its hex core"), coreBytes},
            {QStringLiteral("its hex core in upper case"), coreBytes.toUpper()},
            {QStringLiteral("percent-encoded"), QUrl::toPercentEncoding(secret)},
            {QStringLiteral("base64"), utf8.toBase64()},
            {QStringLiteral("hex"), utf8.toHex()},
            {QStringLiteral("UTF-16 core (host order)"),
             QByteArray(reinterpret_cast<const char *>(core.utf16()), core.size() * 2)},
        };
        QByteArray bigEndian;
        for (const char c : coreBytes)
            bigEndian += QByteArray(1, '\0') + c;
        m_forms.append({QStringLiteral("UTF-16BE core (QDataStream)"), bigEndian});
        // A base64 run over a blob holding the core encodes, at one of three alignments, the
        // core from its 1st, 2nd or 3rd byte on in whole 3-byte groups.
        for (int shift = 0; shift < 3; ++shift) {
            QByteArray aligned = coreBytes.mid(shift);
            aligned.truncate(aligned.size() / 3 * 3);
            m_forms.append({QStringLiteral("base64 of the core (alignment %1)").arg(shift), aligned.toBase64()});
        }
    }

    // Which encoding of the secret `bytes` holds, or an empty string.
    QString foundIn(const QByteArray &bytes) const
    {
        for (const auto &[name, form] : m_forms) {
            if (bytes.contains(form))
                return name;
        }
        return {};
    }

private:
    QList<std::pair<QString, QByteArray>> m_forms; // name, bytes
};

// Every message this process logs, whatever its category or level, for a final scan.
class MessageRecorder
{
public:
    static void install() { previousHandler() = qInstallMessageHandler(record); }
    static void uninstall() { qInstallMessageHandler(previousHandler()); }

    static QByteArray messages()
    {
        QMutexLocker lock(&mutex());
        return recorded();
    }

private:
    static void record(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        const QByteArray category = context.category ? QByteArray(context.category) : QByteArray();
        {
            QMutexLocker lock(&mutex());
            recorded() += category + ": " + message.toUtf8() + '\n';
        }
        // All debug output is switched on to be recorded; the test log only gets what the
        // default rules would show (Qt's own categories keep their debug output to themselves).
        const bool qtDebug = type == QtDebugMsg && (category == "qt" || category.startsWith("qt."));
        if (previousHandler() && !qtDebug)
            previousHandler()(type, context, message);
    }

    static QMutex &mutex()
    {
        static QMutex instance;
        return instance;
    }
    static QByteArray &recorded()
    {
        static QByteArray instance;
        return instance;
    }
    static QtMessageHandler &previousHandler()
    {
        static QtMessageHandler instance = nullptr;
        return instance;
    }
};

} // namespace convdesk::test
