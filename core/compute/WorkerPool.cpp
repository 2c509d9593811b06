#include "compute/WorkerPool.h"

#include "compute/SharedFolder.h"
#include "compute/SlurmCommand.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSysInfo>
#include <QThread>
#include <cstdio>

namespace stratus::slurm {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(stratus::slurm)
};

constexpr int kPollMs = 100;
constexpr int kReadMs = 1000;          // squeue at most once a second for the whole pool
constexpr int kSettleMs = 3000;        // a result may take this long to show after its job ended
constexpr int kUnreachableMs = 120000; // the controller silent (or sbatch refusing for a limit) this long fails the work
constexpr int kSubmitBackoffMs = 10000;

// Why a job waits that will not change by waiting (squeue's REASON codes).
const QStringList kPermanentReasons = {
    QStringLiteral("PartitionTimeLimit"), QStringLiteral("PartitionNodeLimit"), QStringLiteral("BadConstraints"),
    QStringLiteral("InvalidQOS"), QStringLiteral("InvalidAccount"), QStringLiteral("AccountNotAllowed"),
    QStringLiteral("QOSMaxWallDurationPerJobLimit"), QStringLiteral("AssocMaxWallDurationPerJobLimit"),
    QStringLiteral("QOSMaxCpuPerJobLimit"), QStringLiteral("QOSMaxMemoryPerJob"), QStringLiteral("PartitionConfig")};

bool touch(const QString &path, const QByteArray &content = {})
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && (content.isEmpty() || f.write(content) == content.size());
}

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()).trimmed() : QString();
}

// The claim of `entry` (name#attempt) in claimed/, if a worker took it: its job id.
QString holder(const QString &folder, const QString &entry)
{
    if (QFileInfo::exists(folder + QStringLiteral("/queue/") + entry))
        return {}; // still waiting: no need to list the claims
    const QStringList claims = QDir(folder + QStringLiteral("/claimed")).entryList({entry + QStringLiteral("@*")}, QDir::Files);
    return claims.isEmpty() ? QString() : claims.first().section(QLatin1Char('@'), -1);
}

} // namespace

WorkerPool::WorkerPool(WorkerPoolOptions options) : m_o(std::move(options)) {}

WorkerPool::~WorkerPool()
{
    shutdown();
}

Status WorkerPool::prepare()
{
    for (const char *sub : {"tasks", "queue", "claimed", "workers"})
        if (Status s = SharedFolder::makeWritable(m_o.folder + QLatin1Char('/') + QLatin1String(sub)); !s)
            return s;
    // What a worker must know of its job: when to stop taking work.
    QSaveFile f(m_o.folder + QStringLiteral("/pool.json"));
    if (!f.open(QIODevice::WriteOnly)
        || f.write(QJsonDocument(QJsonObject{{QStringLiteral("time_limit_minutes"), m_o.settings.timeLimitMinutes}}).toJson()) < 0
        || !f.commit())
        return Error{Tr::tr("Cannot write %1: %2").arg(f.fileName(), f.errorString())};
    return {};
}

QString WorkerPool::taskFolder(const QString &name) const
{
    return m_o.folder + QStringLiteral("/tasks/") + name;
}

QStringList WorkerPool::jobIds() const
{
    std::lock_guard lock(m_mutex);
    QStringList ids;
    for (const Worker &w : m_workers)
        ids << w.id;
    return ids;
}

QString WorkerPool::fatalError() const
{
    std::lock_guard lock(m_mutex);
    return m_fatal;
}

std::optional<JobState> WorkerPool::workerState(const QString &jobId) const
{
    std::lock_guard lock(m_mutex);
    for (const Worker &w : m_workers)
        if (w.id == jobId)
            return w.state;
    return std::nullopt;
}

