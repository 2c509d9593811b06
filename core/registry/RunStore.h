#pragma once
// RunStore: runs, their metrics and artifacts in the workspace.
//
// Statuses move NotStarted -> Queued -> Running -> (Finalizing ->)
// Completed / Failed / Canceled; any other move is refused with a message.
// Each run records the process that runs it ("host:pid") and a heartbeat, so
// that runs left unfinished by a process that died are recognised and marked
// Failed ("interrupted") the next time a workspace is opened.

#include "common/Result.h"
#include "registry/Run.h"

#include <QByteArray>
#include <QList>

namespace stratus {

class Workspace;

class RunStore {
public:
    explicit RunStore(Workspace &workspace) : m_ws(workspace) {}

    // The owner string of this process.
    static QString currentOwner();

    // requires: run.experimentId names an experiment; run.parentId, when set, a run.
    // ensures: a new run, NotStarted, owned by this process. Parent ids are
    //          "AutoML_<uuid>"; child ids "<parent id>_<n>" with n = 0, 1, ...
    Result<Run> create(const Run &run);
    Status setStatus(const QString &id, RunStatus status, const QString &error = {});
    Status setMetrics(const QString &id, const QMap<QString, double> &metrics);
    Status setConfig(const QString &id, const QJsonObject &config);
    // Tells that this process still runs these runs.
    Status heartbeat(const QStringList &ids);

    Status putArtifact(const QString &id, const QString &name, const QByteArray &data,
                       const QString &mediaType = QStringLiteral("application/json"));
    Result<QByteArray> artifact(const QString &id, const QString &name) const;
    // The model stored with a child run, or with an AutoML run's best child:
    // the child's id and its "pipeline" artifact; errors say why there is none.
    struct StoredModel {
        QString runId;
        QJsonObject pipeline;
    };
    Result<StoredModel> storedModel(const QString &runId) const;
    Result<QStringList> artifactNames(const QString &id) const;

    Result<Run> get(const QString &id) const;
    // With their metrics (read in one query).
    Result<QList<Run>> children(const QString &parentId) const;
    // Parent runs with their metrics, newest first; of one experiment when `experiment` is set.
    Result<QList<Run>> list(const QString &experiment = {}) const;

    // Marks Failed ("interrupted") every unfinished run whose process is gone
    // (on this host: no such process; on another host: no heartbeat for
    // staleSeconds). Returns how many runs it marked.
    Result<int> recoverInterrupted(int staleSeconds = 300);

    static bool canMove(RunStatus from, RunStatus to);

private:
    Workspace &m_ws;
};

} // namespace stratus
