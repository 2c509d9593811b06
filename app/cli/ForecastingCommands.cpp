// `automl --task forecasting` (a ForecastingRun) and `forecast` (a
// forecasting model's forecasts for the future rows of a file).
#include "CliOutput.h"
#include "Commands.h"
#include "CsvOptions.h"
#include "LeaderboardOutput.h"
#include "data/import/DatasetImport.h"
#include "export/BatchScoring.h"
#include "export/ModelPackage.h"
#include "ml/forecasting/ForecastBacktest.h"
#include "ml/forecasting/ForecastingModel.h"
#include "ml/automl/ForecastingRun.h"
#include "registry/ComputeStore.h"
#include "registry/RunStore.h"
#include "workspace/Names.h"
#include "workspace/Workspace.h"

#include <QEventLoop>
#include <QJsonObject>
#include <QSaveFile>
#include <cmath>

namespace stratus::cli {

namespace {

using namespace ml::forecasting;

const char *kAutomlUsage =
    "usage: automl --task forecasting (--dataset NAME[:V] | --train FILE) --label COL --time-column COL "
    "[--horizon N|auto] [--series-id a,b] [--frequency F] [--target-lags auto|none|N,..] [--rolling-window N] "
    "[--seasonality auto|N] [--short-series auto|pad|drop|none] [--aggregate none|sum|mean|min|max] [--cv K] [--cv-step N] "
    "[--features-unknown a,b] [--feature-lags auto|none] [--metric NAME] [--budget-seconds S | --timeout-minutes M] [--max-trials N] [--seed N] "
    "[--experiment NAME] [--compute NAME] [--allowed a,b] [--blocked a,b] [--no-ensembles] [--debug-log FILE] [--json]";

const char *kForecastUsage = "usage: forecast (--model NAME[:V] | --run RUN_ID | --package FILE) --input FILE --output FILE [--quantiles 0.1,0.5,0.9] "
                             "[--rolling [--step N]]";

QStringList listOption(const CliArgs &args, const char *name)
{
    QStringList out;
    for (const QString &v : args.value(QString::fromLatin1(name)).split(QLatin1Char(','), Qt::SkipEmptyParts))
        out << v.trimmed();
    return out;
}

// "auto" (0) or a whole number of periods >= 1.
bool periodsOption(const CliArgs &args, const char *name, int *out, QString &error)
{
    const QString v = args.value(QString::fromLatin1(name)).trimmed();
    if (v.isEmpty() || v == QLatin1String("auto")) {
        *out = 0;
        return true;
    }
    bool ok = false;
    *out = v.toInt(&ok);
    if (!ok || *out < 1) {
        error = QStringLiteral("--%1 must be auto or a whole number of periods from 1 (got '%2')").arg(QLatin1String(name), v);
        return false;
    }
    return true;
}

// `forecast --rolling`: every period of the labelled input forecast from the points before its origin.
int backtestCommand(const ForecastingModel &model, const CsvReadResult &read, const std::vector<double> &levels, const CliArgs &args)
{
    int step = 0;
    if (args.has(QStringLiteral("step"))) {
        QString error;
        const auto v = args.integer(QStringLiteral("step"), &error);
        if (!v || *v < 1)
            return fail(v ? QStringLiteral("--step must be at least 1") : error, Usage);
        step = *v;
    }
    auto backtest = rollingBacktest(model, read.table, levels, step);
    if (!backtest)
        return fail(QStringLiteral("%1: %2").arg(read.sourceName, backtest.message()));
    QSaveFile file(args.value(QStringLiteral("output")));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return fail(QStringLiteral("%1: %2").arg(file.fileName(), file.errorString()));
    QStringList header{batch::csvField(model.timeColumn)};
    for (const QString &c : model.idColumns)
        header << batch::csvField(c);
    header << QStringLiteral("origin") << QStringLiteral("step") << QStringLiteral("actual") << QStringLiteral("forecast");
    for (double q : levels)
        header << batch::csvField(quantileColumn(q));
    file.write(header.join(QLatin1Char(',')).toUtf8() + '\n');
    for (const BacktestRow &r : backtest->rows) {
        QStringList fields{r.time.toString()};
        for (const QString &id : r.id)
            fields << batch::csvField(id);
        fields << r.origin.toString() << QString::number(r.step) << formatDecimal(r.actual) << formatDecimal(r.forecast);
        for (double q : r.quantiles)
            fields << formatDecimal(q);
        file.write(fields.join(QLatin1Char(',')).toUtf8() + '\n');
    }
    if (!file.commit())
        return fail(QStringLiteral("%1: %2").arg(file.fileName(), file.errorString()));
    const QStringList shown = {QStringLiteral("mean_absolute_scaled_error"), QStringLiteral("symmetric_mean_absolute_percentage_error"),
                               QStringLiteral("normalized_root_mean_squared_error"), QStringLiteral("prediction_interval_coverage_80")};
    if (args.flag(QStringLiteral("json"))) {
        QJsonObject metrics;
        for (auto it = backtest->metrics.cbegin(); it != backtest->metrics.cend(); ++it)
            metrics.insert(it.key(), std::isfinite(it.value()) ? QJsonValue(it.value()) : QJsonValue());
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("output"), file.fileName()},
                                            {QStringLiteral("origins"), backtest->origins},
                                            {QStringLiteral("rows"), qint64(backtest->rows.size())},
                                            {QStringLiteral("algorithm"), model.algorithm},
                                            {QStringLiteral("metrics"), metrics}}));
    } else {
        out() << QStringLiteral("Backtest of %1: %2 origins, %3 forecast periods into %4.")
                     .arg(model.algorithm)
                     .arg(backtest->origins)
                     .arg(backtest->rows.size())
                     .arg(file.fileName())
              << '\n';
        for (const QString &m : shown)
            out() << QStringLiteral("  %1  %2").arg(m, -42).arg(number(backtest->metrics.value(m, std::nan("")))) << '\n';
    }
    return Ok;
}

} // namespace

