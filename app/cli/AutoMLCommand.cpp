#include "CliOutput.h"
#include "Commands.h"
#include "CsvOptions.h"
#include "LeaderboardOutput.h"
#include "Signals.h"
#include "data/import/DatasetImport.h"
#include "ml/automl/AutoMLRun.h"
#include "ml/automl/LabelCheck.h"
#include "ml/automl/Recommendation.h"
#include "ml/validation/CrossValidation.h"
#include "ml/learners/Learners.h"
#include "registry/RunStore.h"
#include "workspace/Names.h"
#include "workspace/Workspace.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <cmath>
#include <optional>

namespace stratus::cli {

namespace {

const QStringList kOptions = {
    QStringLiteral("dataset"),        QStringLiteral("train"),          QStringLiteral("label"),
    QStringLiteral("task"),           QStringLiteral("metric"),         QStringLiteral("budget-seconds"),
    QStringLiteral("timeout-minutes"), QStringLiteral("max-trials"),    QStringLiteral("max-concurrent"),
    QStringLiteral("cv"),             QStringLiteral("seed"),           QStringLiteral("experiment"),
    QStringLiteral("compute"),        QStringLiteral("allowed"),        QStringLiteral("blocked"),
    QStringLiteral("no-ensembles"),   QStringLiteral("featurization"),  QStringLiteral("validation-size"),
    QStringLiteral("trial-timeout-seconds"), QStringLiteral("exit-score"), QStringLiteral("no-early-stopping"),
    QStringLiteral("debug-log"),      QStringLiteral("onnx-compatible"), QStringLiteral("delimiter"),
    QStringLiteral("header"),         QStringLiteral("no-header"),      QStringLiteral("decimal-comma"),
    QStringLiteral("no-decimal-comma"), QStringLiteral("type"),         QStringLiteral("ignore")};

const char *kUsage = "usage: automl (--dataset NAME[:V] | --train FILE [--type col=TYPE,..] [--ignore col,..]) --label COL [--task classification|regression|forecasting] "
                     "[--metric NAME] [--budget-seconds S | --timeout-minutes M] [--max-trials N] "
                     "[--max-concurrent N] [--cv K] [--seed N] [--experiment NAME] [--compute NAME] "
                     "[--allowed a,b] [--blocked a,b] [--no-ensembles] [--featurization auto|off] [--validation-size F] "
                     "[--trial-timeout-seconds S] [--exit-score X] [--no-early-stopping] [--onnx-compatible] [--debug-log FILE] [--json]";

} // namespace

int automlCommand(Workspace &ws, const CliArgs &args)
{
    if (args.value(QStringLiteral("task")) == QLatin1String("forecasting"))
        return forecastingAutomlCommand(ws, args);
    if (!onlyOptions(args, kOptions) || args.positionals().size() != 1 || !args.has(QStringLiteral("label"))
        || args.has(QStringLiteral("dataset")) == args.has(QStringLiteral("train")))
        return fail(QString::fromLatin1(kUsage), Usage);
    ml::AutoMLConfig config;
    const QString task = args.value(QStringLiteral("task"), QStringLiteral("classification"));
    if (task == QLatin1String("regression"))
        config.task = ml::Task::Regression;
    else if (task != QLatin1String("classification"))
        return fail(QStringLiteral("--task must be classification, regression or forecasting (got '%1')").arg(task), Usage);
    config.label = args.value(QStringLiteral("label"));
    config.primaryMetric = args.value(QStringLiteral("metric"));
    config.experiment = args.value(QStringLiteral("experiment"), QStringLiteral("automl"));
    config.computeProfile = args.value(QStringLiteral("compute"), QStringLiteral("local"));
    QString error;
    auto integer = [&](const char *name, int *out) {
        if (!args.has(QString::fromLatin1(name)))
            return true;
        const auto v = args.integer(QString::fromLatin1(name), &error);
        if (v)
            *out = *v;
        return v.has_value();
    };
    int budget = 0, minutes = 0, seed = 0;
    if (!integer("budget-seconds", &budget) || !integer("timeout-minutes", &minutes)
        || !integer("max-trials", &config.maxTrials) || !integer("max-concurrent", &config.maxConcurrentTrials)
        || !integer("cv", &config.crossValidations) || !integer("seed", &seed)
        || !integer("trial-timeout-seconds", &config.trialTimeoutSeconds))
        return fail(error, Usage);
    auto decimal = [&](const char *name) -> std::optional<double> {
        bool ok = false;
        const double v = args.value(QString::fromLatin1(name)).toDouble(&ok);
        if (!ok)
            error = QStringLiteral("--%1 must be a number (got '%2')").arg(QLatin1String(name), args.value(QString::fromLatin1(name)));
        return ok ? std::optional<double>(v) : std::nullopt;
    };
    if (args.has(QStringLiteral("validation-size"))) {
        const auto v = decimal("validation-size");
        if (!v)
            return fail(error, Usage);
        config.validationFraction = *v;
    }
    if (args.has(QStringLiteral("exit-score"))) {
        config.exitScore = decimal("exit-score");
        if (!config.exitScore)
            return fail(error, Usage);
    }
    config.earlyStopping = !args.flag(QStringLiteral("no-early-stopping"));
    config.debugLog = args.value(QStringLiteral("debug-log"));
    if (args.has(QStringLiteral("budget-seconds")) && args.has(QStringLiteral("timeout-minutes")))
        return fail(QStringLiteral("give --budget-seconds or --timeout-minutes, not both"), Usage);
    config.experimentTimeoutSeconds = budget > 0 ? budget : minutes * 60;
    if (config.experimentTimeoutSeconds == 0 && config.maxTrials == 0)
        config.experimentTimeoutSeconds = 60; // neither given: one minute
    config.seed = quint64(seed);
    config.allowedAlgorithms = args.value(QStringLiteral("allowed")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    config.blockedAlgorithms = args.value(QStringLiteral("blocked")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &name : config.allowedAlgorithms + config.blockedAlgorithms) {
        if (!ml::makeLearner(name.trimmed(), config.task))
            return fail(QStringLiteral("unknown algorithm '%1' (known: %2)")
                            .arg(name, ml::learnerNames(config.task).join(QStringLiteral(", "))),
                        Usage);
    }
    config.onnxCompatible = args.flag(QStringLiteral("onnx-compatible"));
    if (args.flag(QStringLiteral("no-ensembles")))
        config.votingEnsemble = config.stackEnsemble = false;
    const QString featurization = args.value(QStringLiteral("featurization"), QStringLiteral("auto"));
    if (featurization != QLatin1String("auto") && featurization != QLatin1String("off"))
        return fail(QStringLiteral("--featurization must be auto or off (got '%1')").arg(featurization), Usage);
    config.featurization = featurization == QLatin1String("off") ? ml::Featurizer::Mode::Off : ml::Featurizer::Mode::Auto;

    const bool asJson = args.flag(QStringLiteral("json"));
    QList<ColumnNote> importNotes;
    if (args.has(QStringLiteral("train"))) {
        // Read and check everything before the file is registered: a refused run stores nothing.
        const QString path = args.value(QStringLiteral("train"));
        CsvReadOptions csv;
        if (!csvReadOptions(args, csv, error))
            return fail(error, Usage);
        RegisterRequest request;
        request.name = names::datasetNameFromFile(path, QStringLiteral("training-data"));
        config.dataset = request.name;
        if (Status s = config.validate(); !s)
            return fail(s.message());
        auto read = readForImport(path, csv);
        if (!read)
            return fail(read.message());
        const int label = read->table.indexOf(config.label);
        if (label < 0 && read->ignored.contains(config.label))
            return fail(QStringLiteral("label: '%1' is the label; do not --ignore it").arg(config.label), Usage);
        if (label < 0)
            return fail(QStringLiteral("label: %1 has no column '%2' (its columns: %3)")
                            .arg(read->sourceName, config.label, read->allColumns.join(QStringLiteral(", "))));
        if (Status s = ml::checkLabel(read->table, label, config.task, csv.columns.value(config.label).type.has_value()); !s)
            return fail(QStringLiteral("label: %1: %2").arg(read->sourceName, s.message()));
        if (auto classes = ml::labelData(read->table, label, config.task); !classes) // fewer than two classes, ...
            return fail(QStringLiteral("label: %1: %2").arg(read->sourceName, classes.message()));
        auto imported = registerRead(ws, path, *read, csv, request);
        if (!imported)
            return fail(imported.message());
        config.dataset = imported->version.reference();
        importNotes = read->notes;
        if (!asJson) {
            out() << QStringLiteral("Registered dataset %1 (%2 rows).").arg(config.dataset).arg(imported->version.rows) << '\n';
            printNotes(importNotes);
        }
    } else {
        if (args.given().contains(QStringLiteral("type")) || args.given().contains(QStringLiteral("ignore")))
            return fail(QStringLiteral("--type and --ignore read a --train file; a registered dataset has its types"), Usage);
        config.dataset = args.value(QStringLiteral("dataset"));
    }

    ml::AutoMLRun run(ws, config);
    const QString metric = config.metric();
    QEventLoop loop;
    QString finalStatus;
    QObject::connect(&run, &ml::AutoMLRun::finished, &loop, [&](const QString &status) {
        finalStatus = status;
        loop.quit();
    });
    QObject::connect(&run, &ml::AutoMLRun::trialFinished, &loop, [&](const ml::TrialResult &r) {
        if (asJson)
            return;
        out() << trialLine(r, metric) << '\n';
        out().flush();
    });
    auto started = run.start();
    if (!started)
        return fail(started.message());
    if (!asJson)
        out() << QStringLiteral("AutoML run %1 started (experiment %2, dataset %3, primary metric %4).")
                     .arg(*started, config.experiment, config.dataset, metric)
              << '\n';
    // Ctrl-C (or SIGTERM) cancels the run as the studio's Cancel does: its trials stop, a Slurm
    // profile's jobs are scancelled, and the run ends Canceled with what it has.
    onSignals(&loop, [&run] {
        err() << "stratus-cli: canceling the run (its trials stop; Slurm jobs are scancelled)\n";
        err().flush();
        run.cancel();
    });
    loop.exec();

    const auto board = run.leaderboard();
    // The data guardrails the run recorded, as the studio shows them.
    QJsonArray guardrails;
    if (auto stored = RunStore(ws).artifact(*started, QStringLiteral("guardrails")))
        guardrails = QJsonDocument::fromJson(*stored).array();
    // Which model the run hands back and why, in the run page's words.
    ml::Recommendation recommended;
    QJsonObject scheduler; // a budgeted run's: candidates skipped, the share of the budget canceled trials used
    if (auto parent = RunStore(ws).get(*started)) {
        recommended = ml::recommendation(*parent, RunStore(ws).children(*started).value_or(QList<Run>()));
        scheduler = parent->config.value(QStringLiteral("scheduler")).toObject();
    }
    if (asJson) {
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("parent_run_id"), *started},
                                            {QStringLiteral("best_child_run_id"), run.bestRunId()},
                                            {QStringLiteral("status"), finalStatus},
                                            {QStringLiteral("primary_metric"), metric},
                                            {QStringLiteral("leaderboard"), leaderboardJson(board)},
                                            {QStringLiteral("guardrails"), guardrails},
                                            {QStringLiteral("recommendation"),
                                             recommended.runId.isEmpty()
                                                 ? QJsonValue()
                                                 : QJsonValue(QJsonObject{{QStringLiteral("run_id"), recommended.runId},
                                                                          {QStringLiteral("algorithm"), recommended.algorithm},
                                                                          {QStringLiteral("rank"), recommended.rank},
                                                                          {QStringLiteral("top_run_id"), recommended.topRunId},
                                                                          {QStringLiteral("reason"), recommended.sentence}})},
                                            {QStringLiteral("scheduler"), scheduler.isEmpty() ? QJsonValue() : QJsonValue(scheduler)},
                                            {QStringLiteral("import_notes"), notesJson(importNotes)}}));
    } else {
        printLeaderboard(board, metric);
        printGuardrails(guardrails);
        const auto chosen = std::find_if(board.begin(), board.end(), [&](const ml::TrialResult &r) { return r.runId == run.bestRunId(); });
        if (run.bestRunId().isEmpty()) { // nothing to hand back: say why, as the run recorded it
            const auto parent = RunStore(ws).get(*started);
            out() << QStringLiteral("\nRun %1: %2%3.").arg(*started, finalStatus, parent && !parent->error.isEmpty() ? QStringLiteral(": ") + parent->error : QString())
                  << '\n';
        } else {
            out() << QStringLiteral("\nRun %1: %2. Best: %3%4.")
                         .arg(*started, finalStatus, run.bestRunId(),
                              chosen == board.end() ? QString()
                              : chosen == board.begin()
                                  ? QStringLiteral(" (%1)").arg(chosen->algorithm)
                                  : QStringLiteral(" (%1, rank %2)").arg(chosen->algorithm).arg(chosen - board.begin() + 1))
                  << '\n';
        }
        if (!recommended.sentence.isEmpty())
            out() << recommended.sentence << '\n';
        if (auto parent = RunStore(ws).get(*started); parent && !ml::schedulerSentence(*parent).isEmpty())
            out() << ml::schedulerSentence(*parent) << '\n';
    }
    return finalStatus == QLatin1String("Completed") ? Ok : Failed;
}

} // namespace stratus::cli
