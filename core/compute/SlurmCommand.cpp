#include "compute/SlurmCommand.h"

#include <QCoreApplication>
#include <QProcess>
#include <QStandardPaths>

namespace stratus::slurm {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(stratus::slurm)
};

// What Slurm's commands print when slurmctld does not answer (22.05 and later).
const char *const kUnreachable[] = {"Unable to contact slurm controller", "Socket timed out", "Connection refused",
                                    "Zero Bytes were transmitted or received", "Munge encode failed",
                                    "Invalid authentication credential"};

const QString kUnreachablePrefix = QStringLiteral("Cannot reach the Slurm controller");

} // namespace

QString configurationInUse()
{
    const QString conf = qEnvironmentVariable("SLURM_CONF");
    return conf.isEmpty() ? Tr::tr("the default configuration (/etc/slurm/slurm.conf)") : QStringLiteral("SLURM_CONF=%1").arg(conf);
}

bool isUnreachable(const QString &message)
{
    return message.startsWith(kUnreachablePrefix);
}

Status available(const QString &program)
{
    if (QStandardPaths::findExecutable(program).isEmpty())
        return Error{Tr::tr("%1 is not on the PATH: this machine has no Slurm client commands (on Debian: "
                            "apt install slurm-client), or the PATH does not reach them.")
                         .arg(program)};
    return {};
}

Result<CommandOutput> run(const QString &program, const QStringList &args, int timeoutMs)
{
    if (Status s = available(program); !s)
        return s.error();
    const QString path = QStandardPaths::findExecutable(program);
    QProcess process;
    process.setProgram(path);
    process.setArguments(args);
    process.start();
    if (!process.waitForStarted(10000))
        return Error{Tr::tr("%1 could not start: %2").arg(program, process.errorString())};
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(2000);
        return Error{kUnreachablePrefix + Tr::tr(": %1 did not answer within %2 s; the controller may be overloaded (%3).")
                         .arg(program)
                         .arg(timeoutMs / 1000)
                         .arg(configurationInUse())};
    }
    CommandOutput out{process.readAllStandardOutput(), process.readAllStandardError()};
    if (process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        return out;
    const QString said = QString::fromLocal8Bit(out.standardError).trimmed();
    if (said.contains(QLatin1String("Could not establish a configuration source")) || said.contains(QLatin1String("fetch_config")))
        return Error{kUnreachablePrefix
                     + Tr::tr(": this machine has no Slurm configuration (%1 names none, and no DNS SRV record names a "
                              "controller). Set SLURM_CONF to the cluster's slurm.conf, or copy it to /etc/slurm/.")
                           .arg(configurationInUse())};
    for (const char *sign : kUnreachable)
        if (said.contains(QLatin1String(sign), Qt::CaseInsensitive))
            return Error{kUnreachablePrefix
                         + Tr::tr(" (%1): is slurmctld running, and munged on this machine? %2 said: %3")
                               .arg(configurationInUse(), program, said.section(QLatin1Char('\n'), 0, 0))};
    // Slurm's commands print one "error:" line per layer; the last says what was refused.
    const QString last = said.section(QLatin1Char('\n'), -1).trimmed();
    return Error{Tr::tr("%1 failed: %2").arg(program, last.isEmpty() ? Tr::tr("exit code %1").arg(process.exitCode()) : last)};
}

} // namespace stratus::slurm
