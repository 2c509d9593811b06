#include "CliOutput.h"
#include "Commands.h"
#include "export/SlurmScoring.h"
#include "ml/automl/SlurmTrial.h"

#include <QCoreApplication>

namespace stratus::cli {

// `worker trial DIR` / `worker score DIR`: the work a Slurm job was given in
// DIR (in the profile's shared folder); its result is left there for the
// coordinating process. Internal to Slurm profiles, but stable: jobs
// submitted by one build run the same command of the build on the nodes.
int workerCommand(const CliArgs &args)
{
    const QStringList &pos = args.positionals();
    if (!onlyOptions(args, {}) || pos.size() != 3
        || (pos[1] != QLatin1String("trial") && pos[1] != QLatin1String("score")))
        return fail(QCoreApplication::translate("stratus::cli", "usage: worker trial|score DIR (run by Slurm jobs)"), Usage);
    const Status done = pos[1] == QLatin1String("trial") ? ml::runTrialWorker(pos[2]) : runScoringWorker(pos[2]);
    if (!done)
        return fail(done.message());
    return Ok;
}

} // namespace stratus::cli
