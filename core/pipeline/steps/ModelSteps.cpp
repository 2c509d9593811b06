// The model steps: automl (an Automated ML run to its end), evaluate (a model
// scored on a labelled dataset), compare (continue only when the model beats
// a reference) and register.
#include "pipeline/steps/Steps.h"

#include "data/store/DatasetStore.h"
#include "ml/automl/AutoMLRun.h"
#include "ml/automl/ForecastingRun.h"
#include "ml/automl/ModelRegistration.h"
#include "ml/metrics/ClassificationMetrics.h"
#include "ml/metrics/Curves.h"
#include "ml/metrics/RegressionCurves.h"
#include "ml/metrics/RegressionMetrics.h"
#include "ml/model/TrainedPipeline.h"
#include "registry/EndpointStore.h"
#include "registry/ModelStore.h"
#include "registry/RunStore.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace stratus::pipeline::steps {

namespace {

QStringList list(const QJsonValue &v)
{
    QStringList out;
    if (v.isString())
        for (const QString &part : v.toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
            out << part.trimmed();
    for (const QJsonValue &item : v.toArray())
        out << item.toString();
    return out;
}

Result<ml::TrainedPipeline> loadModel(const StepContext &c, const QString &value)
{
    if (value.startsWith(QLatin1String("run:")))
        return ml::TrainedPipeline::fromRun(c.workspace, value.mid(4));
    return ml::TrainedPipeline::fromModel(c.workspace, value);
}

QJsonObject metricsJson(const QMap<QString, double> &metrics)
{
    QJsonObject o;
    for (auto it = metrics.cbegin(); it != metrics.cend(); ++it)
        if (std::isfinite(it.value()))
            o.insert(it.key(), it.value());
    return o;
}

StepValue metricsValue(const QMap<QString, double> &metrics)
{
    const QByteArray json = QJsonDocument(metricsJson(metrics)).toJson(QJsonDocument::Compact);
    return {QStringLiteral("metrics"), QString::fromUtf8(json), QString::fromLatin1(QCryptographicHash::hash(json, QCryptographicHash::Blake2b_256).toHex())};
}

// A model's metrics on a labelled table, by Azure's names, and its curves (ROC, precision-recall,
// calibration, lift and gains per class; residuals and predicted vs true for regression) when asked.
Result<QMap<QString, double>> evaluate(const ml::TrainedPipeline &model, const DataTable &table, const QString &dataset, QJsonObject *curves = nullptr)
{
    const int label = table.indexOf(model.label());
    if (label < 0)
        return Error{QStringLiteral("%1 has no column '%2', the model's label").arg(dataset, model.label())};
    auto predicted = model.predict(table);
    if (!predicted)
        return Error{QStringLiteral("%1: %2").arg(dataset, predicted.message())};
    const DataColumn &y = table.columns[size_t(label)];
    if (model.task() == ml::Task::Regression) {
        std::vector<double> truth, guess;
        for (size_t r = 0; r < table.rowCount; ++r)
            if (!y.isMissing(r)) {
                truth.push_back(y.numbers[r]);
                guess.push_back((*predicted)[r]);
            }
        if (truth.empty())
            return Error{QStringLiteral("%1: every '%2' is missing").arg(dataset, model.label())};
        if (curves)
            *curves = ml::regressionCurves(truth, guess).toJson();
        return ml::regressionMetrics(truth, guess);
    }
    const QStringList &classes = model.classes();
    const size_t k = size_t(classes.size());
    std::vector<int> labels;
    std::vector<double> probabilities;
    for (size_t r = 0; r < table.rowCount; ++r) {
        if (y.isMissing(r))
            continue;
        // A class is the value as the column writes it; a boolean written 0/1 answers false/true (as training names them).
        const QString name = y.type == ColumnType::Boolean ? y.spelling.answer(y.numbers[r] != 0) : y.display(r);
        const qsizetype c = classes.indexOf(name);
        if (c < 0)
            return Error{QStringLiteral("%1: '%2' is not a class the model knows (%3)").arg(table.where(r), name, classes.join(QStringLiteral(", ")))};
        labels.push_back(int(c));
        probabilities.insert(probabilities.end(), predicted->begin() + qsizetype(r * k), predicted->begin() + qsizetype((r + 1) * k));
    }
    if (labels.empty())
        return Error{QStringLiteral("%1: every '%2' is missing").arg(dataset, model.label())};
    if (curves)
        *curves = ml::classificationCurves(labels, probabilities, int(k)).toJson();
    return ml::classificationMetrics(labels, probabilities, int(k));
}

// The primary metric the model was chosen by, else the task's default.
QString primaryMetric(const StepContext &c, const ml::TrainedPipeline &model, const QString &value)
{
    if (value.startsWith(QLatin1String("run:"))) {
        RunStore runs(c.workspace);
        if (auto run = runs.get(value.mid(4))) {
            const QString parent = run->parentId.isEmpty() ? run->id : run->parentId;
            if (auto p = runs.get(parent); p && p->config.contains(QStringLiteral("primary_metric")))
                return p->config.value(QStringLiteral("primary_metric")).toString();
        }
    } else if (auto v = ModelStore(c.workspace).resolve(value); v && v->properties.contains(QStringLiteral("primary_metric"))) {
        const QString m = v->properties.value(QStringLiteral("primary_metric")).toString();
        if (!m.isEmpty())
            return m;
    }
    return model.task() == ml::Task::Regression ? QStringLiteral("normalized_root_mean_squared_error") : QStringLiteral("AUC_weighted");
}

} // namespace

Result<StepResult> automlStep(StepContext &c)
{
    ml::AutoMLConfig config;
    const QString task = c.text(QStringLiteral("task"));
    config.task = task == QLatin1String("classification") ? ml::Task::Classification : ml::Task::Regression;
    config.dataset = c.inputs.value(QStringLiteral("training_data")).value;
    config.label = c.text(QStringLiteral("label"));
    config.primaryMetric = c.text(QStringLiteral("primary_metric"), task == QLatin1String("forecasting") ? QStringLiteral("normalized_root_mean_squared_error") : QString());
    config.experiment = c.text(QStringLiteral("experiment"), c.experiment);
    config.computeProfile = c.text(QStringLiteral("compute"), QStringLiteral("local"));
    config.experimentTimeoutSeconds = int(c.settings.value(QStringLiteral("experiment_timeout_minutes")).toDouble(0) * 60);
    config.maxTrials = c.settings.value(QStringLiteral("max_trials")).toInt(0);
    config.crossValidations = c.settings.value(QStringLiteral("n_cross_validations")).toInt(0);
    config.allowedAlgorithms = list(c.settings.value(QStringLiteral("allowed_models")));
    config.blockedAlgorithms = list(c.settings.value(QStringLiteral("blocked_models")));
    config.votingEnsemble = config.stackEnsemble = c.settings.value(QStringLiteral("enable_ensembles")).toBool(true);
    config.seed = quint64(c.settings.value(QStringLiteral("seed")).toInteger(0));
    if (config.experimentTimeoutSeconds == 0 && config.maxTrials == 0)
        config.experimentTimeoutSeconds = 60; // as the CLI's automl: one minute when neither is given

    std::unique_ptr<QObject> run;
    QEventLoop loop;
    QString status;
    auto done = [&](const QString &s) {
        status = s;
        loop.quit();
    };
    Result<QString> started = QString();
    std::function<void()> cancel;
    std::function<QString()> best;
    if (task == QLatin1String("forecasting")) {
        auto parameters = ml::forecasting::ForecastingParameters::fromJson(c.settings.value(QStringLiteral("forecasting")).toObject());
        if (!parameters)
            return Error{QStringLiteral("forecasting: ") + parameters.message()};
        if (Status s = ml::forecasting::ForecastingRun::validate(config, *parameters); !s)
            return s.error();
        auto *forecast = new ml::forecasting::ForecastingRun(c.workspace, config, *parameters);
        run.reset(forecast);
        QObject::connect(forecast, &ml::forecasting::ForecastingRun::finished, &loop, done);
        cancel = [forecast] { forecast->cancel(); };
        started = forecast->start();
    } else {
        if (Status s = config.validate(); !s)
            return s.error();
        auto *automl = new ml::AutoMLRun(c.workspace, config);
        run.reset(automl);
        QObject::connect(automl, &ml::AutoMLRun::finished, &loop, done);
        cancel = [automl] { automl->cancel(); };
        best = [automl] { return automl->bestRunId(); };
        started = automl->start();
    }
    if (!started)
        return started.error();
    c.log(QStringLiteral("AutoML run %1 started on %2").arg(*started, config.dataset));
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (c.isCanceled())
            cancel();
    });
    poll.start(200);
    loop.exec();
    poll.stop();
    if (status != QLatin1String("Completed"))
        return Error{QStringLiteral("the AutoML run %1 ended %2").arg(*started, status)};
    StepResult r;
    RunStore runs(c.workspace);
    QMap<QString, double> metrics;
    QString bestId;
    if (auto parent = runs.get(*started))
        bestId = parent->config.value(QStringLiteral("best_child_run_id")).toString();
    if (bestId.isEmpty() && best)
        bestId = best();
    if (auto child = runs.get(bestId))
        metrics = child->metrics;
    const QString model = QStringLiteral("run:") + *started;
    r.outputs.insert(QStringLiteral("best_model"), {QStringLiteral("model"), model, model});
    r.outputs.insert(QStringLiteral("metrics"), metricsValue(metrics));
    r.metrics = metrics;
    r.summary = QStringLiteral("AutoML run %1 completed; best child %2").arg(*started, bestId);
    return r;
}

