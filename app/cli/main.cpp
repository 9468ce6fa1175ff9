#include "AppIdentity.h"
#include "CliApplication.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    convdesk::AppIdentity::apply();
    convdesk::CliApplication cli(stdin, stdout, stderr);
    return cli.run(QCoreApplication::arguments());
}
