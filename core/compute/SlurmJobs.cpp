#include "compute/SlurmJobs.h"

#include "compute/SlurmCommand.h"

#include <QCoreApplication>
#include <QDateTime>

namespace stratus::slurm {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(stratus::slurm)
};

// A word for sbatch --wrap's shell: single-quoted.
QString shellWord(const QString &word)
{
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}
} // namespace

bool JobState::active() const
{
    static const QStringList activeStates = {QStringLiteral("PENDING"),    QStringLiteral("RUNNING"),
                                             QStringLiteral("CONFIGURING"), QStringLiteral("COMPLETING"),
                                             QStringLiteral("REQUEUED"),   QStringLiteral("REQUEUE_HOLD"),
                                             QStringLiteral("REQUEUE_FED"), QStringLiteral("RESIZING"),
                                             QStringLiteral("SUSPENDED"),  QStringLiteral("STAGE_OUT"),
                                             QStringLiteral("SIGNALING")};
    return activeStates.contains(state);
}

qint64 epochOf(const QString &slurmTime)
{
    const QDateTime t = QDateTime::fromString(slurmTime.trimmed(), Qt::ISODate);
    return t.isValid() ? t.toSecsSinceEpoch() : 0;
}

Result<QString> submit(const SlurmSettings &settings, const JobRequest &request)
{
    QStringList args = {QStringLiteral("--parsable"),
                        QStringLiteral("--job-name=%1").arg(request.name),
                        QStringLiteral("--partition=%1").arg(settings.partition),
                        QStringLiteral("--nodes=1"),
                        // A job Slurm would requeue under the same id (a node failure, a preemption)
                        // ends instead: Stratus puts its work back in the queue itself, once.
                        QStringLiteral("--no-requeue"),
                        QStringLiteral("--ntasks=1"),
                        QStringLiteral("--cpus-per-task=%1").arg(qMax(1, request.cpus)),
                        QStringLiteral("--time=%1").arg(settings.timeLimitMinutes),
                        QStringLiteral("--chdir=%1").arg(request.directory),
                        QStringLiteral("--output=%1/slurm-%j.out").arg(request.directory)};
    if (request.memoryMb > 0)
        args << QStringLiteral("--mem=%1M").arg(request.memoryMb);
    if (!settings.account.isEmpty())
        args << QStringLiteral("--account=%1").arg(settings.account);
    if (!settings.qos.isEmpty())
        args << QStringLiteral("--qos=%1").arg(settings.qos);
    QStringList words;
    for (const QString &w : request.command)
        words << shellWord(w);
    args << QStringLiteral("--wrap=exec %1").arg(words.join(QLatin1Char(' ')));
    auto out = run(QStringLiteral("sbatch"), args);
    if (!out) {
        if (isUnreachable(out.message()))
            return out.error();
        return Error{Tr::tr("Slurm refused the job %1 (partition %2, %3 CPUs, %4, %5 min): %6")
                         .arg(request.name, settings.partition)
                         .arg(request.cpus)
                         .arg(request.memoryMb > 0 ? Tr::tr("%1 MB").arg(request.memoryMb) : Tr::tr("default memory"))
                         .arg(settings.timeLimitMinutes)
                         .arg(out.message())};
    }
    // --parsable: "jobid" or "jobid;cluster"
    const QString id = QString::fromLatin1(out->standardOutput).trimmed().section(QLatin1Char(';'), 0, 0);
    if (id.isEmpty() || !id.at(0).isDigit())
        return Error{Tr::tr("sbatch answered no job id: %1").arg(QString::fromLocal8Bit(out->standardOutput).trimmed())};
    return id;
}

const char *const kJobStateFormat = "%T|%r|%N|%V|%S";

JobState parseJobState(const QStringList &f)
{
    JobState s;
    s.state = f.value(0);
    s.reason = f.value(1);
    s.nodes = f.value(2);
    s.submitEpoch = epochOf(f.value(3));
    s.startEpoch = epochOf(f.value(4));
    return s;
}

Result<JobState> jobState(const QString &jobId)
{
    JobState s;
    auto out = run(QStringLiteral("squeue"), {QStringLiteral("-h"), QStringLiteral("-t"), QStringLiteral("all"),
                                              QStringLiteral("-j"), jobId, QStringLiteral("-o"), QString::fromLatin1(kJobStateFormat)});
    // squeue answers "Invalid job id specified" for a job it no longer knows; any other failure
    // (a timeout, the controller) says nothing about the job: the caller asks again later.
    if (!out && !out.message().contains(QLatin1String("Invalid job id")))
        return out.error();
    const QString line = out ? QString::fromLocal8Bit(out->standardOutput).section(QLatin1Char('\n'), 0, 0).trimmed() : QString();
    if (!line.isEmpty())
        return parseJobState(line.split(QLatin1Char('|')));
    // squeue forgets a job MinJobAge after it ends: ask accounting, where the cluster keeps it.
    auto acct = run(QStringLiteral("sacct"), {QStringLiteral("-n"), QStringLiteral("-P"), QStringLiteral("-X"), QStringLiteral("-j"),
                                              jobId, QStringLiteral("-o"), QStringLiteral("State,Reason,NodeList,Submit,Start")});
    if (!acct && isUnreachable(acct.message()))
        return acct.error();
    if (acct) {
        s = parseJobState(QString::fromLocal8Bit(acct->standardOutput).section(QLatin1Char('\n'), 0, 0).trimmed().split(QLatin1Char('|')));
        s.state = s.state.section(QLatin1Char(' '), 0, 0); // "CANCELLED by 0"
    }
    return s; // unknown to both: ended, and forgotten (no accounting)
}

Status cancel(const QStringList &jobIds)
{
    if (jobIds.isEmpty())
        return {};
    auto out = run(QStringLiteral("scancel"), jobIds);
    if (!out && !out.message().contains(QLatin1String("already completing or completed"))
        && !out.message().contains(QLatin1String("Invalid job id")))
        return out.error();
    return {};
}

bool worthRetrying(const QString &state)
{
    return state != QLatin1String("TIMEOUT") && state != QLatin1String("OUT_OF_MEMORY") && state != QLatin1String("DEADLINE");
}

} // namespace stratus::slurm
