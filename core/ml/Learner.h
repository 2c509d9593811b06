#pragma once
// Learner: one algorithm of the AutoML search (XGBoostClassifier,
// LogisticRegression, ...). fit() trains on a feature matrix and returns a
// Model, or an Error when the data or the hyperparameters do not suit it.
// Learners keep no state between fits and may be used from several threads.
//
// Model: a trained model. For classification predict() returns, per row, a
// probability for each class (row-major); for regression one value per row.

#include "Featurizer.h"
#include "Result.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QVariantMap>
#include <atomic>
#include <memory>

namespace stratus::ml {

enum class Task { Classification, Regression };

struct Labels {
    Task task = Task::Classification;
    int classes = 2;           // classification: labels are 0..classes-1
    std::vector<float> values; // class index, or the target value
};

// Hyperparameters by name (numbers), as recorded in a child run's config.
using Params = QVariantMap;

struct FitControl {
    int threads = 1;
    quint64 seed = 0;
    const std::atomic<bool> *cancel = nullptr;
    QDeadlineTimer deadline = QDeadlineTimer::Forever;

    // Learners check this between iterations and stop early when it is true.
    bool shouldStop() const { return (cancel && cancel->load()) || deadline.hasExpired(); }
};

class Model {
public:
    virtual ~Model() = default;
    virtual std::vector<double> predict(const FeatureMatrix &x) const = 0;
    virtual QByteArray serialize() const = 0;
};

class Learner {
public:
    virtual ~Learner() = default;
    virtual QString name() const = 0;
    virtual bool supports(Task task) const = 0;
    virtual Params defaults(Task task) const = 0;
    virtual Result<std::unique_ptr<Model>> fit(const FeatureMatrix &x, const Labels &y, const Params &params,
                                               const FitControl &control) const = 0;
};

} // namespace stratus::ml
