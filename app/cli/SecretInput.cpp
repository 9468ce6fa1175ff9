#include "SecretInput.h"

#include <QByteArray>
#include <QCoreApplication>

#include <termios.h>
#include <unistd.h>

namespace convdesk::SecretInput {

namespace {

QByteArray readLine(FILE *in)
{
    QByteArray line;
    int c;
    while ((c = std::fgetc(in)) != EOF && c != '\n')
        line.append(char(c));
    while (line.endsWith('\r'))
        line.chop(1);
    return line;
}

} // namespace

QString read(FILE *in, FILE *prompt)
{
    const int fd = fileno(in);
    if (!isatty(fd))
        return QString::fromUtf8(readLine(in));

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
    const QByteArray line = readLine(in);
    if (canHide)
        tcsetattr(fd, TCSAFLUSH, &saved);
    std::fputs("\n", prompt);
    return QString::fromUtf8(line);
}

} // namespace convdesk::SecretInput