int forecastingAutomlCommand(Workspace &ws, const CliArgs &args)
{
    const QStringList allowed = QStringList{QStringLiteral("task"), QStringLiteral("dataset"), QStringLiteral("train"), QStringLiteral("label"),
                                            QStringLiteral("time-column"), QStringLiteral("horizon"), QStringLiteral("series-id"),
                                            QStringLiteral("frequency"), QStringLiteral("target-lags"), QStringLiteral("rolling-window"),
                                            QStringLiteral("seasonality"), QStringLiteral("short-series"), QStringLiteral("aggregate"),
                                            QStringLiteral("cv"), QStringLiteral("cv-step"), QStringLiteral("features-unknown"), QStringLiteral("feature-lags"),
                                            QStringLiteral("metric"), QStringLiteral("budget-seconds"), QStringLiteral("timeout-minutes"),
                                            QStringLiteral("max-trials"), QStringLiteral("seed"), QStringLiteral("experiment"),
                                            QStringLiteral("compute"), QStringLiteral("allowed"), QStringLiteral("blocked"),
                                            QStringLiteral("no-ensembles"), QStringLiteral("debug-log")}
                                + csvOptionNames();
    if (!onlyOptions(args, allowed) || args.positionals().size() != 1 || !args.has(QStringLiteral("label"))
        || !args.has(QStringLiteral("time-column")) || args.has(QStringLiteral("dataset")) == args.has(QStringLiteral("train")))
        return fail(QString::fromLatin1(kAutomlUsage), Usage);
    ml::AutoMLConfig config;
    config.task = ml::Task::Regression;
    config.label = args.value(QStringLiteral("label"));
    config.primaryMetric = args.value(QStringLiteral("metric"), QStringLiteral("normalized_root_mean_squared_error"));
    config.experiment = args.value(QStringLiteral("experiment"), QStringLiteral("automl"));
    config.computeProfile = args.value(QStringLiteral("compute"), QStringLiteral("local"));
    config.debugLog = args.value(QStringLiteral("debug-log"));
    config.allowedAlgorithms = listOption(args, "allowed");
    config.blockedAlgorithms = listOption(args, "blocked");
    config.votingEnsemble = config.stackEnsemble = !args.flag(QStringLiteral("no-ensembles"));
    QString error;
    int budget = 0, minutes = 0, seed = 0;
    for (auto [name, target] : {std::pair{"budget-seconds", &budget}, std::pair{"timeout-minutes", &minutes},
                                std::pair{"max-trials", &config.maxTrials}, std::pair{"cv", &config.crossValidations},
                                std::pair{"seed", &seed}}) {
        if (!args.has(QString::fromLatin1(name)))
            continue;
        const auto v = args.integer(QString::fromLatin1(name), &error);
        if (!v)
            return fail(error, Usage);
        *target = *v;
    }
    if (args.has(QStringLiteral("budget-seconds")) && args.has(QStringLiteral("timeout-minutes")))
        return fail(QStringLiteral("give --budget-seconds or --timeout-minutes, not both"), Usage);
    config.experimentTimeoutSeconds = budget > 0 ? budget : minutes * 60;
    if (config.experimentTimeoutSeconds == 0 && config.maxTrials == 0)
        config.experimentTimeoutSeconds = 60; // neither given: one minute, as for the other tasks
    config.seed = quint64(seed);

    ForecastingParameters p;
    p.timeColumnName = args.value(QStringLiteral("time-column"));
    p.timeSeriesIdColumnNames = listOption(args, "series-id");
    p.freq = args.value(QStringLiteral("frequency"));
    p.featuresUnknownAtForecastTime = listOption(args, "features-unknown");
    if (!periodsOption(args, "horizon", &p.forecastHorizon, error) || !periodsOption(args, "seasonality", &p.seasonality, error)
        || !periodsOption(args, "cv-step", &p.cvStepSize, error) || !periodsOption(args, "rolling-window", &p.targetRollingWindowSize, error))
        return fail(error, Usage);
    if (args.has(QStringLiteral("target-lags")))
        if (Status s = p.setTargetLags(args.value(QStringLiteral("target-lags"))); !s)
            return fail(QStringLiteral("--target-lags: ") + s.message(), Usage);
    if (args.has(QStringLiteral("feature-lags"))) {
        const QString lags = args.value(QStringLiteral("feature-lags"));
        if (lags != QLatin1String("auto") && lags != QLatin1String("none"))
            return fail(QStringLiteral("--feature-lags must be auto or none (got '%1')").arg(lags), Usage);
        p.featureLags = lags == QLatin1String("auto");
    }
    if (args.has(QStringLiteral("short-series"))) {
        const auto s = shortSeriesFromName(args.value(QStringLiteral("short-series")));
        if (!s)
            return fail(QStringLiteral("--short-series must be auto, pad, drop or none (got '%1')").arg(args.value(QStringLiteral("short-series"))), Usage);
        p.shortSeriesHandling = *s;
    }
    if (args.has(QStringLiteral("aggregate"))) {
        const auto a = aggregationFromName(args.value(QStringLiteral("aggregate")));
        if (!a)
            return fail(QStringLiteral("--aggregate must be none, sum, mean, min or max (got '%1')").arg(args.value(QStringLiteral("aggregate"))), Usage);
        p.targetAggregation = *a;
    }
    if (Status s = ForecastingRun::validate(config, p); !s)
        return fail(s.message(), Usage);

    const bool asJson = args.flag(QStringLiteral("json"));
    QList<ColumnNote> importNotes;
    // What the run checks before it starts, checked before a --train file is registered.
    if (auto profile = ComputeStore(ws).get(config.computeProfile); !profile)
        return fail(profile.message());
    if (args.has(QStringLiteral("train"))) {
        // The file is read and checked before it is registered: a refused run stores nothing.
        const QString path = args.value(QStringLiteral("train"));
        CsvReadOptions csv;
        if (!csvReadOptions(args, csv, error))
            return fail(error, Usage);
        auto read = readForImport(path, csv);
        if (!read)
            return fail(read.message());
        if (auto checked = ForecastingData::prepare(read->table, config.label, p, config.crossValidations); !checked)
            return fail(QStringLiteral("%1: %2").arg(read->sourceName, checked.message()));
        RegisterRequest request;
        request.name = names::datasetNameFromFile(path, QStringLiteral("training-data"));
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
        config.dataset = args.value(QStringLiteral("dataset"));
    }

    ForecastingRun run(ws, config, p);
    const QString metric = config.primaryMetric;
    QEventLoop loop;
    QString finalStatus;
    QObject::connect(&run, &ForecastingRun::finished, &loop, [&](const QString &status) {
        finalStatus = status;
        loop.quit();
    });
    QObject::connect(&run, &ForecastingRun::trialFinished, &loop, [&](const ml::TrialResult &r) {
        if (!asJson) {
            out() << trialLine(r, metric) << '\n';
            out().flush();
        }
    });
    auto started = run.start();
    if (!started)
        return fail(started.message());
    const ForecastingData &d = run.data();
    if (!asJson)
        out() << QStringLiteral("Forecasting run %1 started (experiment %2, dataset %3, primary metric %4): %5 series %6, horizon %7, "
                                "seasonality %8, %9 rolling-origin folds.")
                     .arg(*started, config.experiment, config.dataset, metric)
                     .arg(d.series.size())
                     .arg(d.frequency.describe())
                     .arg(d.horizon)
                     .arg(d.season)
                     .arg(d.folds)
              << '\n';
    loop.exec();

    const auto board = run.leaderboard();
    QJsonArray guardrails;
    QJsonObject forecasting;
    if (auto stored = RunStore(ws).artifact(*started, QStringLiteral("guardrails")))
        guardrails = QJsonDocument::fromJson(*stored).array();
    if (auto parent = RunStore(ws).get(*started))
        forecasting = parent->config.value(QStringLiteral("forecasting")).toObject();
    if (asJson) {
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("parent_run_id"), *started},
                                            {QStringLiteral("best_child_run_id"), run.bestRunId()},
                                            {QStringLiteral("status"), finalStatus},
                                            {QStringLiteral("task"), QStringLiteral("forecasting")},
                                            {QStringLiteral("primary_metric"), metric},
                                            {QStringLiteral("leaderboard"), leaderboardJson(board)},
                                            {QStringLiteral("guardrails"), guardrails},
                                            {QStringLiteral("forecasting"), forecasting},
                                            {QStringLiteral("import_notes"), notesJson(importNotes)}}));
    } else {
        printLeaderboard(board, metric);
        printGuardrails(guardrails);
        const auto best = std::find_if(board.begin(), board.end(), [&](const ml::TrialResult &r) { return r.runId == run.bestRunId(); });
        out() << QStringLiteral("\nRun %1: %2. Best: %3%4.")
                     .arg(*started, finalStatus, run.bestRunId(), best == board.end() ? QString() : QStringLiteral(" (%1)").arg(best->algorithm))
              << '\n';
    }
    return finalStatus == QLatin1String("Completed") ? Ok : Failed;
}

