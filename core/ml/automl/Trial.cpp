#include "ml/automl/Trial.h"

#include "ml/automl/CostModel.h"
#include "ml/learners/Learners.h"
#include "ml/metrics/Curves.h"
#include "ml/metrics/RegressionCurves.h"
#include "registry/RunStore.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <cstring>

namespace stratus::ml {

void noteStored(const Status &status)
{
    if (!status)
        qWarning("AutoML: could not record in the workspace: %s", qPrintable(status.message()));
}

void recordPredictions(RunStore &store, const QString &runId, const AutoMLPlan &plan, const std::vector<double> &predictions)
{
    QByteArray blob(qsizetype(predictions.size() * sizeof(double)), Qt::Uninitialized);
    std::memcpy(blob.data(), predictions.data(), size_t(blob.size()));
    noteStored(store.putArtifact(runId, QStringLiteral("predictions"), blob, QStringLiteral("application/x-float64-le")));
    QJsonObject curves;
    if (plan.validated.task == Task::Classification) {
        const std::vector<int> labels(plan.validated.values.begin(), plan.validated.values.end());
        curves = classificationCurves(labels, predictions, plan.validated.classes).toJson();
    } else {
        const std::vector<double> truth(plan.validated.values.begin(), plan.validated.values.end());
        curves = regressionCurves(truth, predictions).toJson();
    }
    noteStored(store.putArtifact(runId, QStringLiteral("curves"), QJsonDocument(curves).toJson(QJsonDocument::Compact)));
}

size_t trainingBytes(const AutoMLPlan &plan, const Learner &learner, const Params &params, size_t rows)
{
    const size_t cols = size_t(plan.allRows.featureNames().size());
    const int outputs = plan.all.labels.task == Task::Classification ? plan.all.labels.classes : 1;
    return rows * cols * sizeof(float) + learner.memoryBytes(rows, cols, params, outputs);
}

Status checkMemory(const AutoMLPlan &plan, const Learner &learner, const Params &params, size_t rows)
{
    const size_t limit = size_t(plan.profile.memoryMb) << 20;
    const size_t needed = trainingBytes(plan, learner, params, rows);
    if (limit == 0 || needed <= limit)
        return {};
    return Error{QStringLiteral("%1 on %2 rows needs about %3 MB, more than the %4 MB per trial of compute profile '%5'")
                     .arg(learner.name())
                     .arg(rows)
                     .arg((needed + (1 << 20) - 1) >> 20)
                     .arg(plan.profile.memoryMb)
                     .arg(plan.profile.name)};
}

TrialResult runTrial(Workspace &ws, const AutoMLPlan &plan, const AutoMLConfig &config, int index, const QString &runId,
                     const Candidate &candidate, const std::atomic<bool> &cancel, DebugLog &log,
                     const std::function<void()> &started, const TrialOptions &options)
{
    RunStore store(ws);
    if (cancel.load()) {
        TrialResult r;
        r.index = index;
        r.runId = runId;
        r.algorithm = candidate.learner;
        r.params = candidate.params;
        r.status = RunStatus::Canceled;
        noteStored(store.setStatus(runId, r.status));
        return r;
    }
    noteStored(store.setStatus(runId, RunStatus::Running));
    if (started)
        started();
    TrialResult r = computeTrial(plan, config, index, runId, candidate, cancel, log, options);
    recordTrial(store, plan, r);
    return r;
}

void recordTrial(RunStore &store, const AutoMLPlan &plan, const TrialResult &r)
{
    if (r.status == RunStatus::Completed) {
        noteStored(store.setMetrics(r.runId, r.metrics));
        if (r.outOfFold)
            recordPredictions(store, r.runId, plan, *r.outOfFold);
    }
    if (auto child = store.get(r.runId)) {
        QJsonObject config = child->config;
        config.insert(QStringLiteral("hyperparameters"), QJsonObject::fromVariantMap(r.params));
        config.insert(QStringLiteral("fidelity"), r.fidelity);
        noteStored(store.setConfig(r.runId, config));
    }
    noteStored(store.setStatus(r.runId, r.status, r.error));
}

TrialResult computeTrial(const AutoMLPlan &plan, const AutoMLConfig &config, int index, const QString &runId,
                         const Candidate &candidate, const std::atomic<bool> &cancel, DebugLog &log, const TrialOptions &options)
{
    TrialResult r;
    r.index = index;
    r.runId = runId;
    r.algorithm = candidate.learner;
    r.params = candidate.params;
    const int threads = options.threads > 0 ? options.threads : plan.profile.threadsPerTrial;
    log.write(QStringLiteral("trial %1 (%2) started: %3 %4%5")
                  .arg(index)
                  .arg(runId, candidate.learner,
                       QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(candidate.params)).toJson(QJsonDocument::Compact)),
                       options.predictedSeconds >= 0
                           ? QStringLiteral(" (predicted %1 s on %2 thread%3%4)")
                                 .arg(options.predictedSeconds, 0, 'f', 2)
                                 .arg(threads)
                                 .arg(threads == 1 ? QString() : QStringLiteral("s"))
                                 .arg(options.softDeadline.isForever() ? QString()
                                                                       : QStringLiteral(", its share ends in %1 s")
                                                                             .arg(double(options.softDeadline.remainingTime()) / 1000.0, 0, 'f', 1))
                           : QString()));
    QElapsedTimer timer;
    timer.start();
    FitControl control;
    control.threads = threads;
    control.softDeadline = options.softDeadline;
    control.earlyStoppingRounds = options.earlyStoppingRounds;
    control.minSteps = options.minSteps;
    control.seed = config.seed + quint64(index);
    control.cancel = &cancel;
    if (config.trialTimeoutSeconds > 0)
        control.deadline = QDeadlineTimer(qint64(config.trialTimeoutSeconds) * 1000);
    const std::vector<int> &folds = options.folds ? *options.folds : plan.folds;
    const size_t trainedRows = options.folds ? options.trainedRows : plan.trainedRows;
    const auto learner = makeLearner(candidate.learner, config.task);
    Result<CrossValidationResult> cv = Error{QStringLiteral("no learner named '%1'").arg(candidate.learner)};
    if (learner) {
        if (Status fits = checkMemory(plan, *learner, candidate.params, trainedRows); !fits) {
            cv = fits.error();
        } else {
            try {
                cv = crossValidate(plan.table, plan.label, plan.search, folds, *learner, candidate.params,
                                   config.featurizationMode(), control);
            } catch (const std::exception &e) {
                // A learner that throws (out of memory, a library's own error) fails its trial alone.
                cv = Error{QStringLiteral("%1 failed: %2").arg(candidate.learner, QString::fromLocal8Bit(e.what()))};
            }
        }
    }
    r.seconds = double(timer.elapsed()) / 1000.0;
    r.fidelity = {{QStringLiteral("rows"), qint64(trainedRows)}, {QStringLiteral("threads"), threads}};
    if (options.rung >= 0) {
        r.fidelity.insert(QStringLiteral("rung"), options.rung);
        r.fidelity.insert(QStringLiteral("rungs"), options.rungs);
        r.fidelity.insert(QStringLiteral("promoted_from"), options.promotedFrom);
    }
    if (options.predictedSeconds >= 0) {
        r.fidelity.insert(QStringLiteral("predicted_seconds"), options.predictedSeconds);
        r.fidelity.insert(QStringLiteral("refit_reserve_seconds"), options.refitReserveSeconds);
        r.fidelity.insert(QStringLiteral("seconds_left"), options.secondsLeft);
        r.fidelity.insert(QStringLiteral("forced"), options.forced);
    }
    if (cv && cv->fidelity.planned > 0) {
        r.fidelity.insert(QStringLiteral("n_estimators_planned"), cv->fidelity.planned);
        r.fidelity.insert(QStringLiteral("n_estimators_reached"), cv->fidelity.reached);
        r.fidelity.insert(QStringLiteral("early_stopped"), cv->fidelity.earlyStopped);
        r.fidelity.insert(QStringLiteral("time_stopped"), cv->fidelity.timeStopped);
        const QString steps = CostModel::sizeParameter(candidate.learner);
        if (!steps.isEmpty() && cv->fidelity.reached > 0 && cv->fidelity.reached < cv->fidelity.planned)
            r.params.insert(steps, cv->fidelity.reached); // what the refit grows
    }
    if (cv && !cancel.load()) {
        r.status = RunStatus::Completed;
        r.metrics = cv->metrics;
        r.outOfFold = std::make_shared<const std::vector<double>>(std::move(cv->outOfFold));
    } else if (cancel.load()) {
        r.status = RunStatus::Canceled;
    } else {
        r.status = RunStatus::Failed;
        r.error = control.deadline.hasExpired()
            ? QStringLiteral("trial timeout: stopped after %1 s").arg(config.trialTimeoutSeconds)
            : cv.message();
    }
    log.write(QStringLiteral("trial %1 %2 after %3 s%4%5")
                  .arg(index)
                  .arg(runStatusName(r.status))
                  .arg(r.seconds, 0, 'f', 2)
                  .arg(r.status == RunStatus::Completed
                           ? QStringLiteral(": %1 = %2").arg(config.metric()).arg(r.metrics.value(config.metric()), 0, 'f', 5)
                           : r.error.isEmpty() ? QString() : QStringLiteral(": ") + r.error,
                       r.fidelity.contains(QStringLiteral("n_estimators_reached"))
                           ? QStringLiteral(" (%1 of %2 %3%4)")
                                 .arg(r.fidelity.value(QStringLiteral("n_estimators_reached")).toInt())
                                 .arg(r.fidelity.value(QStringLiteral("n_estimators_planned")).toInt())
                                 .arg(candidate.learner.startsWith(QLatin1String("XGBoost")) ? QStringLiteral("rounds") : QStringLiteral("trees"))
                                 .arg(r.fidelity.value(QStringLiteral("early_stopped")).toBool()   ? QStringLiteral(", early stopped")
                                      : r.fidelity.value(QStringLiteral("time_stopped")).toBool() ? QStringLiteral(", its share of time spent")
                                                                                                  : QString())
                           : QString()));
    return r;
}

} // namespace stratus::ml
