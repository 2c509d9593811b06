#pragma once
// SlurmJobs: one batch job's life through Slurm's commands — submit with
// sbatch, read its state with squeue (then sacct, where the cluster keeps
// accounting), cancel with scancel. Slurm decides placement, queueing and
// limits; this only asks and reads.

#include "common/Result.h"
#include "registry/ComputeProfile.h"

#include <QStringList>

namespace stratus::slurm {

struct JobRequest {
    QString name;           // --job-name (the workspace's prefix + what it is)
    QString directory;      // --chdir and the output file's folder, as the nodes see it
    QStringList command;    // what the job runs on its node (the worker's program and arguments)
    int cpus = 1;           // --cpus-per-task
    int memoryMb = 0;       // --mem (0: the partition's default)
};

// Submits `request` to the profile's partition (time limit, account, QOS
// from the profile). Returns the job id. Errors: sbatch's own message
// (an unknown partition, a job rejected for its limits: "Requested node
// configuration is not available", a QOS or account refused), prefixed by
// what was asked.
Result<QString> submit(const SlurmSettings &settings, const JobRequest &request);

// A job's state as Slurm names it (JOB STATE CODES in squeue(1): PENDING,
// RUNNING, COMPLETING, COMPLETED, FAILED, CANCELLED, TIMEOUT, NODE_FAIL,
// PREEMPTED, OUT_OF_MEMORY, BOOT_FAIL, DEADLINE, ...).
struct JobState {
    QString state;  // empty: Slurm no longer knows the job (squeue and sacct both)
    QString reason; // squeue's %r: why it waits or ended (Priority, Resources, NonZeroExitCode, ...)
    QString nodes;  // where it runs or ran
    qint64 submitEpoch = 0; // seconds since 1970 (0: unknown)
    qint64 startEpoch = 0;

    bool known() const { return !state.isEmpty(); }
    // Pending, running or ending: the job still holds (or will hold) a place.
    bool active() const;
};

Result<JobState> jobState(const QString &jobId);

// squeue's -o format for a JobState after the job id, and its line read back
// ("%T|%r|%N|%V|%S": state, reason, nodes, submit and start times).
extern const char *const kJobStateFormat;
JobState parseJobState(const QStringList &fields);

// scancel for each job; a job already ended is not an error.
Status cancel(const QStringList &jobIds);

// Whether a job that ended in `state` without leaving its result is worth
// submitting again: failures of the node or the job (FAILED, NODE_FAIL,
// PREEMPTED, BOOT_FAIL, CANCELLED by someone else, a job Slurm forgot), not
// a time limit or memory limit reached (they would be reached again).
bool worthRetrying(const QString &state);

// Parses Slurm's time stamps ("2026-11-30T08:12:23", "N/A" → 0).
qint64 epochOf(const QString &slurmTime);

} // namespace stratus::slurm
