#pragma once
// ExperimentStore: experiments are got-or-created by name, as Azure's
// Experiment(workspace, name).

#include "common/Result.h"

#include <QDateTime>
#include <QList>
#include <cmath>

namespace stratus {

class Workspace;

struct Experiment {
    qint64 id = 0;
    QString name;
    QString description;
    QDateTime createdAt;
    int runCount = 0;
    QString latestStatus; // empty when the experiment has no runs; kInterrupted for an interrupted run
    QString primaryMetric; // the latest run's
    double bestScore = std::nan(""); // the best parent run's, by that metric
    QString bestRunId;
};

class ExperimentStore {
public:
    explicit ExperimentStore(Workspace &workspace) : m_ws(workspace) {}

    // ensures: an experiment with that name exists; `created` tells whether
    //          this call made it. A bad name gets the naming rule.
    Result<Experiment> getOrCreate(const QString &name, bool *created = nullptr);
    Result<Experiment> get(const QString &name) const;
    Result<QList<Experiment>> list() const;

private:
    Workspace &m_ws;
};

} // namespace stratus
