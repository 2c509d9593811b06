#pragma once
// A compute profile: the local stand-in for an Azure compute cluster. It says
// how many AutoML trials may run at once (the cluster's "max nodes"), how many
// threads each trial may use, and a memory limit per trial. A run with a time
// budget treats maxConcurrent x threadsPerTrial as its cores: a long tree
// trial may take the free ones (all of them when it runs alone), never more
// than that in total and never more than maxConcurrent trials at once.
//
// A profile of kind "slurm" is a Slurm partition instead (Azure's AmlCompute
// cluster): an AutoML run's trials (and its refit) go to worker jobs that
// each take several (`stratus-cli worker serve`), and each chunk of a batch
// scoring is a job (`stratus-cli worker score`). maxConcurrent is then the
// most jobs in the queue at once (Azure's max_nodes), threadsPerTrial the CPUs of
// each job (sbatch --cpus-per-task) and memoryMb its memory (--mem; 0: the
// partition's default). Specifications, data and results go through
// slurm.sharedFolder, which this machine and the nodes both mount; the
// workspace itself is never opened on a node.

#include <QDateTime>
#include <QString>

namespace stratus {

// What a Slurm profile adds (see compute/SlurmCluster.h for its checks).
struct SlurmSettings {
    QString partition;           // sbatch --partition; required
    int timeLimitMinutes = 60;   // sbatch --time, per job: 1 to 525600 (a year)
    QString account;             // sbatch --account; empty: the user's default
    QString qos;                 // sbatch --qos; empty: the partition's default
    QString sharedFolder;        // an absolute path, as this machine sees it
    QString nodeSharedFolder;    // the same folder as the nodes see it; empty: the same path
    QString workerCommand;       // stratus-cli on the nodes; empty: this machine's own stratus-cli's path
    int maxRetries = 2;          // a job that fails, is preempted or loses its node is resubmitted this many times (0 to 10)

    bool operator==(const SlurmSettings &) const = default;
};

struct ComputeProfile {
    qint64 id = 0;
    QString name;
    int maxConcurrent = 1;
    int threadsPerTrial = 1;
    int memoryMb = 0; // 0: no limit
    QString priority = QStringLiteral("normal"); // "normal" or "low"
    QString description;
    QString kind = QStringLiteral("local"); // "local" (this machine's threads) or "slurm"
    SlurmSettings slurm;                     // kind "slurm" only
    QDateTime createdAt;
    // Live state, from the runs on this profile (filled in by ComputeStore).
    int runningTrials = 0;
    int queuedTrials = 0;

    bool isSlurm() const { return kind == QLatin1String("slurm"); }
    bool operator==(const ComputeProfile &) const = default;
};

} // namespace stratus
