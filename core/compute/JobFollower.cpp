#include "compute/JobFollower.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QThread>

namespace stratus::slurm {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(stratus::slurm)
};

constexpr int kPollMs = 200;        // the result file (a stat)
constexpr int kStatePolls = 5;      // squeue once a second
constexpr int kSettleMs = 3000;        // after a job ends, how long its result may take to show (shared file systems cache)
constexpr int kUnreachableMs = 120000; // a controller that does not answer for this long fails the work

} // namespace

QString outputTail(const QString &directory, const QString &jobId, int lines)
{
    QFile f(directory + QStringLiteral("/slurm-%1.out").arg(jobId));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QStringList all = QString::fromLocal8Bit(f.readAll()).trimmed().split(QLatin1Char('\n'));
    return all.mid(qMax(0, all.size() - lines)).join(QStringLiteral(" | "));
}

namespace {

bool waitFor(const QString &path, int ms)
{
    for (int waited = 0; waited <= ms; waited += kPollMs) {
        if (QFileInfo::exists(path))
            return true;
        QThread::msleep(kPollMs);
    }
    return false;
}

void note(const std::function<void(const QString &)> &log, const QString &line)
{
    if (log)
        log(line);
}

} // namespace

QString endedWithoutResult(const QString &jobId, const JobState &last, const SlurmSettings &settings)
{
    if (!last.known())
        return Tr::tr("Slurm job %1 disappeared without a result (neither squeue nor sacct knows it)").arg(jobId);
    QString why = Tr::tr("Slurm job %1 ended %2%3%4 without a result")
                      .arg(jobId, last.state,
                           last.reason.isEmpty() || last.reason == QLatin1String("None") ? QString() : QStringLiteral(" (%1)").arg(last.reason),
                           last.nodes.isEmpty() ? QString() : Tr::tr(" on %1").arg(last.nodes));
    if (last.state == QLatin1String("TIMEOUT"))
        why += Tr::tr(": it reached the profile's time limit of %1 min").arg(settings.timeLimitMinutes);
    else if (last.state == QLatin1String("OUT_OF_MEMORY"))
        why += Tr::tr(": it needed more than its memory (raise the profile's memory per job)");
    return why;
}

bool neverStarted(const JobState &state)
{
    return state.state == QLatin1String("COMPLETED") || state.state == QLatin1String("FAILED");
}

QString whyNeverStarted(const QString &nodeFolder, const QString &tail)
{
    return tail.isEmpty()
        ? Tr::tr(": it wrote nothing in the shared folder — the nodes cannot write %1 (or do not mount it)").arg(nodeFolder)
        : Tr::tr(": the worker did not start (%1; is stratus-cli installed on the nodes at the profile's worker command?)").arg(tail);
}

QString startedMarker(const QString &directory)
{
    return directory + QStringLiteral("/started");
}

QString failureFile(const QString &directory)
{
    return directory + QStringLiteral("/failed");
}

FollowOutcome follow(const FollowRequest &request, const std::atomic<bool> &cancel,
                     const std::function<void(const QString &)> &log, const std::function<void()> &running)
{
    FollowOutcome outcome;
    bool announced = false;
    const int attempts = 1 + qMax(0, request.settings.maxRetries);
    for (int attempt = 1; attempt <= attempts; ++attempt) {
        QFile::remove(request.resultFile);
        QFile::remove(startedMarker(request.directory));
        QFile::remove(failureFile(request.directory));
        if (cancel.load()) {
            outcome.kind = FollowOutcome::Canceled;
            return outcome;
        }
        auto id = submit(request.settings, request.job);
        if (!id) {
            outcome.error = id.message();
            return outcome;
        }
        outcome.jobIds << *id;
        note(log, Tr::tr("%1: Slurm job %2 submitted to partition %3%4")
                      .arg(request.what, *id, request.settings.partition,
                           attempt > 1 ? Tr::tr(" (attempt %1 of %2)").arg(attempt).arg(attempts) : QString()));
        JobState last;
        bool ranNoted = false;
        int unreachablePolls = 0;
        for (int poll = 0;; ++poll) {
            if (cancel.load()) {
                if (Status s = slurm::cancel({*id}); !s)
                    note(log, Tr::tr("%1: scancel %2 failed: %3").arg(request.what, *id, s.message()));
                // Wait (briefly) until Slurm has let go of it, so that squeue no longer lists it.
                for (int i = 0; i < 50; ++i) {
                    auto s = jobState(*id);
                    if (!s || !s->active())
                        break;
                    QThread::msleep(kPollMs);
                }
                note(log, Tr::tr("%1: Slurm job %2 canceled").arg(request.what, *id));
                outcome.kind = FollowOutcome::Canceled;
                return outcome;
            }
            if (QFileInfo::exists(request.resultFile)) {
                if (!announced && running) { // it ran between two looks at its state
                    announced = true;
                    running();
                }
                outcome.kind = FollowOutcome::Done;
                outcome.nodes = last.nodes;
                if (last.startEpoch > 0 && last.submitEpoch > 0)
                    outcome.queueSeconds = double(last.startEpoch - last.submitEpoch);
                return outcome;
            }
            if (poll % kStatePolls == 0) {
                auto state = jobState(*id);
                if (state) {
                    unreachablePolls = 0;
                    last = *state;
                    if (!ranNoted && (last.state == QLatin1String("RUNNING") || last.state == QLatin1String("COMPLETING")
                                      || !last.active())) {
                        ranNoted = true;
                        if (!last.nodes.isEmpty())
                            note(log, Tr::tr("%1: Slurm job %2 running on %3").arg(request.what, *id, last.nodes));
                        if (!announced && running) {
                            announced = true;
                            running();
                        }
                    }
                    if (!last.active()) {
                        if (waitFor(request.resultFile, kSettleMs))
                            continue; // the next pass collects it
                        if (QFile failed(failureFile(request.directory)); failed.open(QIODevice::ReadOnly)) {
                            outcome.error = QString::fromUtf8(failed.readAll()).trimmed();
                            outcome.nodes = last.nodes;
                            return outcome;
                        }
                        const bool started = QFileInfo::exists(startedMarker(request.directory));
                        const QString tail = outputTail(request.directory, *id);
                        QString why = endedWithoutResult(*id, last, request.settings);
                        bool retry = worthRetrying(last.state);
                        if (!started && neverStarted(last)) {
                            retry = false; // it would not start the next time either
                            why += whyNeverStarted(request.job.directory, tail);
                        } else if (!tail.isEmpty()) {
                            why += QStringLiteral(": ") + tail;
                        }
                        outcome.error = why;
                        outcome.nodes = last.nodes;
                        if (!retry || attempt == attempts) {
                            if (retry && attempts > 1)
                                outcome.error += Tr::tr(" (after %1 attempts)").arg(attempts);
                            return outcome;
                        }
                        note(log, Tr::tr("%1: %2; submitting it again").arg(request.what, why));
                        break;
                    }
                } else if (++unreachablePolls * kStatePolls * kPollMs >= kUnreachableMs) {
                    slurm::cancel({*id}); // best effort: it cannot be followed
                    outcome.error = Tr::tr("%1 (for %2 s while following job %3)").arg(state.message()).arg(kUnreachableMs / 1000).arg(*id);
                    return outcome;
                } else if (unreachablePolls == 1) {
                    note(log, Tr::tr("%1: %2").arg(request.what, state.message()));
                }
            }
            QThread::msleep(kPollMs);
        }
    }
    return outcome;
}

} // namespace stratus::slurm