void WorkerPool::maintain(const std::function<void(const QString &)> &log)
{
    QStringList ids;
    bool read = false;
    {
        std::lock_guard lock(m_mutex);
        if (m_stopped || !m_fatal.isEmpty())
            return;
        if (!m_lastRead.isValid() || m_lastRead.elapsed() >= kReadMs) {
            m_lastRead.start();
            read = true;
            for (const Worker &w : m_workers)
                if (w.active)
                    ids << w.id;
        }
    }
    // The workers' states: one squeue for all of them, outside the lock (it may take seconds).
    QHash<QString, JobState> states;
    QString unreachable;
    if (read && !ids.isEmpty()) {
        auto out = slurm::run(QStringLiteral("squeue"), {QStringLiteral("-h"), QStringLiteral("-t"), QStringLiteral("all"), QStringLiteral("-j"),
                                                         ids.join(QLatin1Char(',')), QStringLiteral("-o"),
                                                         QStringLiteral("%i|") + QString::fromLatin1(kJobStateFormat)});
        if (out) {
            for (const QString &line : QString::fromLocal8Bit(out->standardOutput).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                const QStringList f = line.trimmed().split(QLatin1Char('|'));
                states.insert(f.value(0), parseJobState(f.mid(1)));
            }
        } else if (isUnreachable(out.message())) {
            unreachable = out.message();
        }
        // A worker squeue no longer lists (or a list it refused): ask for it alone, then accounting.
        for (const QString &id : std::as_const(ids))
            if (unreachable.isEmpty() && !states.contains(id))
                if (auto st = jobState(id))
                    states.insert(id, *st);
    }
    std::lock_guard lock(m_mutex);
    if (m_stopped)
        return;
    if (read) {
        if (!unreachable.isEmpty()) {
            if (!m_unreachable.isValid())
                m_unreachable.start();
            else if (m_unreachable.elapsed() > kUnreachableMs)
                m_fatal = Tr::tr("%1 (for %2 s)").arg(unreachable).arg(kUnreachableMs / 1000);
            return;
        }
        m_unreachable.invalidate();
        for (Worker &w : m_workers) {
            if (!w.active || !states.contains(w.id))
                continue;
            w.state = states.value(w.id);
            if (w.state.state == QLatin1String("PENDING")) {
                if (kPermanentReasons.contains(w.state.reason)) {
                    m_fatal = Tr::tr("Slurm will not start worker job %1: %2 (the profile asks for more than partition %3 or "
                                     "its QOS allows: see its time limit, CPUs and memory)")
                                  .arg(w.id, w.state.reason, m_o.settings.partition);
                    cancel({w.id});
                    return;
                }
                if (!w.waitNoted && w.state.submitEpoch > 0 && QDateTime::currentSecsSinceEpoch() - w.state.submitEpoch > 30) {
                    w.waitNoted = true;
                    if (log)
                        log(Tr::tr("Slurm worker job %1 has waited %2 s in the queue (%3)")
                                .arg(w.id)
                                .arg(QDateTime::currentSecsSinceEpoch() - w.state.submitEpoch)
                                .arg(w.state.reason));
                }
            }
            if (w.state.active())
                continue;
            w.active = false;
            // A worker that ended without ever starting: the nodes cannot work here (or the job never ran).
            QDir(m_o.folder + QStringLiteral("/workers")).entryList(); // a fresh look (shared file systems cache)
            if (QFileInfo::exists(m_o.folder + QStringLiteral("/workers/") + w.id))
                continue;
            const QString tail = outputTail(m_o.folder, w.id);
            const QString why = endedWithoutResult(w.id, w.state, m_o.settings);
            if (neverStarted(w.state))
                m_fatal = why + whyNeverStarted(m_o.nodeFolder, tail);
            else if (w.state.state != QLatin1String("CANCELLED") && ++m_lostBeforeStart > m_o.settings.maxRetries + 1)
                m_fatal = Tr::tr("%1, as %2 worker jobs before it").arg(why).arg(m_lostBeforeStart - 1);
        }
        if (!m_fatal.isEmpty())
            return;
    }
    int live = 0;
    for (const Worker &w : m_workers)
        live += w.active ? 1 : 0;
    const int wanted = qMin(m_o.maxWorkers, m_open);
    if (live >= wanted || !m_nextSubmit.hasExpired())
        return;
    while (live < wanted) {
        JobRequest job;
        job.name = m_o.jobName;
        job.directory = m_o.nodeFolder;
        job.command = m_o.command;
        job.cpus = m_o.cpus;
        job.memoryMb = m_o.memoryMb;
        auto id = submit(m_o.settings, job);
        if (!id) {
            // Unreachable or a submission limit: try again later; a refusal of the job itself: for good.
            const bool transient = isUnreachable(id.message()) || id.message().contains(QLatin1String("MaxSubmit"))
                || id.message().contains(QLatin1String("QOSMax")) || id.message().contains(QLatin1String("AssocMax"));
            if (!transient && live == 0) {
                m_fatal = id.message();
                return;
            }
            if (!m_submitFailing.isValid())
                m_submitFailing.start();
            else if (live == 0 && m_submitFailing.elapsed() > kUnreachableMs) {
                m_fatal = Tr::tr("%1 (for %2 s)").arg(id.message()).arg(kUnreachableMs / 1000);
                return;
            }
            if (log && id.message() != m_lastSubmitError)
                log(id.message());
            m_lastSubmitError = id.message();
            m_nextSubmit = QDeadlineTimer(kSubmitBackoffMs);
            return;
        }
        m_submitFailing.invalidate();
        m_lastSubmitError.clear();
        Worker w;
        w.id = *id;
        w.state.state = QStringLiteral("PENDING");
        m_workers << w;
        ++live;
        if (log)
            log(Tr::tr("Slurm worker job %1 submitted to partition %2 (%3 of at most %4)")
                    .arg(*id, m_o.settings.partition)
                    .arg(live)
                    .arg(m_o.maxWorkers));
    }
}

