// stratus-cli: the headless Stratus. Linked to the core library only.
#include "Cli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("stratus"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STRATUS_VERSION));
    return stratus::cli::run(app.arguments().mid(1));
}
