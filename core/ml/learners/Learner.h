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

// What a fit reached (filled in by learners that grow in steps): the rounds
// or trees it was asked for, those it kept, and why it stopped short.
struct FitReport {
    int planned = 0;           // n_estimators (rounds or trees) asked for; 0: not a learner that grows
    int reached = 0;           // rounds or trees kept in the model
    bool earlyStopped = false; // boosting: the validation loss stopped improving (best round kept)
    bool timeStopped = false;  // its share of time (FitControl::softDeadline) was spent
};

struct FitControl {
    int threads = 1;
    quint64 seed = 0;
    const std::atomic<bool> *cancel = nullptr;
    // Past this the fit has failed (a trial timeout): learners stop, callers discard.
    QDeadlineTimer deadline = QDeadlineTimer::Forever;
    // Past this a learner that grows in steps (boosting rounds, forest trees)
    // stops and keeps what it has grown: the trial's share of an AutoML budget.
    QDeadlineTimer softDeadline = QDeadlineTimer::Forever;
    // Boosting: with validation rows given, the rounds are chosen by early
    // stopping (XGBoost's early_stopping_rounds): training stops once the
    // validation loss (logloss, mlogloss or rmse) has not improved for this
    // many rounds, and the model keeps the rounds up to its best.
    const FeatureMatrix *validX = nullptr;
    const Labels *validY = nullptr;
    int earlyStoppingRounds = 0;
    FitReport *report = nullptr; // where a learner says what it reached (may be null)
    // The soft deadline does not stop a fit before this many steps (rounds,
    // trees, epochs): the smallest useful size of a run's first trial.
    int minSteps = 0;

    // Learners check this between iterations (having done `steps` of them)
    // and stop early when it is true.
    bool shouldStop(int steps = std::numeric_limits<int>::max()) const
    {
        return (cancel && cancel->load()) || deadline.hasExpired() || (steps >= minSteps && softDeadline.hasExpired());
    }
    // The fit must be thrown away (canceled, or past its hard deadline).
    bool failed() const { return (cancel && cancel->load()) || deadline.hasExpired(); }
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
