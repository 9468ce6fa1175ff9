#include "SecretInput.h"

#include "BoundedInput.h"

#include <QByteArray>
#include <QCoreApplication>

#include <termios.h>
#include <unistd.h>

namespace convdesk::SecretInput {

namespace {

std::optional<QString> readLine(FILE *in, QString *problem)
{
    const QString source = QCoreApplication::translate("convdesk::SecretInput", "The AppSecret on standard input");
    const std::optional<QByteArray> line = BoundedInput::readLine(in, BoundedInput::MaxSecretBytes, source, problem);
    return line ? BoundedInput::decodeText(*line, source, problem) : std::nullopt;
}

} // namespace

std::optional<QString> read(FILE *in, FILE *prompt, QString *problem)
{
    const int fd = fileno(in);
    if (!isatty(fd))
        return readLine(in, problem);

    const QByteArray question =
        QCoreApplication::translate("convdesk::SecretInput", "AppSecret (input hidden): ").toUtf8();
    std::fputs(question.constData(), prompt);
    std::fflush(prompt);
    termios saved{};
    const bool canHide = tcgetattr(fd, &saved) == 0;
    if (canHide) {
        termios hidden = saved;
        hidden.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(fd, TCSAFLUSH, &hidden);
    }
    std::optional<QString> line = readLine(in, problem);
    if (canHide)
        tcsetattr(fd, TCSAFLUSH, &saved);
    std::fputs("\n", prompt);
    return line;
}

} // namespace convdesk::SecretInput
