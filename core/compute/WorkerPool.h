#pragma once
// WorkerPool: Slurm worker jobs that each take several pieces of work (an
// AutoML run's trials), so that a trial does not pay for a job of its own:
// Slurm's scheduling of a new batch job (up to batch_sched_delay, 3 s by
// default), the worker's start and the plan's rebuild from the staged table
// are paid once per worker, not once per trial (bench/slurm_benchmark.py
// measures both; README).
//
// Files, in the pool's folder (shared: this machine and the nodes):
//   tasks/<name>/spec.json      the work (written by the caller before run())
//   queue/<name>#<attempt>      waiting; a worker claims it by renaming it to
//   claimed/<name>#<attempt>@<job id>   (rename is atomic: one worker wins)
//   tasks/<name>/started        the worker's job id and host, when it begins
//   tasks/<name>/result.json    done (written whole, by rename)
//   tasks/<name>/cancel         the caller asks the worker to stop that work
//   workers/<job id>            a worker job started (proves the nodes can write here)
//   stop                        no more work: idle workers end
//   slurm-<job id>.out          a worker job's output
//
// The pool keeps at most maxWorkers jobs, and no more than the work waiting
// or running asks for; a worker ends after idleSeconds without work, and
// takes no new work once three quarters of its time limit are gone. A job
// that ends while holding work (killed, preempted, its node died, its time
// limit reached after other trials) puts that work back in the queue, at
// most SlurmSettings::maxRetries times; a worker that ends without ever
// starting (a folder the nodes cannot write, no stratus-cli there), a job
// Slurm will never start (its reason: PartitionTimeLimit, InvalidQOS, ...),
// or a controller silent for two minutes fail every piece of work with the
// reason. Submissions refused for a limit are tried again every 10 s.
// One squeue a second reads every worker's state. shutdown() scancels what
// is left and waits until squeue no longer lists it.
// Thread-safe: run() is called on one pool thread per piece of work in flight.

#include "compute/JobFollower.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <mutex>

namespace stratus::slurm {

struct WorkerPoolOptions {
    SlurmSettings settings;
    QString folder;          // as this machine sees it
    QString nodeFolder;      // the same, as the nodes see it
    QStringList command;     // what a worker job runs (program and arguments, node paths)
    QString jobName;         // every worker job's name
    int maxWorkers = 1;      // the profile's concurrent jobs
    int cpus = 1;
    int memoryMb = 0;
};

class WorkerPool {
public:
    explicit WorkerPool(WorkerPoolOptions options);
    ~WorkerPool(); // shutdown()

    // Makes the folder's layout. Errors name the folder.
    Status prepare();
    QString taskFolder(const QString &name) const;
    // Queues tasks/<name> (its spec.json written) and follows it to its
    // result, as follow() does a job of its own. `what` names it in the log.
    FollowOutcome run(const QString &name, const QString &what, const std::atomic<bool> &cancel,
                      const std::function<void(const QString &)> &log = {}, const std::function<void()> &running = {});
    // Every worker job submitted so far.
    QStringList jobIds() const;
    // Why no work can be done on this pool (empty: none yet): every run() fails with it.
    QString fatalError() const;
    void shutdown();

    static constexpr int kIdleSeconds = 20;

private:
    struct Worker {
        QString id;
        JobState state;
        bool active = true;
        bool waitNoted = false; // its wait in the queue was logged
    };
    // Reads the workers' states (at most once a second) and submits workers
    // while work waits; sets m_fatal when a worker cannot start at all.
    void maintain(const std::function<void(const QString &)> &log);
    std::optional<JobState> workerState(const QString &jobId) const;

    WorkerPoolOptions m_o;
    mutable std::mutex m_mutex;
    QList<Worker> m_workers;
    int m_open = 0;          // pieces of work in run()
    QString m_fatal;
    QElapsedTimer m_lastRead;
    QElapsedTimer m_unreachable;   // since when squeue has not answered
    QElapsedTimer m_submitFailing; // since when sbatch has refused
    QDeadlineTimer m_nextSubmit{0}; // no submission before (after a refusal)
    QString m_lastSubmitError;
    int m_lostBeforeStart = 0;     // workers that ended (node failure, ...) before they started
    bool m_stopped = false;
};

// The worker job's side: claims tasks from the pool's folder `directory`
// (as this node sees it) and runs `work` on each (its folder, a cancel flag
// set when the caller asks), until "stop" appears or `idleSeconds` pass
// without work. `work` writes the task's result.json; an error it returns is
// written as the result {"status": "Failed", "error": message}.
Status serveTasks(const QString &directory, const std::function<Status(const QString &task, const std::atomic<bool> &cancel)> &work,
                  int idleSeconds = WorkerPool::kIdleSeconds);

} // namespace stratus::slurm