FollowOutcome WorkerPool::run(const QString &name, const QString &what, const std::atomic<bool> &cancel,
                              const std::function<void(const QString &)> &log, const std::function<void()> &running)
{
    FollowOutcome outcome;
    const QString task = taskFolder(name), result = task + QStringLiteral("/result.json");
    const int attempts = 1 + qMax(0, m_o.settings.maxRetries);
    int attempt = 1;
    auto entry = [&] { return QStringLiteral("%1#%2").arg(name).arg(attempt); };
    if (!touch(m_o.folder + QStringLiteral("/queue/") + entry())) {
        outcome.error = Tr::tr("Cannot queue %1 in %2").arg(what, m_o.folder);
        return outcome;
    }
    {
        std::lock_guard lock(m_mutex);
        ++m_open;
    }
    const auto close = qScopeGuard([this] {
        std::lock_guard lock(m_mutex);
        --m_open;
    });
    bool announced = false;
    QString jobOfAttempt;
    for (int poll = 0;; ++poll) {
        if (QFileInfo::exists(result)) {
            if (!announced && running)
                running();
            outcome.kind = FollowOutcome::Done;
            outcome.nodes = readText(task + QStringLiteral("/started")).section(QLatin1Char(' '), 1, 1); // "<job id> <host>"
            if (auto state = workerState(jobOfAttempt.isEmpty() ? holder(m_o.folder, entry()) : jobOfAttempt)) {
                if (outcome.nodes.isEmpty())
                    outcome.nodes = state->nodes;
                if (state->startEpoch > 0 && state->submitEpoch > 0)
                    outcome.queueSeconds = double(state->startEpoch - state->submitEpoch);
            }
            if (const QString job = jobOfAttempt.isEmpty() ? holder(m_o.folder, entry()) : jobOfAttempt; !job.isEmpty())
                outcome.jobIds << job;
            return outcome;
        }
        if (cancel.load()) {
            // Not claimed yet: take it back. Claimed: ask its worker to stop, and wait for its answer.
            if (std::rename(QFile::encodeName(m_o.folder + QStringLiteral("/queue/") + entry()).constData(),
                            QFile::encodeName(task + QStringLiteral("/unqueued")).constData())
                != 0) {
                touch(task + QStringLiteral("/cancel"));
                for (int i = 0; i < 100 && !QFileInfo::exists(result); ++i) {
                    maintain(log);
                    const QString job = holder(m_o.folder, entry());
                    if (auto state = workerState(job); !job.isEmpty() && state && !state->active())
                        break;
                    QThread::msleep(kPollMs);
                }
            }
            outcome.kind = FollowOutcome::Canceled;
            return outcome;
        }
        maintain(log);
        const QString job = holder(m_o.folder, entry());
        if (job.isEmpty()) {
            QString fatal;
            {
                std::lock_guard lock(m_mutex);
                fatal = m_fatal;
            }
            if (!fatal.isEmpty()) {
                QFile::remove(m_o.folder + QStringLiteral("/queue/") + entry());
                outcome.error = fatal;
                return outcome;
            }
        } else if (job != jobOfAttempt) {
            jobOfAttempt = job;
            const auto state = workerState(job);
            if (log)
                log(Tr::tr("%1: taken by Slurm worker job %2%3").arg(what, job, state && !state->nodes.isEmpty() ? Tr::tr(" on %1").arg(state->nodes) : QString()));
            if (!announced && running) {
                announced = true;
                running();
            }
        } else if (poll % (kReadMs / kPollMs) == 0) {
            // Its worker ended without its result: put it back in the queue, a bounded number of times.
            const auto state = workerState(job);
            if (state && !state->active()) {
                bool done = false;
                for (int waited = 0; waited < kSettleMs && !done; waited += kPollMs) {
                    done = QFileInfo::exists(result);
                    if (!done)
                        QThread::msleep(kPollMs);
                }
                if (done)
                    continue;
                QString why = endedWithoutResult(job, *state, m_o.settings);
                if (const QString tail = outputTail(m_o.folder, job); !tail.isEmpty())
                    why += QStringLiteral(": ") + tail;
                outcome.jobIds << job;
                outcome.nodes = state->nodes;
                // A worker's time limit covers every trial it took: a trial that began late in its
                // worker's life is worth another worker, unless it ran for most of a limit itself.
                bool retry = worthRetrying(state->state);
                if (state->state == QLatin1String("TIMEOUT")) {
                    const QDateTime began = QFileInfo(task + QStringLiteral("/started")).lastModified();
                    retry = began.isValid() && began.secsTo(QDateTime::currentDateTime()) < m_o.settings.timeLimitMinutes * 60 * 9 / 10;
                }
                if (!retry || attempt == attempts) {
                    outcome.error = why + (attempts > 1 && retry ? Tr::tr(" (after %1 attempts)").arg(attempts) : QString());
                    return outcome;
                }
                ++attempt;
                jobOfAttempt.clear();
                QFile::remove(task + QStringLiteral("/started"));
                if (log)
                    log(Tr::tr("%1: %2; queued again (attempt %3 of %4)").arg(what, why).arg(attempt).arg(attempts));
                if (!touch(m_o.folder + QStringLiteral("/queue/") + entry())) {
                    outcome.error = Tr::tr("Cannot queue %1 in %2").arg(what, m_o.folder);
                    return outcome;
                }
            }
        }
        QThread::msleep(kPollMs);
    }
}

