#pragma once
// SlurmCommand: runs one of Slurm's user commands (sbatch, squeue, sinfo,
// scancel, scontrol, sacct) and hands back its standard output, or an error
// a user can act on. Only these command-line programs are used: they are
// the interface Slurm keeps stable across versions (their `--parsable`,
// `-h -o FORMAT` outputs), and they read the same SLURM_CONF as the user's
// own shell.
//
// Errors name the program and say which of the usual causes it was:
// - the program is not on the PATH (Slurm's client commands are not installed here);
// - the controller cannot be reached (slurmctld down, a wrong SLURM_CONF, munge not running);
// - the program ran and refused (its own message, e.g. an unknown partition or a job rejected for its limits).
// Thread-safe: each call starts its own process (QProcess, no event loop needed).

#include "common/Result.h"

#include <QByteArray>
#include <QStringList>

namespace stratus::slurm {

struct CommandOutput {
    QByteArray standardOutput;
    QByteArray standardError;
};

// Runs `program args` and waits at most `timeoutMs`.
// ensures: on success the program exited with status 0.
Result<CommandOutput> run(const QString &program, const QStringList &args, int timeoutMs = 30000);

// The program is on the PATH (the error run() would give otherwise).
Status available(const QString &program);

// True when the message is run()'s "cannot reach the controller" error.
bool isUnreachable(const QString &message);

// The Slurm configuration the commands read: $SLURM_CONF, or "the default
// (/etc/slurm/slurm.conf)" — for messages.
QString configurationInUse();

} // namespace stratus::slurm
