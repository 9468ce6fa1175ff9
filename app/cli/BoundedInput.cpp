#include "BoundedInput.h"

#include <QFile>
#include <QStringDecoder>

#include <cerrno>
#include <cstring>

namespace convdesk {

namespace {
constexpr qsizetype ChunkBytes = 16 * 1024;
} // namespace

QString BoundedInput::tooLong(const QString &source, qsizetype limit)
{
    return tr("%1 holds more than %2 bytes (%3 KiB), the limit for this input; nothing was sent.")
        .arg(source)
        .arg(limit)
        .arg(limit / 1024);
}

std::optional<QByteArray> BoundedInput::readStream(FILE *in, qsizetype limit, const QString &source,
                                                   QString *problem)
{
    QByteArray bytes;
    char chunk[ChunkBytes];
    // One byte past the limit is enough to know the input is too long.
    while (bytes.size() <= limit) {
        const size_t wanted = size_t(qMin<qsizetype>(ChunkBytes, limit + 1 - bytes.size()));
        const size_t got = std::fread(chunk, 1, wanted, in);
        bytes.append(chunk, qsizetype(got));
        if (got < wanted) {
            if (std::ferror(in)) {
                *problem = tr("cannot read %1: %2").arg(source, QString::fromLocal8Bit(std::strerror(errno)));
                return std::nullopt;
            }
            break; // EOF
        }
    }
    if (bytes.size() > limit) {
        *problem = tooLong(source, limit);
        return std::nullopt;
    }
    return bytes;
}

std::optional<QByteArray> BoundedInput::readFile(const QString &path, qsizetype limit, QString *problem)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = tr("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QByteArray bytes;
    while (bytes.size() <= limit) {
        const QByteArray chunk = file.read(qMin<qsizetype>(ChunkBytes, limit + 1 - bytes.size()));
        if (chunk.isEmpty()) {
            if (file.error() != QFileDevice::NoError) {
                *problem = tr("cannot read %1: %2").arg(path, file.errorString());
                return std::nullopt;
            }
            break; // end of file
        }
        bytes += chunk;
    }
    if (bytes.size() > limit) {
        *problem = tooLong(path, limit);
        return std::nullopt;
    }
    return bytes;
}

std::optional<QByteArray> BoundedInput::readLine(FILE *in, qsizetype limit, const QString &source,
                                                 QString *problem)
{
    QByteArray line;
    int c;
    while ((c = std::fgetc(in)) != EOF && c != '\n') {
        line.append(char(c));
        if (line.size() > limit + 1) // room for a CR before the LF
            break;
    }
    while (line.endsWith('\r'))
        line.chop(1);
    if (line.size() > limit) {
        *problem = tooLong(source, limit);
        return std::nullopt;
    }
    if (c == EOF && std::ferror(in)) {
        *problem = tr("cannot read %1: %2").arg(source, QString::fromLocal8Bit(std::strerror(errno)));
        return std::nullopt;
    }
    return line;
}

QString BoundedInput::nulProblem(const QString &text, const QString &source)
{
    const qsizetype at = text.indexOf(QChar(u'\0'));
    if (at < 0)
        return {};
    const qsizetype byte = text.first(at).toUtf8().size() + 1;
    return tr("%1 contains a NUL character at byte %2; NUL characters are not allowed.").arg(source).arg(byte);
}

std::optional<QString> BoundedInput::decodeText(const QByteArray &bytes, const QString &source, QString *problem)
{
    // Anything but UTF-8 would quietly become U+FFFD replacement characters instead of the
    // user's text.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        *problem = tr("%1 is not UTF-8 text; save it as UTF-8 and try again.").arg(source);
        return std::nullopt;
    }
    if (QString nul = nulProblem(text, source); !nul.isEmpty()) {
        *problem = nul;
        return std::nullopt;
    }
    return text;
}

} // namespace convdesk
