#include "Cli.h"

#include "CliOutput.h"
#include "Commands.h"
#include "registry/WorkspaceSetup.h"
#include "workspace/Workspace.h"
#include "workspace/WorkspaceLocator.h"

#include <QCoreApplication>
#include <QDir>

namespace stratus::cli {

namespace {

const OptionSpec kSpec = {
    {QStringLiteral("workspace"), QStringLiteral("name"), QStringLiteral("description"), QStringLiteral("tags"),
     QStringLiteral("delimiter"), QStringLiteral("type"), QStringLiteral("ignore"), QStringLiteral("rows"),
     QStringLiteral("max-concurrent"), QStringLiteral("threads-per-trial"), QStringLiteral("memory-mb"),
     QStringLiteral("priority"), QStringLiteral("dataset"), QStringLiteral("train"), QStringLiteral("label"),
     QStringLiteral("task"), QStringLiteral("metric"), QStringLiteral("budget-seconds"),
     QStringLiteral("timeout-minutes"), QStringLiteral("max-trials"), QStringLiteral("cv"), QStringLiteral("seed"),
     QStringLiteral("experiment"), QStringLiteral("compute"), QStringLiteral("allowed"), QStringLiteral("blocked"),
     QStringLiteral("featurization"), QStringLiteral("run"), QStringLiteral("model"), QStringLiteral("input"),
     QStringLiteral("output"), QStringLiteral("validation-size"), QStringLiteral("trial-timeout-seconds"),
     QStringLiteral("exit-score"), QStringLiteral("debug-log"), QStringLiteral("port"), QStringLiteral("host"),
     QStringLiteral("key"), QStringLiteral("auth"), QStringLiteral("threads"), QStringLiteral("key-file"),
     QStringLiteral("regenerate"), QStringLiteral("package"), QStringLiteral("format"), QStringLiteral("time-column"),
     QStringLiteral("horizon"), QStringLiteral("series-id"), QStringLiteral("frequency"), QStringLiteral("target-lags"),
     QStringLiteral("rolling-window"), QStringLiteral("seasonality"), QStringLiteral("short-series"), QStringLiteral("aggregate"),
     QStringLiteral("cv-step"), QStringLiteral("features-unknown"), QStringLiteral("feature-lags"), QStringLiteral("quantiles"), QStringLiteral("step"),
     QStringLiteral("param"), QStringLiteral("endpoint"), QStringLiteral("every"), QStringLiteral("at"), QStringLiteral("missed"),
     QStringLiteral("on-dataset"), QStringLiteral("on-folder"), QStringLiteral("pattern"), QStringLiteral("param-name"),
     QStringLiteral("kind"), QStringLiteral("partition"), QStringLiteral("cpus-per-job"), QStringLiteral("time-limit"),
     QStringLiteral("account"), QStringLiteral("qos"), QStringLiteral("shared-folder"), QStringLiteral("node-shared-folder"),
     QStringLiteral("worker-command"), QStringLiteral("retries"), QStringLiteral("chunks")},
    {QStringLiteral("json"), QStringLiteral("help"), QStringLiteral("version"), QStringLiteral("header"),
     QStringLiteral("no-header"), QStringLiteral("decimal-comma"), QStringLiteral("no-decimal-comma"),
     QStringLiteral("no-ensembles"), QStringLiteral("proba"), QStringLiteral("no-early-stopping"),
     QStringLiteral("onnx-compatible"), QStringLiteral("rolling"), QStringLiteral("wait"), QStringLiteral("from-failed"),
     QStringLiteral("no-check")}};

const char *kUsage = R"(Usage: stratus-cli [--workspace PATH] GROUP COMMAND [ARGS] [--json]

Datasets
  dataset import FILE --name NAME [--description TEXT] [--tags k=v,..]
                 [--delimiter comma|tab|semicolon|pipe|CHAR] [--header|--no-header]
                 [--decimal-comma|--no-decimal-comma] [--type col=TYPE,..] [--ignore col,..]
  dataset list
  dataset show NAME[:VERSION]
  dataset sample --rows N [--name NAME]
Compute profiles
  compute create NAME [--max-concurrent N] [--threads-per-trial T] [--memory-mb M]
                 [--priority normal|low] [--description TEXT]
  compute create NAME --kind slurm --partition P --shared-folder DIR [--max-concurrent JOBS]
                 [--cpus-per-job C] [--memory-mb M] [--time-limit MINUTES] [--account A] [--qos Q]
                 [--node-shared-folder DIR] [--worker-command PATH] [--retries N] [--no-check]
                 (a Slurm partition: trials and batch scoring run as its jobs)
  compute update NAME [same options as create]
  compute list
  compute show NAME             (a Slurm profile: its nodes from sinfo, this workspace's jobs from squeue)
  compute check NAME            (a Slurm profile: a job writes in the shared folder from a node)
  compute delete NAME
Experiments
  experiment create NAME
  experiment list
Automated ML
  automl (--dataset NAME[:V] | --train FILE) --label COL [--task classification|regression]
         [--metric NAME] [--budget-seconds S | --timeout-minutes M] [--max-trials N]
         [--max-concurrent N] [--cv K] [--seed N] [--experiment NAME] [--compute NAME]
         [--allowed a,b] [--blocked a,b] [--no-ensembles] [--featurization auto|off]
         [--validation-size F] [--trial-timeout-seconds S] [--exit-score X]
         [--no-early-stopping] [--onnx-compatible] [--debug-log FILE]
         [--type col=TYPE,..] [--ignore col,..] (and --delimiter, --header, --decimal-comma: --train)
         (neither a budget nor --max-trials: a 60-second budget; validation by
         default: 10-fold CV under 1,000 rows, 3-fold to 20,000, a 10% holdout above)
  automl --task forecasting (--dataset NAME[:V] | --train FILE) --label COL --time-column COL
         [--horizon N|auto] [--series-id a,b] [--frequency F] [--seasonality N|auto]
         [--target-lags auto|none|N,..] [--rolling-window N] [--short-series auto|pad|drop|none]
         [--aggregate none|sum|mean|min|max] [--cv K] [--cv-step N] [--features-unknown a,b]
         [--feature-lags auto|none] [--metric NAME] [--budget-seconds S | --timeout-minutes M] [--max-trials N]
         [--experiment NAME] [--compute NAME] [--allowed a,b] [--blocked a,b] [--no-ensembles]
         (Azure's ForecastingParameters; F is a pandas alias: D, B, W-SUN, MS, M, Q-DEC, h, 15min, ..;
         rolling-origin validation, 3 folds a horizon apart by default)
Runs and predictions
  runs list [--experiment NAME]
  runs show RUN_ID
  runs explain RUN_ID          (permutation importance of a child run's model)
  runs ensemble RUN_ID         (a canceled or interrupted run's ensembles, from its completed trials)
  predict (--run RUN_ID | --model NAME[:V] | --package FILE) --input FILE --output FILE [--proba]
  forecast (--model NAME[:V] | --run RUN_ID | --package FILE) --input FILE --output FILE [--quantiles 0.1,0.5,0.9]
           [--rolling [--step N]]
               (a forecasting model's forecast for each input row without a target;
               rows with the target filled extend the stored history; --rolling backtests
               a labelled file: each period forecast from the points before its origin)
  score --model NAME[:V] --dataset NAME[:V] [--output CSV] [--compute PROFILE [--chunks N]]
               (every row with its prediction and probabilities: to CSV, or else
               registered as a new version of the dataset NAME-scored)
Models
  model register --run RUN_ID --name NAME [--description TEXT] [--tags k=v,..]
  model list
  model show NAME[:VERSION]
  model delete NAME:VERSION
  model export NAME[:V] --format package|onnx --output FILE
  model import FILE [--name NAME]
Endpoints
  serve (--model NAME[:V] | --package FILE) [--port P] [--host ADDR] [--key KEY | --key-file FILE | --auth none]
        [--threads N] [--endpoint NAME]
  serve --endpoint NAME   (the endpoint as its record has it: model, address, primary key)
        (serves POST /score and /invocations, GET /swagger.json, /health, /metrics on
        127.0.0.1 by default; prints the scoring URI and, when it made one, the key;
        a key file holds one key a line and is reread when it changes; with --endpoint it
        follows that endpoint's record and switches to a new model version without dropping
        a request; each answer names its version in X-Model-Version)
  endpoint create NAME --model NAME[:V] [--port P] [--host ADDR] [--auth none]
                  [--threads N] [--memory-mb M] [--description TEXT] [--tags k=v,..]
  endpoint list
  endpoint show NAME
  endpoint keys NAME [--regenerate primary|secondary]
  endpoint delete NAME
        (the studio's Endpoints screen starts, stops and supervises them)
Pipelines
  pipeline create FILE [--description TEXT]   (a YAML pipeline file; under an existing name, a new version)
  pipeline validate FILE                      (cycles, unbound inputs, mistyped or unknown settings)
  pipeline list | show NAME[:V] | export NAME[:V] [--output FILE] | delete NAME
  pipeline run NAME[:V] [--param k=v ..] [--experiment NAME] [--wait]
  pipeline runs NAME | status RUN_ID | logs RUN_ID [STEP] | cancel RUN_ID
  pipeline rerun RUN_ID --from-failed [--wait]
  pipeline schedule NAME --every N(m|h|d|w) [--at HH:MM,..] [--missed run_once|skip] [--param k=v ..]
  pipeline schedule NAME --on-dataset DATASET | --on-folder PATH [--pattern GLOB] [--param-name P]
  pipeline publish NAME [--port P] [--host ADDR] [--auth none]   (a REST trigger: POST /run, GET /runs/ID)
  pipeline triggers [NAME] | unschedule TRIGGER_ID
  pipeline scheduler      (fires the triggers and serves the published ones until stopped;
                           the studio does it too while it is open)
        (without --wait a run goes on in a process of its own; steps whose definition
        and inputs are unchanged reuse their earlier outputs unless allow_reuse: false)
The lesson, headless
  demo [--budget-seconds S]   AutoML on the sample dataset, register the recommended model,
                              deploy it, send the lesson's request with the key, tear down

TYPE is one of integer, decimal, boolean, categorical, text, datetime.
--json prints listings and 'dataset show' as JSON.
The workspace is --workspace, else the one named by a stratus.json in this
folder or a parent, else $STRATUS_WORKSPACE, else the default workspace.
)";

} // namespace

int fail(const QString &message, int code)
{
    err() << "stratus-cli: " << message << '\n';
    err().flush();
    return code;
}

bool onlyOptions(const CliArgs &args, const QStringList &allowed)
{
    static const QStringList global = {QStringLiteral("workspace"), QStringLiteral("json"), QStringLiteral("help")};
    for (const QString &option : args.given()) {
        if (!allowed.contains(option) && !global.contains(option)) {
            fail(QCoreApplication::translate("stratus::cli", "this command does not take --%1").arg(option), Usage);
            return false;
        }
    }
    return true;
}

int run(const QStringList &arguments)
{
    CliArgs args;
    if (const QString problem = args.parse(arguments, kSpec); !problem.isEmpty())
        return fail(problem + QStringLiteral("\n") + QString::fromLatin1(kUsage), Usage);
    if (args.flag(QStringLiteral("version"))) {
        out() << "stratus-cli " << QCoreApplication::applicationVersion() << '\n';
        return Ok;
    }
    const bool automl = args.positionals().value(0) == QLatin1String("automl");
    const bool predict = args.positionals().value(0) == QLatin1String("predict");
    const bool serve = args.positionals().value(0) == QLatin1String("serve");
    const bool demo = args.positionals().value(0) == QLatin1String("demo");
    const bool score = args.positionals().value(0) == QLatin1String("score");
    const bool forecast = args.positionals().value(0) == QLatin1String("forecast");
    if (args.flag(QStringLiteral("help"))
        || (args.positionals().size() < 2 && !automl && !predict && !serve && !demo && !score && !forecast)) {
        (args.flag(QStringLiteral("help")) ? out() : err()) << kUsage;
        return args.flag(QStringLiteral("help")) ? Ok : Usage;
    }
    // A Slurm job's worker never opens a workspace: it reads and writes its folder.
    if (args.positionals().value(0) == QLatin1String("worker"))
        return workerCommand(args);
    // A package runs without a workspace.
    if (args.has(QStringLiteral("package")) && predict)
        return predictPackageCommand(args);
    if (args.has(QStringLiteral("package")) && serve)
        return serveCommand(nullptr, args);
    if (args.has(QStringLiteral("package")) && forecast)
        return forecastCommand(nullptr, args);
    const QString group = args.positionals().at(0);
    const QString command = args.positionals().value(1);
    using Handler = int (*)(Workspace &, const QString &, const CliArgs &);
    Handler handler = nullptr;
    if (group == QLatin1String("dataset"))
        handler = datasetCommand;
    else if (group == QLatin1String("compute"))
        handler = computeCommand;
    else if (group == QLatin1String("experiment"))
        handler = experimentCommand;
    else if (group == QLatin1String("model"))
        handler = modelCommand;
    else if (group == QLatin1String("endpoint"))
        handler = endpointCommand;
    else if (group == QLatin1String("runs"))
        handler = runsCommand;
    else if (group == QLatin1String("pipeline"))
        handler = pipelineCommand;
    else if (automl)
        handler = [](Workspace &ws, const QString &, const CliArgs &a) { return automlCommand(ws, a); };
    else if (predict)
        handler = [](Workspace &ws, const QString &, const CliArgs &a) { return predictCommand(ws, a); };
    else if (serve)
        handler = [](Workspace &ws, const QString &, const CliArgs &a) { return serveCommand(&ws, a); };
    else if (score)
        handler = [](Workspace &ws, const QString &, const CliArgs &a) { return scoreCommand(ws, a); };
    else if (forecast)
        handler = [](Workspace &ws, const QString &, const CliArgs &a) { return forecastCommand(&ws, a); };
    else if (demo)
        handler = [](Workspace &ws, const QString &, const CliArgs &a) { return demoCommand(ws, a); };
    else
        return fail(QCoreApplication::translate("stratus::cli", "unknown command group '%1'\n%2")
                        .arg(group, QString::fromLatin1(kUsage)),
                    Usage);

    auto path = locateWorkspace(args.value(QStringLiteral("workspace")), QDir::currentPath(), true);
    if (!path)
        return fail(path.message());
    auto ws = openWorkspace(*path);
    if (!ws)
        return fail(ws.message());
    return handler(**ws, command, args);
}

} // namespace stratus::cli
