#pragma once
// SlurmCluster: what a Slurm profile's partition looks like now, and whether
// a profile can work — for the Compute screen, `stratus-cli compute show`
// and `compute check`, and before a run submits its first job.

#include "common/Result.h"
#include "registry/ComputeProfile.h"

#include <QList>

namespace stratus::slurm {

// One node of the partition (sinfo -N).
struct NodeInfo {
    QString name;
    QString state;      // sinfo's long state: idle, mixed, allocated, down, drained, ...
    int cpus = 0;
    int memoryMb = 0;   // RealMemory
};

// One of this workspace's jobs in the queue (squeue).
struct QueuedJob {
    QString id;
    QString name;
    QString state;       // PENDING, RUNNING, COMPLETING
    QString reason;      // why it waits (Priority, Resources, ...) or None
    QString nodes;
    qint64 submitEpoch = 0;
    qint64 startEpoch = 0;
    // Seconds in the queue: until it started, or until `now` while pending.
    qint64 queueSeconds(qint64 now) const;
};

struct ClusterState {
    QList<NodeInfo> nodes;
    QList<QueuedJob> jobs;
    int idle = 0, mixed = 0, allocated = 0, down = 0; // nodes by state (down: down, drained, failing, not responding)
};

// The partition's nodes, and the queue's jobs whose names start with `jobPrefix`.
// Errors: no Slurm commands, the controller unreachable, an unknown partition.
Result<ClusterState> clusterState(const QString &partition, const QString &jobPrefix);

// Checks what can be checked from this machine: the commands are on the
// PATH, the controller answers, the partition exists, a node of it has the
// CPUs and memory a job asks for, the shared folder is writable here.
// ensures: on success the profile's jobs can be submitted (limits aside:
// a QOS or account is only checked by sbatch itself).
Status check(const ComputeProfile &profile);

// check(), then a job on the partition writes a file in the shared folder
// (as the nodes see it) and the file is read back here: proves the nodes
// mount and can write it, and shows the queue's wait. At most `timeoutSeconds`.
// Returns a sentence: which node answered, after how long.
Result<QString> probe(const ComputeProfile &profile, const QString &workspacePath, int timeoutSeconds = 120);

} // namespace stratus::slurm
