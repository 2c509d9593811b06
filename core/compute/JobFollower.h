#pragma once
// JobFollower: one piece of work done as a Slurm job of its own (a chunk of
// a batch scoring, `compute check`'s probe; AutoML trials go to a
// WorkerPool's jobs instead), from submission to its result: submit,
// follow its state, collect the result file the worker leaves in the shared
// folder; resubmit a job that ended without a result for a reason that may
// not recur (a failed or preempted job, a node that died, a job canceled
// from outside), at most SlurmSettings::maxRetries times; scancel it when
// the caller cancels. Blocking: called on a pool thread, one per job in
// flight (the profile's pool is sized by its concurrent jobs).
//
// The worker on the node writes "started" (its host) into the work's
// folder when it begins and the result file, atomically, when it is done;
// a job that ended without a result is described from its state, Slurm's
// reason, the tail of its output (slurm-<id>.out) and whether the worker
// started at all — a job whose worker never wrote "started" and left no
// output ran on a node that cannot write the shared folder.

#include "compute/SharedFolder.h"
#include "compute/SlurmJobs.h"

#include <atomic>
#include <functional>

namespace stratus::slurm {

struct FollowRequest {
    SlurmSettings settings;
    QString directory;   // this work's folder, as this machine sees it (spec inside; results come here)
    QString resultFile;  // its appearance (whole: written by rename) means done
    JobRequest job;      // name, command, CPUs, memory; job.directory: `directory` as the nodes see it
    QString what;        // for messages: "trial 3", "chunk 2 of 4"
};

struct FollowOutcome {
    enum Kind { Done, Canceled, Failed };
    Kind kind = Failed;
    QString error;            // Failed: why, with Slurm's state and reason
    QStringList jobIds;       // every job submitted, in order
    QString nodes;            // where the last one ran
    double queueSeconds = 0;  // the last job's wait in the queue (submit to start)
};

// requires: request.directory exists and holds what the worker reads.
// `log` gets one line per event (submitted, started, retried); `running` is
// called once, when the first job starts running on a node.
FollowOutcome follow(const FollowRequest &request, const std::atomic<bool> &cancel,
                     const std::function<void(const QString &)> &log = {}, const std::function<void()> &running = {});

// The file the worker writes when it begins (its host and process id).
QString startedMarker(const QString &directory);
// The file a worker writes when its work failed for good (its message): the
// work is not submitted again, and the message is the outcome's error.
QString failureFile(const QString &directory);

// The last `lines` lines of Slurm's output of a job (slurm-<id>.out in
// `directory`), joined by " | "; empty when there is none.
QString outputTail(const QString &directory, const QString &jobId, int lines = 6);

// Describes a job that ended without leaving its work's result: its state,
// Slurm's reason, the node, and what the state means for the profile.
QString endedWithoutResult(const QString &jobId, const JobState &state, const SlurmSettings &settings);

// For a job whose worker never began (no "started"): whether the job ran and
// ended (COMPLETED or FAILED) — then it would not begin the next time either —
// and why, from its output's tail: none means the nodes cannot write
// `nodeFolder` (or do not mount it); some means stratus-cli did not start.
bool neverStarted(const JobState &state);
QString whyNeverStarted(const QString &nodeFolder, const QString &tail);

} // namespace stratus::slurm
