#include "ml/automl/AutoMLConfig.h"

#include <QJsonArray>
#include <cmath>

namespace stratus::ml {

QStringList primaryMetrics(Task task)
{
    if (task == Task::Classification)
        return {QStringLiteral("AUC_weighted"), QStringLiteral("accuracy"),
                QStringLiteral("average_precision_score_weighted"), QStringLiteral("norm_macro_recall"),
                QStringLiteral("precision_score_weighted")};
    return {QStringLiteral("normalized_root_mean_squared_error"), QStringLiteral("r2_score"),
            QStringLiteral("spearman_correlation"), QStringLiteral("normalized_mean_absolute_error")};
}

QStringList columnPurposeNames()
{
    return {QStringLiteral("ignore"), QStringLiteral("categorical"), QStringLiteral("numeric")};
}

double signedScore(const QMap<QString, double> &metrics, const QString &metric)
{
    const double v = metrics.value(metric, std::nan(""));
    if (std::isnan(v))
        return -INFINITY;
    return higherIsBetter(metric) ? v : -v;
}

QString AutoMLConfig::metric() const
{
    if (!primaryMetric.isEmpty())
        return primaryMetric;
    return task == Task::Classification ? QStringLiteral("AUC_weighted")
                                        : QStringLiteral("normalized_root_mean_squared_error");
}

Status AutoMLConfig::validate() const
{
    if (dataset.trimmed().isEmpty())
        return Error{QStringLiteral("dataset: name the dataset to train on")};
    if (label.trimmed().isEmpty())
        return Error{QStringLiteral("label: name the column to predict")};
    if (!primaryMetrics(task).contains(metric()))
        return Error{QStringLiteral("primary metric '%1' is not one of: %2")
                         .arg(metric(), primaryMetrics(task).join(QStringLiteral(", ")))};
    if (experimentTimeoutSeconds < 0 || trialTimeoutSeconds < 0)
        return Error{QStringLiteral("timeouts cannot be negative")};
    if (maxTrials < 0 || maxTrials > 1000)
        return Error{QStringLiteral("max trials must be between 1 and 1000 (or 0 for no limit)")};
    if (maxConcurrentTrials < 0)
        return Error{QStringLiteral("max concurrent trials cannot be negative")};
    if (crossValidations == 1 || crossValidations < 0 || crossValidations > 50)
        return Error{QStringLiteral("cross-validation folds must be between 2 and 50")};
    if (!(validationFraction >= 0 && validationFraction <= 0.5))
        return Error{QStringLiteral("validation fraction must be above 0 and at most 0.5 (or 0 for none)")};
    if (validationFraction > 0 && crossValidations > 0)
        return Error{QStringLiteral("set cross-validation folds or a validation fraction, not both")};
    for (auto it = columnPurposes.begin(); it != columnPurposes.end(); ++it) {
        if (!columnPurposeNames().contains(it.value()))
            return Error{QStringLiteral("column purpose of '%1': '%2' is not one of: %3")
                             .arg(it.key(), it.value(), columnPurposeNames().join(QStringLiteral(", ")))};
        if (it.key() == label)
            return Error{QStringLiteral("column purpose of '%1': the label column cannot be overridden").arg(it.key())};
    }
    if (maxTrials == 0 && experimentTimeoutSeconds == 0)
        return Error{QStringLiteral("set an experiment timeout or a number of trials, or the run never ends")};
    return {};
}

AutoMLConfig AutoMLConfig::fromJson(const QJsonObject &o)
{
    AutoMLConfig c;
    auto strings = [&o](const char *key) {
        QStringList out;
        for (const QJsonValue &v : o.value(QLatin1String(key)).toArray())
            out << v.toString();
        return out;
    };
    c.task = o.value(QStringLiteral("task")).toString() == QLatin1String("regression") ? Task::Regression : Task::Classification;
    c.dataset = o.value(QStringLiteral("dataset")).toString();
    c.label = o.value(QStringLiteral("label_column_name")).toString();
    c.primaryMetric = o.value(QStringLiteral("primary_metric")).toString();
    c.experiment = o.value(QStringLiteral("experiment")).toString(c.experiment);
    c.computeProfile = o.value(QStringLiteral("compute_target")).toString(c.computeProfile);
    c.experimentTimeoutSeconds = o.value(QStringLiteral("experiment_timeout_seconds")).toInt();
    c.trialTimeoutSeconds = o.value(QStringLiteral("trial_timeout_seconds")).toInt();
    c.maxTrials = o.value(QStringLiteral("max_trials")).toInt();
    c.maxConcurrentTrials = o.value(QStringLiteral("max_concurrent_trials")).toInt();
    c.crossValidations = o.value(QStringLiteral("n_cross_validations")).toInt();
    c.validationFraction = o.value(QStringLiteral("validation_size")).toDouble();
    c.debugLog = o.value(QStringLiteral("debug_log")).toString();
    c.earlyStopping = o.value(QStringLiteral("enable_early_stopping")).toBool(true);
    c.featurization = o.value(QStringLiteral("featurization")).toString() == QLatin1String("off") ? Featurizer::Mode::Off
                                                                                                : Featurizer::Mode::Auto;
    const QJsonObject purposes = o.value(QStringLiteral("column_purposes")).toObject();
    for (auto it = purposes.begin(); it != purposes.end(); ++it)
        c.columnPurposes.insert(it.key(), it.value().toString());
    c.allowedAlgorithms = strings("allowed_models");
    c.blockedAlgorithms = strings("blocked_models");
    c.votingEnsemble = o.value(QStringLiteral("enable_voting_ensemble")).toBool(true);
    c.stackEnsemble = o.value(QStringLiteral("enable_stack_ensemble")).toBool(true);
    c.onnxCompatible = o.value(QStringLiteral("enable_onnx_compatible_models")).toBool(false);
    c.seed = o.value(QStringLiteral("seed")).toString().toULongLong();
    if (o.contains(QStringLiteral("exit_score")))
        c.exitScore = o.value(QStringLiteral("exit_score")).toDouble();
    return c;
}

QJsonObject AutoMLConfig::toJson() const
{
    QJsonObject o{{QStringLiteral("task"), task == Task::Classification ? QStringLiteral("classification")
                                                                        : QStringLiteral("regression")},
                  {QStringLiteral("dataset"), dataset},
                  {QStringLiteral("label_column_name"), label},
                  {QStringLiteral("primary_metric"), metric()},
                  {QStringLiteral("experiment"), experiment},
                  {QStringLiteral("compute_target"), computeProfile},
                  {QStringLiteral("experiment_timeout_seconds"), experimentTimeoutSeconds},
                  {QStringLiteral("trial_timeout_seconds"), trialTimeoutSeconds},
                  {QStringLiteral("max_trials"), maxTrials},
                  {QStringLiteral("max_concurrent_trials"), maxConcurrentTrials},
                  {QStringLiteral("n_cross_validations"), crossValidations},
                  {QStringLiteral("validation_size"), validationFraction},
                  {QStringLiteral("debug_log"), debugLog},
                  {QStringLiteral("enable_early_stopping"), earlyStopping},
                  {QStringLiteral("featurization"), featurization == Featurizer::Mode::Auto ? QStringLiteral("auto")
                                                                                             : QStringLiteral("off")},
                  {QStringLiteral("allowed_models"), QJsonArray::fromStringList(allowedAlgorithms)},
                  {QStringLiteral("blocked_models"), QJsonArray::fromStringList(blockedAlgorithms)},
                  {QStringLiteral("enable_voting_ensemble"), votingEnsemble},
                  {QStringLiteral("enable_stack_ensemble"), stackEnsemble},
                  {QStringLiteral("enable_onnx_compatible_models"), onnxCompatible},
                  {QStringLiteral("seed"), QString::number(seed)}};
    if (exitScore)
        o.insert(QStringLiteral("exit_score"), *exitScore);
    if (!columnPurposes.isEmpty()) {
        QJsonObject purposes;
        for (auto it = columnPurposes.begin(); it != columnPurposes.end(); ++it)
            purposes.insert(it.key(), it.value());
        o.insert(QStringLiteral("column_purposes"), purposes);
    }
    return o;
}

} // namespace stratus::ml