void WorkerPool::shutdown()
{
    QStringList live;
    {
        std::lock_guard lock(m_mutex);
        if (m_stopped)
            return;
        m_stopped = true;
        for (const Worker &w : m_workers)
            if (w.active)
                live << w.id;
    }
    touch(m_o.folder + QStringLiteral("/stop"));
    if (live.isEmpty())
        return;
    cancel(live);
    // Until squeue no longer lists them (a canceled job is COMPLETING for a moment).
    for (int i = 0; i < 100 && !live.isEmpty(); ++i) {
        QStringList still;
        for (const QString &id : live)
            if (auto state = jobState(id); state && state->active())
                still << id;
        live = still;
        if (!live.isEmpty())
            QThread::msleep(kPollMs);
    }
}

Status serveTasks(const QString &dir, const std::function<Status(const QString &, const std::atomic<bool> &)> &work, int idleSeconds)
{
    const QString jobId = qEnvironmentVariable("SLURM_JOB_ID", QString::number(QCoreApplication::applicationPid()));
    const QByteArray me = QStringLiteral("%1 %2\n").arg(jobId, QSysInfo::machineHostName()).toUtf8();
    if (!touch(dir + QStringLiteral("/workers/") + jobId, me))
        return Error{Tr::tr("Cannot write in %1/workers: this node cannot write the shared folder").arg(dir)};
    // Work is taken until three quarters of the job's time limit are gone: the rest is for the last piece.
    qint64 limitMs = -1;
    if (QFile pool(dir + QStringLiteral("/pool.json")); pool.open(QIODevice::ReadOnly))
        limitMs = qint64(QJsonDocument::fromJson(pool.readAll()).object().value(QStringLiteral("time_limit_minutes")).toInt(0)) * 60000 * 3 / 4;
    QElapsedTimer life, idle;
    life.start();
    idle.start();
    const QDir queue(dir + QStringLiteral("/queue"));
    while (!QFileInfo::exists(dir + QStringLiteral("/stop")) && (limitMs <= 0 || life.elapsed() < limitMs)) {
        bool worked = false;
        for (const QString &entry : queue.entryList(QDir::Files, QDir::Name)) {
            const QString claim = dir + QStringLiteral("/claimed/") + entry + QLatin1Char('@') + jobId;
            if (std::rename(QFile::encodeName(queue.filePath(entry)).constData(), QFile::encodeName(claim).constData()) != 0)
                continue; // another worker took it
            const QString task = dir + QStringLiteral("/tasks/") + entry.section(QLatin1Char('#'), 0, 0);
            touch(task + QStringLiteral("/started"), me);
            std::atomic<bool> cancel{false};
            Status done;
            QThread *thread = QThread::create([&] { done = work(task, cancel); });
            thread->start();
            while (!thread->wait(kPollMs))
                if (!cancel.load() && QFileInfo::exists(task + QStringLiteral("/cancel")))
                    cancel.store(true);
            delete thread;
            if (!done && !QFileInfo::exists(task + QStringLiteral("/result.json"))) {
                QSaveFile f(task + QStringLiteral("/result.json"));
                if (f.open(QIODevice::WriteOnly)) {
                    f.write(QJsonDocument(QJsonObject{{QStringLiteral("status"), QStringLiteral("Failed")},
                                                      {QStringLiteral("error"), done.message()}})
                                .toJson(QJsonDocument::Compact));
                    f.commit();
                }
            }
            worked = true;
            idle.restart();
            break; // the queue again, from its start (the earliest work first)
        }
        if (!worked) {
            if (idle.elapsed() > qint64(idleSeconds) * 1000)
                break;
            QThread::msleep(kPollMs);
        }
    }
    return {};
}

} // namespace stratus::slurm
