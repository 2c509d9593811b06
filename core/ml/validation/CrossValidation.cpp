#include "ml/validation/CrossValidation.h"

#include "ml/metrics/ClassificationMetrics.h"
#include "ml/metrics/RegressionMetrics.h"

#include <QElapsedTimer>
#include <algorithm>
#include <cmath>
#include <map>

namespace stratus::ml {

Result<LabelData> labelData(const DataTable &table, int label, Task task)
{
    if (label < 0 || label >= int(table.columns.size()))
        return Error{QStringLiteral("the label column does not exist")};
    const DataColumn &c = table.columns[size_t(label)];
    LabelData d;
    d.labels.task = task;
    if (task == Task::Regression) {
        if (!c.isNumeric())
            return Error{QStringLiteral("the label '%1' is not numeric, so it cannot be regressed").arg(c.name)};
        for (size_t r = 0; r < table.rowCount; ++r) {
            if (c.isMissing(r)) {
                ++d.droppedMissing;
                continue;
            }
            d.rows.push_back(r);
            d.labels.values.push_back(float(c.numbers[r]));
        }
        d.labels.classes = 0;
        return d;
    }
    // A class is the value as the column writes it; a boolean written 0/1 answers false/true.
    const auto className = [&c](size_t r) {
        return c.type == ColumnType::Boolean ? c.spelling.answer(c.numbers[r] != 0) : c.display(r);
    };
    std::map<QString, int> classes;
    for (size_t r = 0; r < table.rowCount; ++r) {
        if (!c.isMissing(r))
            classes.emplace(className(r), 0);
    }
    if (classes.size() < 2)
        return Error{QStringLiteral("the label '%1' has fewer than two classes").arg(c.name)};
    int next = 0;
    for (auto &[name, index] : classes) {
        index = next++;
        d.classNames << name;
    }
    for (size_t r = 0; r < table.rowCount; ++r) {
        if (c.isMissing(r)) {
            ++d.droppedMissing;
            continue;
        }
        d.rows.push_back(r);
        d.labels.values.push_back(float(classes[className(r)]));
    }
    d.labels.classes = int(classes.size());
    return d;
}

Labels validatedLabels(const LabelData &data, const std::vector<int> &folds)
{
    Labels out = data.labels;
    out.values.clear();
    for (size_t i = 0; i < folds.size(); ++i) {
        if (folds[i] >= 0)
            out.values.push_back(data.labels.values[i]);
    }
    return out;
}

Result<CrossValidationResult> crossValidate(const DataTable &table, int label, const LabelData &data,
                                            const std::vector<int> &folds, const Learner &learner,
                                            const Params &params, Featurizer::Mode mode, const FitControl &control)
{
    const int k = folds.empty() ? 0 : *std::max_element(folds.begin(), folds.end()) + 1;
    const bool classification = data.labels.task == Task::Classification;
    const size_t width = classification ? size_t(data.labels.classes) : 1;
    // Where each validated row's predictions go.
    std::vector<size_t> slot(folds.size(), 0);
    size_t validated = 0;
    for (size_t i = 0; i < folds.size(); ++i) {
        if (folds[i] >= 0)
            slot[i] = validated++;
    }
    CrossValidationResult result;
    result.outOfFold.assign(validated * width, 0.0);
    QElapsedTimer clock;
    qint64 fitNs = 0, predictNs = 0;
    size_t predictedRows = 0;
    // A soft deadline (a trial's share of an AutoML budget) is shared out
    // evenly between the folds, so that every fold keeps a model.
    const qint64 softLeft = control.softDeadline.isForever() ? -1 : control.softDeadline.remainingTime();
    QElapsedTimer started;
    started.start();
    int plannedMax = 0;
    double reachedSum = 0;
    int reports = 0;
    for (int f = 0; f < k; ++f) {
        if (control.failed())
            return Error{QStringLiteral("stopped before fold %1 of %2").arg(f + 1).arg(k)};
        std::vector<size_t> trainRows, validRows, validIndex;
        Labels trainLabels = data.labels;
        trainLabels.values.clear();
        Labels validLabels = data.labels;
        validLabels.values.clear();
        for (size_t i = 0; i < data.rows.size(); ++i) {
            if (folds[i] == f) {
                validRows.push_back(data.rows[i]);
                validIndex.push_back(slot[i]);
                validLabels.values.push_back(data.labels.values[i]);
            } else if (folds[i] >= -1) { // -2: left out (a subsample's)
                trainRows.push_back(data.rows[i]);
                trainLabels.values.push_back(data.labels.values[i]);
            }
        }
        Featurizer featurizer;
        featurizer.fit(table, label, trainRows, mode);
        if (featurizer.featureNames().isEmpty())
            return Error{QStringLiteral("featurization left no feature to learn from")};
        const FeatureMatrix validX = featurizer.transform(table, validRows);
        FitControl foldControl = control;
        FitReport report;
        foldControl.report = &report;
        if (softLeft >= 0)
            foldControl.softDeadline = QDeadlineTimer(std::max<qint64>(0, softLeft * (f + 1) / k - started.elapsed()));
        if (control.earlyStoppingRounds > 0) {
            foldControl.validX = &validX;
            foldControl.validY = &validLabels;
        }
        clock.start();
        auto model = learner.fit(featurizer.transform(table, trainRows), trainLabels, params, foldControl);
        fitNs += clock.nsecsElapsed();
        if (!model)
            return model.error();
        if (report.planned > 0) {
            plannedMax = std::max(plannedMax, report.planned);
            reachedSum += report.reached;
            ++reports;
            result.fidelity.earlyStopped = result.fidelity.earlyStopped || report.earlyStopped;
            result.fidelity.timeStopped = result.fidelity.timeStopped || report.timeStopped;
        }
        clock.start();
        const std::vector<double> predicted = (*model)->predict(validX);
        predictNs += clock.nsecsElapsed();
        predictedRows += validRows.size();
        if (predicted.size() != validRows.size() * width)
            return Error{QStringLiteral("%1 predicted %2 values for %3 rows").arg(learner.name()).arg(predicted.size()).arg(validRows.size())};
        for (size_t j = 0; j < validIndex.size(); ++j)
            std::copy_n(predicted.begin() + long(j * width), width, result.outOfFold.begin() + long(validIndex[j] * width));
    }
    if (reports > 0) {
        result.fidelity.planned = plannedMax;
        result.fidelity.reached = int(std::lround(reachedSum / reports));
    }
    const Labels scored = validatedLabels(data, folds);
    if (classification) {
        std::vector<int> labels(scored.values.begin(), scored.values.end());
        result.metrics = classificationMetrics(labels, result.outOfFold, data.labels.classes);
    } else {
        std::vector<double> truth(scored.values.begin(), scored.values.end());
        result.metrics = regressionMetrics(truth, result.outOfFold);
    }
    result.metrics.insert(kFitTimeMetric, double(fitNs) / 1e9);
    result.metrics.insert(kPredictTimeMetric, predictedRows ? double(predictNs) / 1e9 / double(predictedRows) : 0.0);
    return result;
}

} // namespace stratus::ml
