#pragma once
// XGBoostClassifier / XGBoostRegressor: gradient-boosted trees through
// XGBoost's C API, one boosting round at a time so that a trial stops between
// rounds when canceled or out of time.
//
// Hyperparameters: n_estimators, learning_rate, max_depth, min_child_weight,
// subsample, colsample_bytree, reg_lambda, reg_alpha, gamma.

#include "Learner.h"

namespace stratus::ml {

class XGBoostLearner : public Learner {
public:
    QString name() const override;
    bool supports(Task) const override { return true; }
    Params defaults(Task task) const override;
    Result<std::unique_ptr<Model>> fit(const FeatureMatrix &x, const Labels &y, const Params &params,
                                       const FitControl &control) const override;
    // A model saved by serialize().
    static Result<std::unique_ptr<Model>> load(const QByteArray &bytes);

    explicit XGBoostLearner(Task task = Task::Classification) : m_task(task) {}

private:
    Task m_task;
};

} // namespace stratus::ml
