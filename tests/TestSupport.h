#pragma once
// Helpers shared by the tests: temporary workspaces and files, and the
// shared heart-failure file (tests that need it skip when it is absent).

#include "registry/WorkspaceSetup.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace testing {

inline QString sharedHeartFailureCsv()
{
    return QStringLiteral(STRATUS_SHARED_DATA "/heart_failure_clinical_records_dataset.csv");
}

#define REQUIRE_SHARED_DATA()                                                                                     \
    do {                                                                                                          \
        if (!QFile::exists(testing::sharedHeartFailureCsv()))                                                    \
            QSKIP("../shared/data/heart_failure_clinical_records_dataset.csv is absent; this test needs it");   \
    } while (0)

inline QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    f.write(content);
    return path;
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A new empty workspace (no sample dataset) in dir.
inline std::unique_ptr<stratus::Workspace> newWorkspace(const QTemporaryDir &dir,
                                                        const QString &name = QStringLiteral("ws.stratus"))
{
    stratus::OpenOptions options;
    options.seedSample = false;
    auto ws = stratus::openWorkspace(dir.filePath(name), options);
    if (!ws)
        qFatal("cannot create workspace: %s", qPrintable(ws.message()));
    return std::move(*ws);
}

#ifdef STRATUS_CLI
// What a stratus-cli run printed and returned.
struct CliRun {
    int code;
    QByteArray out, err;
};

// Runs stratus-cli with `args` (in `folder`, when given), without
// $STRATUS_WORKSPACE; with `dataHome`, XDG_DATA_HOME points there (so no
// default workspace of the user's is touched).
inline CliRun runCli(const QStringList &args, const QString &folder = {}, const QString &dataHome = {})
{
    QProcess p;
    if (!folder.isEmpty())
        p.setWorkingDirectory(folder);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("STRATUS_WORKSPACE"));
    if (!dataHome.isEmpty())
        env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(STRATUS_CLI), args);
    if (!p.waitForFinished(60000))
        return {-1, {}, "timeout"};
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}
#endif

} // namespace testing
