#include "compute/SlurmCluster.h"

#include "compute/JobFollower.h"
#include "compute/SharedFolder.h"
#include "compute/SlurmCommand.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>
#include <QUuid>

namespace stratus::slurm {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(stratus::slurm)
};

QStringList outputLines(const CommandOutput &out)
{
    return QString::fromLocal8Bit(out.standardOutput).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

bool isDown(const QString &state)
{
    for (const char *s : {"down", "drain", "fail", "not_responding", "unknown", "future", "maint", "reboot"})
        if (state.contains(QLatin1String(s)))
            return true;
    return state.endsWith(QLatin1Char('*')); // not responding
}

Result<QList<NodeInfo>> partitionNodes(const QString &partition)
{
    auto out = run(QStringLiteral("sinfo"), {QStringLiteral("-h"), QStringLiteral("-N"), QStringLiteral("-p"), partition,
                                             QStringLiteral("-o"), QStringLiteral("%N|%T|%c|%m")});
    if (!out)
        return out.error();
    QList<NodeInfo> nodes;
    for (const QString &line : outputLines(*out)) {
        const QStringList f = line.split(QLatin1Char('|'));
        nodes << NodeInfo{f.value(0), f.value(1), f.value(2).toInt(), f.value(3).toInt()};
    }
    if (nodes.isEmpty()) {
        auto all = run(QStringLiteral("sinfo"), {QStringLiteral("-h"), QStringLiteral("-o"), QStringLiteral("%R")});
        QStringList names = all ? outputLines(*all) : QStringList();
        names.removeDuplicates();
        return Error{Tr::tr("Partition '%1' is not on this Slurm cluster (%2)%3.")
                         .arg(partition, configurationInUse(),
                              names.isEmpty() ? QString() : Tr::tr("; its partitions: %1").arg(names.join(QStringLiteral(", "))))};
    }
    return nodes;
}

// Minutes of a Slurm time ("days-hours:minutes:seconds", "hours:minutes:seconds",
// "minutes:seconds", "minutes"); 0 for "infinite", "UNLIMITED" or what it cannot read.
int slurmMinutes(const QString &text)
{
    QString rest = text;
    int days = 0;
    if (rest.contains(QLatin1Char('-'))) {
        days = rest.section(QLatin1Char('-'), 0, 0).toInt();
        rest = rest.section(QLatin1Char('-'), 1);
    }
    const QStringList parts = rest.split(QLatin1Char(':'));
    bool ok = true;
    QList<int> n;
    for (const QString &p : parts)
        n << p.toInt(&ok);
    if (!ok || n.isEmpty())
        return 0;
    int minutes = 0;
    if (text.contains(QLatin1Char('-')) || n.size() == 3) // [days-]hours:minutes:seconds, or days-hours[:minutes]
        minutes = n.value(0) * 60 + n.value(1) + (n.value(2) > 0 ? 1 : 0);
    else if (n.size() == 2) // minutes:seconds
        minutes = n[0] + (n[1] > 0 ? 1 : 0);
    else
        minutes = n[0];
    return days * 1440 + minutes;
}

} // namespace

qint64 QueuedJob::queueSeconds(qint64 now) const
{
    if (submitEpoch <= 0)
        return 0;
    return qMax<qint64>(0, (startEpoch > 0 ? startEpoch : now) - submitEpoch);
}

Result<ClusterState> clusterState(const QString &partition, const QString &jobPrefix)
{
    ClusterState state;
    auto nodes = partitionNodes(partition);
    if (!nodes)
        return nodes.error();
    state.nodes = *nodes;
    for (const NodeInfo &n : state.nodes) {
        if (isDown(n.state))
            ++state.down;
        else if (n.state.startsWith(QLatin1String("idle")))
            ++state.idle;
        else if (n.state.startsWith(QLatin1String("mix")))
            ++state.mixed;
        else
            ++state.allocated;
    }
    auto out = run(QStringLiteral("squeue"), {QStringLiteral("-h"), QStringLiteral("-p"), partition, QStringLiteral("-o"),
                                              QStringLiteral("%i|%j|%T|%r|%N|%V|%S")});
    if (!out)
        return out.error();
    for (const QString &line : outputLines(*out)) {
        const QStringList f = line.split(QLatin1Char('|'));
        if (!f.value(1).startsWith(jobPrefix))
            continue;
        QueuedJob job{f.value(0), f.value(1), f.value(2), f.value(3), f.value(4), epochOf(f.value(5)), 0};
        if (job.state != QLatin1String("PENDING"))
            job.startEpoch = epochOf(f.value(6));
        state.jobs << job;
    }
    return state;
}

