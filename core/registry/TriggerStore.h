#pragma once
// TriggerStore: what starts a pipeline's runs by itself (Azure ML's
// schedules and published pipelines), as records the scheduler reads:
//   schedule   settings {every: "1d", every_seconds, at: ["02:00"], missed: "run_once"|"skip",
//              parameters: {...}}; state {next_due, last_fired, last_run, missed, last_missed_at}
//   dataset    settings {dataset, parameter (set to the new version, optional), parameters};
//              state {last_version, last_run}
//   folder     settings {folder, pattern, parameter (set to the new file's path, optional),
//              parameters}; state {last_file, last_modified, last_run}
//   published  settings {host, port, key}; state {}
// A pipeline has at most one published trigger. The scheduler lease makes one
// process at a time (the studio or `stratus-cli pipeline scheduler`) the
// scheduler of a workspace: another takes over once the holder's process is
// gone or has not renewed it for `staleSeconds`.

#include "common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace stratus {

class Workspace;

struct PipelineTrigger {
    qint64 id = 0;
    QString pipeline; // the pipeline's name (its latest version runs)
    QString kind;     // schedule, dataset, folder, published
    QJsonObject settings;
    QJsonObject state;
    QDateTime createdAt;
};

class TriggerStore {
public:
    explicit TriggerStore(Workspace &workspace) : m_ws(workspace) {}

    Result<PipelineTrigger> create(const QString &pipeline, const QString &kind, const QJsonObject &settings, const QJsonObject &state = {});
    Result<QList<PipelineTrigger>> list(const QString &pipeline = {}) const;
    Result<PipelineTrigger> get(qint64 id) const;
    Status setState(qint64 id, const QJsonObject &state);
    Status remove(qint64 id);

    // Takes or renews the lease for this process; false when another live process holds it.
    Result<bool> acquireLease(int staleSeconds = 30);
    void releaseLease();

private:
    Workspace &m_ws;
};

} // namespace stratus