Result<StepResult> evaluateStep(StepContext &c)
{
    const QString value = c.inputs.value(QStringLiteral("model")).value;
    auto model = loadModel(c, value);
    if (!model)
        return model.error();
    const QString dataset = c.inputs.value(QStringLiteral("test_data")).value;
    auto table = loadDataset(c, dataset);
    if (!table)
        return table.error();
    QJsonObject curves;
    auto metrics = evaluate(*model, *table, dataset, &curves);
    if (!metrics)
        return metrics.error();
    StepResult r;
    r.outputs.insert(QStringLiteral("metrics"), metricsValue(*metrics));
    r.metrics = *metrics;
    r.artifacts.insert(QStringLiteral("curves"), QJsonDocument(curves).toJson(QJsonDocument::Compact));
    const QString primary = primaryMetric(c, *model, value);
    r.summary = QStringLiteral("%1 on %2: %3 %4").arg(value, dataset, primary).arg(metrics->value(primary), 0, 'g', 6);
    return r;
}

Result<StepResult> compareStep(StepContext &c)
{
    const QString value = c.inputs.value(QStringLiteral("model")).value;
    auto candidate = loadModel(c, value);
    if (!candidate)
        return candidate.error();
    const QString dataset = c.inputs.value(QStringLiteral("test_data")).value;
    auto table = loadDataset(c, dataset);
    if (!table)
        return table.error();
    const QString metric = c.text(QStringLiteral("metric"), primaryMetric(c, *candidate, value));
    const double margin = c.settings.value(QStringLiteral("margin")).toDouble(0);
    QString reference;
    if (c.settings.contains(QStringLiteral("reference_endpoint"))) {
        auto endpoint = EndpointStore(c.workspace).get(c.text(QStringLiteral("reference_endpoint")));
        if (endpoint)
            reference = endpoint->modelReference();
    } else if (auto latest = ModelStore(c.workspace).resolve(c.text(QStringLiteral("reference_model")))) {
        reference = latest->reference();
    }
    StepResult r;
    r.outputs.insert(QStringLiteral("model"), c.inputs.value(QStringLiteral("model")));
    auto mine = evaluate(*candidate, *table, dataset);
    if (!mine)
        return mine.error();
    if (!mine->contains(metric))
        return Error{QStringLiteral("metric: '%1' is not a metric of this model's task").arg(metric)};
    const double ours = mine->value(metric);
    r.metrics.insert(QStringLiteral("candidate_") + metric, ours);
    if (reference.isEmpty()) {
        r.summary = QStringLiteral("no reference yet (%1 has no model): %2 goes on with %3 %4")
                        .arg(c.text(QStringLiteral("reference_endpoint"), c.text(QStringLiteral("reference_model"))), value, metric)
                        .arg(ours, 0, 'g', 6);
        return r;
    }
    auto referenceModel = ml::TrainedPipeline::fromModel(c.workspace, reference);
    if (!referenceModel)
        return Error{QStringLiteral("the reference %1: %2").arg(reference, referenceModel.message())};
    auto theirs = evaluate(*referenceModel, *table, dataset);
    if (!theirs)
        return Error{QStringLiteral("the reference %1: %2").arg(reference, theirs.message())};
    const double other = theirs->value(metric);
    r.metrics.insert(QStringLiteral("reference_") + metric, other);
    r.proceed = higherIsBetter(metric) ? ours > other + margin : ours < other - margin;
    r.summary = QStringLiteral("%1 %2 %3 against %4's %5 (margin %6): %7")
                    .arg(value, metric)
                    .arg(ours, 0, 'g', 6)
                    .arg(reference)
                    .arg(other, 0, 'g', 6)
                    .arg(margin)
                    .arg(r.proceed ? QStringLiteral("better, the pipeline goes on") : QStringLiteral("not better, the steps after it are skipped"));
    return r;
}

