#pragma once
// Workspace: one SQLite file holding everything a Stratus user owns —
// datasets and their data, compute profiles, experiments, runs, models and
// endpoints. Several processes (the studio, the CLI, endpoint servers) may
// open the same file side by side: WAL mode, a busy timeout, and every write
// in a BEGIN IMMEDIATE transaction.
//
// Threads: a QSqlDatabase connection must never cross threads, so
// connection() hands each calling thread its own connection, opened on first
// use and closed when the thread ends (or with the Workspace). The Workspace object itself may be shared between threads; its signals
// are emitted from whichever thread made the change.

#include "common/Result.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QStringList>
#include <functional>
#include <memory>

// Declared only: the studio's code (ui/) sees the Workspace without QtSql on
// its include path (tst_layering checks that ui/ never reaches SQL); the
// stores of core/ include it.
class QSqlDatabase;

namespace stratus {

class Workspace;

// What the layers above the workspace add when a file is opened. The
// workspace only opens, checks and migrates the file; the default compute
// profile, the sample dataset and the recovery of interrupted runs belong to
// the registry and the data layers, which set these through openWorkspace()
// (registry/WorkspaceSetup.h).
struct OpenHooks {
    // Called once for a new file, inside the transaction that creates its
    // schema: the file gets the schema and what this adds, or nothing.
    std::function<Status(Workspace &)> created;
    // Called after every successful open, once the schema is current.
    std::function<Status(Workspace &)> opened;
};

class Workspace : public QObject {
    Q_OBJECT
public:
    // ensures: on success, the file exists, is at the latest schema version
    //          and has passed the schema check.
    //          On failure (not an SQLite file, not a Stratus workspace, a
    //          newer schema, a read-only file or folder, a damaged file) the
    //          message says so and the file is left untouched.
    //          `create`: a missing file is created (else it is an error).
    //          A hook's error fails the open, with its message.
    // Most callers want openWorkspace() (registry/WorkspaceSetup.h), which
    // sets the hooks.
    static Result<std::unique_ptr<Workspace>> open(const QString &path, bool create = true, const OpenHooks &hooks = {});

    ~Workspace() override;

    QString path() const { return m_path; }
    // True when open() created the file.
    bool wasCreated() const { return m_created; }
    int schemaVersion() const;

    // This thread's connection (opened and configured on first use).
    QSqlDatabase connection() const;

    // Checks whether another connection or process changed the file since the
    // last call (SQLite's data_version); if so, emits every *Changed signal.
    // Call it from one thread (the studio polls it on a timer).
    bool pollExternalChanges();

    // Notify listeners (table models, screens) of a change.
    void notifyDatasetsChanged() { emit datasetsChanged(); }
    void notifyComputeChanged() { emit computeProfilesChanged(); }
    void notifyExperimentsChanged() { emit experimentsChanged(); }
    void notifyModelsChanged() { emit modelsChanged(); }
    void notifyEndpointsChanged() { emit endpointsChanged(); }

signals:
    void datasetsChanged();
    void computeProfilesChanged();
    void experimentsChanged();
    void modelsChanged();
    void endpointsChanged();

private:
    explicit Workspace(QString path);
    Result<QSqlDatabase> openConnection(const QString &name, bool readOnly) const;
    Status migrateToLatest(const OpenHooks &hooks);

    QString m_path;
    QString m_prefix;
    bool m_created = false;
    qint64 m_dataVersion = -1;
    mutable QMutex m_mutex;
    mutable QHash<QString, QThread *> m_connections; // name -> the thread that opened it
};

} // namespace stratus
