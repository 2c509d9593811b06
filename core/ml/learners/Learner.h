#pragma once
// Learner: one algorithm of the AutoML search (XGBoostClassifier,
// LogisticRegression, ...). fit() trains on a feature matrix and returns a
// Model, or an Error when the data or the hyperparameters do not suit it.
// Learners keep no state between fits and may be used from several threads.
//
// Model: a trained model. For classification predict() returns, per row, a
// probability for each class (row-major); for regression one value per row.

#include "common/Result.h"
#include "ml/featurize/Featurizer.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QVariantMap>
#include <atomic>
#include <limits>
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

// One dimension of a learner's hyperparameter space, searched between lo and
// hi (on a log scale when log is set; whole numbers when integer is set).
struct Dimension {
    QString name;
    double lo = 0, hi = 1;
    bool log = false;
    bool integer = false;
};
using Space = std::vector<Dimension>;

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
    virtual Params defaults(Task task) const = 0;
    // The hyperparameters the search tunes, with their ranges.
    virtual Space space(Task task) const = 0;
    // Learners whose cost grows with the square of the rows (kernels, nearest
    // neighbours) are not tried above this many training rows.
    virtual size_t maxRows() const { return std::numeric_limits<size_t>::max(); }
    // About how many bytes fit() needs besides the rows x cols features it is
    // given (outputs: classes, or 1 for regression): what a compute profile's
    // memory limit per trial is checked against.
    virtual size_t memoryBytes(size_t rows, size_t cols, const Params &params, int outputs) const
    {
        (void)params;
        (void)outputs;
        return rows * cols * sizeof(float);
    }
    virtual Result<std::unique_ptr<Model>> fit(const FeatureMatrix &x, const Labels &y, const Params &params,
                                               const FitControl &control) const = 0;
};

} // namespace stratus::ml