Result<StepResult> registerStep(StepContext &c)
{
    const QString value = c.inputs.value(QStringLiteral("model")).value;
    const QString name = c.text(QStringLiteral("name"));
    QVariantMap tags = c.settings.value(QStringLiteral("tags")).toObject().toVariantMap();
    tags.insert(lineageTags(c));
    const QString description = c.text(QStringLiteral("description"), QStringLiteral("registered by pipeline run %1").arg(c.pipelineRunId));
    Result<ModelVersion> registered = Error{};
    if (value.startsWith(QLatin1String("run:"))) {
        registered = ml::registerRunModel(c.workspace, value.mid(4), name, description, tags);
    } else {
        ModelStore models(c.workspace);
        auto source = models.resolveWithPipeline(value);
        if (!source)
            return source.error();
        registered = models.registerPipeline(name, QJsonDocument(source->pipeline).toJson(QJsonDocument::Compact), source->version.properties,
                                             description, tags);
    }
    if (!registered)
        return registered.error();
    StepResult r;
    r.outputs.insert(QStringLiteral("model"), {QStringLiteral("model"), registered->reference(), QStringLiteral("model:") + registered->reference()});
    r.summary = QStringLiteral("registered %1 from %2").arg(registered->reference(), value);
    return r;
}

} // namespace stratus::pipeline::steps