Status check(const ComputeProfile &profile)
{
    if (!profile.isSlurm())
        return {};
    const SlurmSettings &s = profile.slurm;
    auto nodes = partitionNodes(s.partition); // sinfo: the commands, the controller, the partition
    if (!nodes)
        return nodes.error();
    int cpus = 0, memory = 0;
    for (const NodeInfo &n : *nodes) {
        cpus = qMax(cpus, n.cpus);
        memory = qMax(memory, n.memoryMb);
    }
    if (profile.threadsPerTrial > cpus)
        return Error{Tr::tr("CPUs per job: %1 asked, but the largest node of partition '%2' has %3.")
                         .arg(profile.threadsPerTrial)
                         .arg(s.partition)
                         .arg(cpus)};
    if (profile.memoryMb > 0 && memory > 0 && profile.memoryMb > memory)
        return Error{Tr::tr("Memory per job: %1 MB asked, but the largest node of partition '%2' has %3 MB.")
                         .arg(profile.memoryMb)
                         .arg(s.partition)
                         .arg(memory)};
    // The partition's longest job (sinfo's %l: "1-00:00:00", "2:00:00", "30:00", "infinite").
    if (auto limit = run(QStringLiteral("sinfo"), {QStringLiteral("-h"), QStringLiteral("-p"), s.partition, QStringLiteral("-o"), QStringLiteral("%l")})) {
        const QString text = QString::fromLocal8Bit(limit->standardOutput).section(QLatin1Char('\n'), 0, 0).trimmed();
        const int minutes = slurmMinutes(text);
        if (minutes > 0 && s.timeLimitMinutes > minutes)
            return Error{Tr::tr("Time limit per job: %1 min asked, but partition '%2' allows at most %3 (%4 min).")
                             .arg(s.timeLimitMinutes)
                             .arg(s.partition, text)
                             .arg(minutes)};
    }
    for (const char *program : {"sbatch", "squeue", "scancel"})
        if (Status found = available(QString::fromLatin1(program)); !found)
            return found;
    return SharedFolder::makeWritable(s.sharedFolder);
}

Result<QString> probe(const ComputeProfile &profile, const QString &workspacePath, int timeoutSeconds)
{
    if (Status s = check(profile); !s)
        return s.error();
    const SharedFolder folder(profile.slurm, workspacePath);
    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
    const QString dir = folder.root() + QStringLiteral("/probe-") + token;
    if (Status s = SharedFolder::makeWritable(dir); !s)
        return s.error();
    const QString nodeDir = folder.onNodes(dir);
    FollowRequest request;
    request.settings = profile.slurm;
    request.settings.maxRetries = 0;
    request.directory = dir;
    request.resultFile = dir + QStringLiteral("/answer");
    request.what = Tr::tr("probe");
    request.job.name = folder.jobPrefix() + QStringLiteral("probe");
    request.job.directory = nodeDir;
    request.job.cpus = 1;
    // The node writes its name into the folder, then renames it into place.
    request.job.command = {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                           QStringLiteral("touch started && hostname > answer.tmp && mv answer.tmp answer")};
    std::atomic<bool> stop{false};
    QElapsedTimer timer;
    timer.start();
    FollowOutcome outcome;
    {
        // Follow on this thread, with a watchdog for the timeout.
        std::atomic<bool> done{false};
        QThread *watchdog = QThread::create([&] {
            while (!done.load() && timer.elapsed() < qint64(timeoutSeconds) * 1000)
                QThread::msleep(100);
            if (!done.load())
                stop = true;
        });
        watchdog->start();
        outcome = follow(request, stop);
        done = true;
        watchdog->wait();
        delete watchdog;
    }
    QString node;
    if (QFile f(request.resultFile); f.open(QIODevice::ReadOnly))
        node = QString::fromLocal8Bit(f.readAll()).trimmed();
    QDir(dir).removeRecursively();
    if (outcome.kind == FollowOutcome::Canceled)
        return Error{Tr::tr("The probe job did not run within %1 s (partition '%2'): the queue may be full; squeue says why.")
                         .arg(timeoutSeconds)
                         .arg(profile.slurm.partition)};
    if (outcome.kind == FollowOutcome::Failed)
        return Error{outcome.error};
    return Tr::tr("Node %1 wrote in the shared folder %2 (job %3, %4 s in the queue, %5 s in all).")
        .arg(node, nodeDir, outcome.jobIds.value(0))
        .arg(outcome.queueSeconds, 0, 'f', 0)
        .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1);
}

} // namespace stratus::slurm
