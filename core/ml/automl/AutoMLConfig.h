#pragma once
// AutoMLConfig: the settings of an Automated ML run, with Azure's meanings
// (AutoMLConfig's task, primary_metric, experiment_timeout_minutes,
// max_trials, max_concurrent_iterations, n_cross_validations, ...).
// validate() checks every field and names the one that is wrong.

#include "common/Result.h"
#include "ml/featurize/Featurizer.h"
#include "ml/learners/Learner.h"
#include "registry/Run.h"

#include <QJsonObject>
#include <QMap>
#include <QStringList>
#include <optional>

namespace stratus::ml {

struct AutoMLConfig {
    Task task = Task::Classification;
    QString dataset;           // "name[:version]"
    QString label;
    QString primaryMetric;     // empty: AUC_weighted / normalized_root_mean_squared_error
    QString experiment = QStringLiteral("automl");
    QString computeProfile = QStringLiteral("local");
    int experimentTimeoutSeconds = 0; // 0: none
    int trialTimeoutSeconds = 0;      // 0: none
    int maxTrials = 0;                // 0: as many as the time allows (1000 at most)
    int maxConcurrentTrials = 0;      // 0: the compute profile's; capped by it
    int crossValidations = 0;         // 0: Azure's rule by row count (10 folds under 1,000 rows,
                                      // 3 up to 20,000, a 10% holdout above)
    double validationFraction = 0;    // a holdout share (0 < f <= 0.5) instead of cross-validation
    bool earlyStopping = true;
    Featurizer::Mode featurization = Featurizer::Mode::Auto;
    // Per-column overrides of featurization (Azure's column purposes): column
    // name -> "ignore", "categorical" or "numeric".
    QMap<QString, QString> columnPurposes;
    QStringList allowedAlgorithms, blockedAlgorithms;
    bool votingEnsemble = true;
    bool stackEnsemble = true;
    // Azure's enable_onnx_compatible_models: only learners that export to
    // ONNX (exportsToOnnx in Learners.h) and only featurization ONNX can
    // compute (Featurizer::Mode::Portable).
    bool onnxCompatible = false;
    std::optional<double> exitScore;
    quint64 seed = 0;
    QString debugLog; // a file the run's log is appended to (it is stored with the run either way)

    QString metric() const;
    // The featurization trials use: Portable for an ONNX-compatible "auto".
    Featurizer::Mode featurizationMode() const
    {
        return onnxCompatible && featurization == Featurizer::Mode::Auto ? Featurizer::Mode::Portable : featurization;
    }
    Status validate() const;
    QJsonObject toJson() const;
    // A configuration as toJson() (or a run's stored config) wrote it.
    static AutoMLConfig fromJson(const QJsonObject &json);
};

// The primary metrics a task allows (whether larger values are better:
// higherIsBetter() in Run.h).
QStringList primaryMetrics(Task task);
// metrics[metric], negated when lower is better, so that higher always wins;
// -infinity when it is missing or NaN.
double signedScore(const QMap<QString, double> &metrics, const QString &metric);
// The column purposes a configuration may set.
QStringList columnPurposeNames();

} // namespace stratus::ml
