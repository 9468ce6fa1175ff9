#include "CliContext.h"

#include <unistd.h>

namespace convdesk {

namespace {
// Back to the start of the line and erase it (ECMA-48 "erase in line"), for the progress line.
constexpr char EraseLine[] = "\r\x1b[K";
} // namespace

void CliContext::printOut(const QByteArray &text) const
{
    clearProgress(); // standard output may be the same terminal
    std::fwrite(text.constData(), 1, size_t(text.size()), out);
    std::fflush(out);
}

void CliContext::printErr(const QString &text) const
{
    clearProgress();
    QString lines = text;
    if (!errPrefix.isEmpty()) {
        lines.replace(u'\n', u'\n' + errPrefix);
        lines.prepend(errPrefix);
    }
    const QByteArray utf8 = lines.toUtf8() + '\n';
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), err);
    std::fflush(err);
}

bool CliContext::errIsTerminal() const
{
    return ::isatty(::fileno(err)) == 1;
}

void CliContext::printProgress(const QString &text) const
{
    if (!errIsTerminal())
        return;
    const QByteArray utf8 = EraseLine + text.toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), err);
    std::fflush(err);
    progressShown = true;
}

void CliContext::clearProgress() const
{
    if (!progressShown)
        return;
    std::fputs(EraseLine, err);
    std::fflush(err);
    progressShown = false;
}

} // namespace convdesk
