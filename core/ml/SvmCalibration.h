#pragma once
// Calibrated one-vs-rest for the SVMs: a binary scorer per class (one for two
// classes) whose decision values are turned into probabilities by Platt's
// sigmoid, fitted on out-of-fold decision values of three internal folds of
// the training rows (as scikit-learn's SVC(probability=True)), then the scorer
// is trained on all the training rows.

#include "Learner.h"

#include <QDataStream>
#include <cmath>
#include <functional>
#include <vector>

namespace stratus::ml {

struct Sigmoid {
    double a = -1, b = 0;
    double operator()(double score) const { return 1.0 / (1.0 + std::exp(a * score + b)); }
};

// Platt's sigmoid for decision values and their ±1 targets (dlib's
// learn_platt_scaling); the identity-like a = -1, b = 0 when a class is absent.
Sigmoid plattSigmoid(const std::vector<double> &scores, const std::vector<double> &targets);

// Rows of x as ±1 targets for class `positive`.
std::vector<double> oneVsRestTargets(const Labels &y, int positive);

// The calibrated scorers of each class. Train is
// Result<S>(const std::vector<size_t> &rows, const std::vector<double> &targets)
// and S has double score(const float *row) const.
template <class S, class Train>
Result<std::vector<std::pair<S, Sigmoid>>> calibratedOneVsRest(const FeatureMatrix &x, const Labels &y,
                                                              const std::vector<int> &internalFolds, Train train,
                                                              const FitControl &control)
{
    std::vector<std::pair<S, Sigmoid>> out;
    for (int positive = y.classes == 2 ? 1 : 0; positive < y.classes; ++positive) {
        const std::vector<double> targets = oneVsRestTargets(y, positive);
        std::vector<double> scores(x.rows, 0.0);
        for (int fold = 0; fold < 3; ++fold) {
            if (control.shouldStop())
                return Error{QStringLiteral("stopped")};
            std::vector<size_t> part, held;
            for (size_t r = 0; r < x.rows; ++r)
                (internalFolds[r] == fold ? held : part).push_back(r);
            auto scorer = train(part, targets);
            if (!scorer)
                return scorer.error();
            for (size_t r : held)
                scores[r] = scorer->score(x.values.data() + r * x.cols);
        }
        std::vector<size_t> all(x.rows);
        for (size_t r = 0; r < x.rows; ++r)
            all[r] = r;
        auto scorer = train(all, targets);
        if (!scorer)
            return scorer.error();
        out.emplace_back(std::move(*scorer), plattSigmoid(scores, targets));
    }
    return out;
}

// Class probabilities from the calibrated scores of one row (per class, or
// the positive class's alone for two classes).
void oneVsRestProbabilities(const std::vector<double> &calibrated, int classes, double *out);

QDataStream &operator<<(QDataStream &out, const Sigmoid &s);
QDataStream &operator>>(QDataStream &in, Sigmoid &s);

} // namespace stratus::ml
