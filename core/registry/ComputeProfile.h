#pragma once
// A compute profile: the local stand-in for an Azure compute cluster. It says
// how many AutoML trials may run at once (the cluster's "max nodes"), how many
// threads each trial may use, and a memory limit per trial. A run with a time
// budget treats maxConcurrent x threadsPerTrial as its cores: a long tree
// trial may take the free ones (all of them when it runs alone), never more
// than that in total and never more than maxConcurrent trials at once.

#include <QDateTime>
#include <QString>

namespace stratus {

struct ComputeProfile {
    qint64 id = 0;
    QString name;
    int maxConcurrent = 1;
    int threadsPerTrial = 1;
    int memoryMb = 0; // 0: no limit
    QString priority = QStringLiteral("normal"); // "normal" or "low"
    QString description;
    QDateTime createdAt;
    // Live state, from the runs on this profile (filled in by ComputeStore).
    int runningTrials = 0;
    int queuedTrials = 0;
};

} // namespace stratus
