#include "CliContext.h"

namespace convdesk {

void CliContext::printOut(const QByteArray &text) const
{
    std::fwrite(text.constData(), 1, size_t(text.size()), out);
    std::fflush(out);
}

void CliContext::printErr(const QString &text) const
{
    const QByteArray utf8 = text.toUtf8() + '\n';
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), err);
    std::fflush(err);
}

} // namespace convdesk
