#pragma once
// XGBoostClassifier / XGBoostRegressor: gradient-boosted trees through
// XGBoost's C API, one boosting round at a time so that a trial stops between
// rounds when canceled or out of time.
//
// Hyperparameters: n_estimators, learning_rate, max_depth, min_child_weight,
// subsample, colsample_bytree, reg_lambda, reg_alpha, gamma.
//
// As RandomForest (Flavor::RandomForest) it grows n_estimators trees, each on
// a bootstrap-like subsample of rows with max_features of the features per
// split (XGBoost's random-forest mode) — on large data (a million feature
// values or more) in at least eight chunks of at most 25 trees (one booster
// each, predictions averaged) so that a trial can stop between chunks;
// as boosting (XGBoostClassifier/Regressor), with FitControl's validation
// rows it chooses its rounds by early stopping and keeps the best (what
// FitControl::report says);
// hyperparameters n_estimators, max_depth, min_child_weight, max_features,
// subsample.

#include "ml/learners/Learner.h"

namespace stratus::ml {

class XGBoostLearner : public Learner {
public:
    QString name() const override;
    Params defaults(Task task) const override;
    Space space(Task task) const override;
    // Its own copy of the features, their quantile bins, and per-row gradients.
    size_t memoryBytes(size_t rows, size_t cols, const Params &, int outputs) const override
    {
        return rows * cols * 6 + rows * size_t(outputs) * 24;
    }
    Result<std::unique_ptr<Model>> fit(const FeatureMatrix &x, const Labels &y, const Params &params,
                                       const FitControl &control) const override;
    // A model saved by serialize().
    static Result<std::unique_ptr<Model>> load(const QByteArray &bytes);

    enum class Flavor { Boosting, RandomForest };
    explicit XGBoostLearner(Task task = Task::Classification, Flavor flavor = Flavor::Boosting)
        : m_task(task), m_flavor(flavor)
    {
    }

private:
    Task m_task;
    Flavor m_flavor;
};

} // namespace stratus::ml
