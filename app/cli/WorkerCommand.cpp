#include "CliOutput.h"
#include "Commands.h"
#include "compute/WorkerPool.h"
#include "export/SlurmScoring.h"
#include "ml/automl/SlurmTrial.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace stratus::cli {

namespace {

// One task of a worker job, by its spec's "kind".
Status runTask(const QString &task, const std::atomic<bool> &cancel)
{
    QFile spec(task + QStringLiteral("/spec.json"));
    if (!spec.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("Cannot read %1: %2").arg(spec.fileName(), spec.errorString())};
    const QString kind = QJsonDocument::fromJson(spec.readAll()).object().value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("trial"))
        return ml::runTrialTask(task, cancel);
    if (kind == QLatin1String("refit"))
        return ml::runRefitTask(task, cancel);
    return Error{QStringLiteral("%1: unknown kind of task '%2' (a newer Stratus on this machine than on the nodes?)").arg(spec.fileName(), kind)};
}

} // namespace

// `worker serve DIR` / `worker score DIR`: what a Slurm job runs on its node
// (compute/WorkerPool.h, export/SlurmScoring.h): the work it finds in DIR,
// in the profile's shared folder, its results left there for the
// coordinating process. It never opens a workspace.
int workerCommand(const CliArgs &args)
{
    const QStringList &pos = args.positionals();
    if (!onlyOptions(args, {}) || pos.size() != 3
        || (pos[1] != QLatin1String("serve") && pos[1] != QLatin1String("score")))
        return fail(QCoreApplication::translate("stratus::cli", "usage: worker serve|score DIR (run by Slurm jobs)"), Usage);
    const Status done = pos[1] == QLatin1String("serve") ? slurm::serveTasks(pos[2], runTask) : runScoringWorker(pos[2]);
    if (!done)
        return fail(done.message());
    return Ok;
}

} // namespace stratus::cli
