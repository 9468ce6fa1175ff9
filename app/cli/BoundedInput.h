#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <cstdio>
#include <optional>

namespace convdesk {

// Reads that stop at a limit: a value from /dev/zero, a huge file or an endless pipe must be
// refused after limit + 1 bytes, never read into memory whole.
class BoundedInput
{
    Q_DECLARE_TR_FUNCTIONS(BoundedInput)
public:
    static constexpr qsizetype MaxValueBytes = 64 * 1024;  // --file, --stdin, --expect-file
    static constexpr qsizetype MaxSecretBytes = 4 * 1024;  // the AppSecret on standard input

    // All of `in` up to EOF; nullopt with a sentence naming `source` and the limit in
    // *problem when it holds more than `limit` bytes or cannot be read.
    static std::optional<QByteArray> readStream(FILE *in, qsizetype limit, const QString &source,
                                                QString *problem);
    // The same for a file given by path (its path names it in messages).
    static std::optional<QByteArray> readFile(const QString &path, qsizetype limit, QString *problem);
    // The first line of `in` without its CR/LF; the same limit rule, counted on the line.
    static std::optional<QByteArray> readLine(FILE *in, qsizetype limit, const QString &source,
                                              QString *problem);

    // UTF-8 text without NUL characters, or nullopt with a sentence naming `source`.
    static std::optional<QString> decodeText(const QByteArray &bytes, const QString &source, QString *problem);
    // Empty when `text` has no NUL character; else a sentence with its byte position (from 1,
    // counted in UTF-8 as `cmp` does).
    static QString nulProblem(const QString &text, const QString &source);

    static QString tooLong(const QString &source, qsizetype limit);
};

} // namespace convdesk
