// stratus: the studio. Opens the default workspace (created, with a sample
// dataset, on first start) or the one given with --workspace PATH.
#include "main/MainWindow.h"
#include "main/Translations.h"
#include "registry/WorkspaceSetup.h"
#include "workspace/Workspace.h"
#include "workspace/WorkspaceLocator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("stratus"));
    QApplication::setOrganizationName(QStringLiteral("stratus"));
    QApplication::setApplicationVersion(QStringLiteral(STRATUS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Stratus, an offline machine-learning studio"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption workspace(QStringLiteral("workspace"), QStringLiteral("Open the workspace file PATH."),
                                 QStringLiteral("PATH"));
    QCommandLineOption language(QStringLiteral("lang"), QStringLiteral("Language: en or ko (default: the system's)."),
                                QStringLiteral("LANG"));
    parser.addOption(workspace);
    parser.addOption(language);
    parser.process(app);
    stratus::installTranslations(app, parser.value(language));

    auto path = stratus::locateWorkspace(parser.value(workspace), QString(), false);
    auto ws = path ? stratus::openWorkspace(*path) : decltype(stratus::openWorkspace(QString()))(path.error());
    if (!ws) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Stratus"), ws.message());
        return 1;
    }
    stratus::MainWindow window(std::move(*ws));
    window.show();
    return app.exec();
}
