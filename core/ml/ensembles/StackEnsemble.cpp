#include "ml/ensembles/StackEnsemble.h"

#include "ml/learners/Learners.h"
#include "ml/sampling/Folds.h"

#include <algorithm>
#include <cmath>

namespace stratus::ml {

FeatureMatrix stackFeatures(const std::vector<const std::vector<double> *> &predictions, int classes, size_t rows)
{
    const size_t width = classes == 0 ? 1 : size_t(classes);
    const size_t used = classes == 2 ? 1 : width; // two classes: the positive one says it all
    FeatureMatrix x;
    x.rows = rows;
    x.cols = predictions.size() * used;
    x.values.resize(x.rows * x.cols);
    for (size_t r = 0; r < rows; ++r) {
        for (size_t m = 0; m < predictions.size(); ++m) {
            for (size_t c = 0; c < used; ++c) {
                double v = (*predictions[m])[r * width + (classes == 2 ? 1 : c)];
                if (classes > 0) {
                    const double p = std::clamp(v, 1e-6, 1 - 1e-6);
                    v = std::log(p / (1 - p));
                }
                x.values[r * x.cols + m * used + c] = float(v);
            }
        }
    }
    return x;
}

Result<StackFit> fitStack(const std::vector<const std::vector<double> *> &predictions, const Labels &labels,
                          const std::vector<int> &givenFolds, quint64 seed)
{
    const bool classification = labels.task == Task::Classification;
    const size_t rows = labels.values.size();
    const FeatureMatrix x = stackFeatures(predictions, classification ? labels.classes : 0, rows);
    StackFit fit;
    fit.metaAlgorithm = classification ? QStringLiteral("LogisticRegression") : QStringLiteral("ElasticNet");
    fit.metaParams = classification ? Params{{QStringLiteral("C"), 1.0}}
                                    : Params{{QStringLiteral("alpha"), 1e-3}, {QStringLiteral("l1_ratio"), 0.0}};
    const auto learner = makeLearner(fit.metaAlgorithm, labels.task);
    std::vector<int> folds = givenFolds;
    if (std::all_of(folds.begin(), folds.end(), [&](int f) { return f == folds.front(); })) {
        folds = classification ? stratifiedFolds(std::vector<int>(labels.values.begin(), labels.values.end()), 5, seed)
                               : kFolds(rows, 5, seed);
    }
    const int k = *std::max_element(folds.begin(), folds.end()) + 1;
    const size_t width = classification ? size_t(labels.classes) : 1;
    fit.outOfFold.assign(rows * width, 0.0);
    FitControl control;
    control.seed = seed;
    for (int f = 0; f < k; ++f) {
        FeatureMatrix train, valid;
        train.cols = valid.cols = x.cols;
        Labels trainLabels = labels;
        trainLabels.values.clear();
        std::vector<size_t> validRows;
        for (size_t r = 0; r < rows; ++r) {
            FeatureMatrix &into = folds[r] == f ? valid : train;
            into.values.insert(into.values.end(), x.values.begin() + long(r * x.cols), x.values.begin() + long((r + 1) * x.cols));
            ++into.rows;
            if (folds[r] == f)
                validRows.push_back(r);
            else
                trainLabels.values.push_back(labels.values[r]);
        }
        if (validRows.empty())
            continue;
        auto model = learner->fit(train, trainLabels, fit.metaParams, control);
        if (!model)
            return Error{QStringLiteral("StackEnsemble: ") + model.message()};
        const std::vector<double> p = (*model)->predict(valid);
        for (size_t j = 0; j < validRows.size(); ++j)
            std::copy_n(p.begin() + long(j * width), width, fit.outOfFold.begin() + long(validRows[j] * width));
    }
    auto meta = learner->fit(x, labels, fit.metaParams, control);
    if (!meta)
        return Error{QStringLiteral("StackEnsemble: ") + meta.message()};
    fit.meta = std::move(*meta);
    return fit;
}

} // namespace stratus::ml
