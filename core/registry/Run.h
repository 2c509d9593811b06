#pragma once
// A run as the workspace records it: an AutoML (parent) run or one of its
// child runs (a trial or an ensemble), with Azure's statuses.

#include "registry/RunStatus.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>

namespace stratus {

struct Run {
    QString id;
    qint64 experimentId = 0;
    QString experiment;       // the experiment's name
    QString parentId;         // empty for a parent run
    QString kind = QStringLiteral("automl"); // "automl", "trial", "ensemble"; "pipeline" and its "step"s
    RunStatus status = RunStatus::NotStarted;
    qint64 computeProfileId = 0;
    qint64 datasetVersionId = 0;
    QString algorithm;
    QJsonObject config;       // settings, hyperparameters
    QString error;
    QString owner;            // "host:pid" of the process running it
    QDateTime createdAt, startedAt, endedAt, heartbeatAt;
    QMap<QString, double> metrics;

    // Seconds from start to end (or to now while running); 0 before the start.
    double durationSeconds() const;
    // Failed because the process running it ended (RunStore::recoverInterrupted).
    bool wasInterrupted() const { return status == RunStatus::Failed && error.startsWith(QLatin1String("interrupted")); }
    // The status name the studio shows: kInterrupted for an interrupted run, else the stored one.
    QString displayStatus() const { return wasInterrupted() ? QString::fromLatin1(kInterrupted) : runStatusName(status); }
};

// Whether larger values of a run's metric are better. By Azure's metric
// names: errors (`*error*`), `log_loss` and times (`*_seconds`) are better
// lower; every other metric (AUC, accuracy, r2_score, ...) higher. The
// registry needs it to find an experiment's best run, so it lives here, below
// the ML layer that defines the metrics.
bool higherIsBetter(const QString &metric);

} // namespace stratus