int forecastCommand(Workspace *ws, const CliArgs &args)
{
    const QStringList allowed = QStringList{QStringLiteral("model"), QStringLiteral("run"), QStringLiteral("package"), QStringLiteral("input"),
                                            QStringLiteral("output"), QStringLiteral("quantiles"), QStringLiteral("rolling"), QStringLiteral("step")}
                                + csvOptionNames();
    const int sources = int(args.has(QStringLiteral("model"))) + int(args.has(QStringLiteral("run"))) + int(args.has(QStringLiteral("package")));
    if (!onlyOptions(args, allowed) || args.positionals().size() != 1 || !args.has(QStringLiteral("input"))
        || !args.has(QStringLiteral("output")) || sources != 1)
        return fail(QString::fromLatin1(kForecastUsage), Usage);
    auto levels = parseQuantiles(args.value(QStringLiteral("quantiles"), QStringLiteral("0.1,0.5,0.9")));
    if (!levels)
        return fail(QStringLiteral("--quantiles: ") + levels.message(), Usage);
    Result<ForecastingModel> model = Error{QString()};
    if (args.has(QStringLiteral("package"))) {
        auto package = package::read(args.value(QStringLiteral("package")));
        if (!package)
            return fail(package.message());
        if (!package->forecaster)
            return fail(QStringLiteral("%1: not a forecasting model; use stratus-cli predict --package").arg(args.value(QStringLiteral("package"))));
        model = *package->forecaster;
    } else {
        model = args.has(QStringLiteral("model")) ? ForecastingModel::fromModel(*ws, args.value(QStringLiteral("model")))
                                                  : ForecastingModel::fromRun(*ws, args.value(QStringLiteral("run")));
    }
    if (!model)
        return fail(model.message());
    CsvReadOptions csv;
    QString error;
    if (!csvReadOptions(args, csv, error))
        return fail(error, Usage);
    const QString input = args.value(QStringLiteral("input"));
    auto read = readForImport(input, csv);
    if (!read)
        return fail(read.message());
    if (args.flag(QStringLiteral("rolling")))
        return backtestCommand(*model, *read, *levels, args);
    if (args.has(QStringLiteral("step")))
        return fail(QStringLiteral("--step is the backtest's step between origins: give it with --rolling"), Usage);
    auto forecasts = model->forecastTable(read->table, *levels);
    if (!forecasts)
        return fail(QStringLiteral("%1: %2").arg(read->sourceName, forecasts.message()));

    if (std::none_of(forecasts->forecast.begin(), forecasts->forecast.end(), [](char f) { return f != 0; }))
        return fail(QStringLiteral("%1: every row gives the target '%2', so every row is history and none is left to forecast: leave '%2' "
                                   "empty on the rows to forecast, or backtest the file with --rolling")
                        .arg(read->sourceName, model->label));
    QSaveFile file(args.value(QStringLiteral("output")));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return fail(QStringLiteral("%1: %2").arg(file.fileName(), file.errorString()));
    const DataTable &t = read->table;
    std::vector<int> keep{t.indexOf(model->timeColumn)};
    for (const QString &c : model->idColumns)
        keep.push_back(t.indexOf(c));
    QStringList header;
    for (int c : keep)
        header << batch::csvField(t.columns[size_t(c)].name);
    header << QStringLiteral("forecast");
    for (double q : *levels)
        header << batch::csvField(quantileColumn(q));
    file.write(header.join(QLatin1Char(',')).toUtf8() + '\n');
    size_t written = 0;
    for (size_t r = 0; r < t.rowCount; ++r) {
        if (!forecasts->forecast[r])
            continue;
        QStringList fields;
        for (int c : keep)
            fields << batch::csvField(t.columns[size_t(c)].display(r));
        fields << formatDecimal(forecasts->mean[r]);
        for (size_t q = 0; q < levels->size(); ++q)
            fields << formatDecimal(forecasts->quantiles[q][r]);
        file.write(fields.join(QLatin1Char(',')).toUtf8() + '\n');
        ++written;
    }
    if (!file.commit())
        return fail(QStringLiteral("%1: %2").arg(file.fileName(), file.errorString()));
    if (args.flag(QStringLiteral("json")))
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("output"), file.fileName()},
                                            {QStringLiteral("rows_forecast"), qint64(written)},
                                            {QStringLiteral("algorithm"), model->algorithm}}));
    else
        out() << (written == 1 ? QStringLiteral("Forecast 1 row with %2 into %3.") : QStringLiteral("Forecast %1 rows with %2 into %3."))
                     .arg(written)
                     .arg(model->algorithm, file.fileName())
              << '\n';
    return Ok;
}

} // namespace stratus::cli
