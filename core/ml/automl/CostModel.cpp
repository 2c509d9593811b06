#include "ml/automl/CostModel.h"

#include "ml/learners/Learners.h"

#include <cmath>

namespace stratus::ml {

namespace {

Params withDefaults(const Candidate &c)
{
    const Task task = c.learner == QLatin1String("XGBoostRegressor") || c.learner == QLatin1String("ElasticNet")
                              || c.learner == QLatin1String("KernelRidge")
                          ? Task::Regression
                          : Task::Classification;
    auto learner = makeLearner(c.learner, task);
    Params p = learner ? learner->defaults(task) : Params{};
    for (auto it = c.params.cbegin(); it != c.params.cend(); ++it)
        p.insert(it.key(), it.value());
    return p;
}

double number(const Params &p, const char *name, double fallback)
{
    const QVariant v = p.value(QLatin1String(name));
    return v.isValid() ? v.toDouble() : fallback;
}

// One histogram tree of XGBoost's hist method (seconds, one thread). A node
// needs min_child_weight of hessian: a row gives at most 0.25 under the
// logistic loss (nodes of about 16 rows at 1), 1 under squared error (2 rows).
double histTree(double rows, double cols, double depth, double childWeight, bool regression)
{
    const double levels = std::min(depth, std::log2(std::max(rows, 2.0)));
    const double nodes = std::min(std::pow(2.0, depth), rows / ((regression ? 2.0 : 16.0) * std::max(childWeight, 0.5)));
    // Deep regression trees split down to a row or two: tens of thousands of
    // nodes, each far dearer (a 20-deep tree on 45,000 rows and 40 features
    // took 23 s).
    const double perNode = regression && depth > 10 ? 2.5e-5 : 1.3e-6;
    return cols * (7e-10 * rows * levels + perNode * std::max(nodes, 1.0));
}

double speedup(const QString &learner, int threads)
{
    if (threads <= 1)
        return 1.0;
    if (learner.startsWith(QLatin1String("XGBoost")) || learner == QLatin1String("RandomForest"))
        return std::pow(double(threads), 0.6);
    if (learner == QLatin1String("ExtremeRandomTrees"))
        return std::pow(double(threads), 0.95);
    return 1.0;
}

} // namespace

QString CostModel::sizeParameter(const QString &learner)
{
    if (learner.startsWith(QLatin1String("XGBoost")) || learner == QLatin1String("RandomForest")
        || learner == QLatin1String("ExtremeRandomTrees"))
        return QStringLiteral("n_estimators");
    if (learner == QLatin1String("MLP"))
        return QStringLiteral("epochs");
    return {};
}

double CostModel::formula(const Candidate &c, const TrialShape &s)
{
    const Params p = withDefaults(c);
    const double n = double(s.trainRows), v = double(s.validatedRows), m = double(std::max<size_t>(s.features, 1));
    const double outputs = std::max(s.outputs, 1);
    const QString &name = c.learner;
    double fit = 0;
    if (name.startsWith(QLatin1String("XGBoost"))) {
        const double trees = outputs > 2 ? outputs : 1.0;
        fit = number(p, "n_estimators", 100) * trees
              * histTree(n * number(p, "subsample", 1.0), m * number(p, "colsample_bytree", 1.0),
                         number(p, "max_depth", 6), number(p, "min_child_weight", 1), s.outputs == 1);
    } else if (name == QLatin1String("RandomForest")) {
        const double trees = outputs > 2 ? outputs : 1.0;
        fit = number(p, "n_estimators", 100) * trees
              * histTree(n * number(p, "subsample", 0.632), m, number(p, "max_depth", 20), number(p, "min_child_weight", 1),
                         s.outputs == 1);
    } else if (name == QLatin1String("ExtremeRandomTrees")) {
        const double leaf = std::max(number(p, "min_samples_leaf", 1), 1.0);
        fit = number(p, "n_estimators", 100) * 7e-9 * n * std::log2(std::max(n / leaf, 2.0))
              * std::max(1.0, number(p, "max_features", 0.5) * m);
    } else if (name == QLatin1String("MLP")) {
        fit = number(p, "epochs", 60) * 6e-9 * n * number(p, "hidden_units", 16) * (m + outputs);
    } else if (name == QLatin1String("BernoulliNaiveBayes")) {
        fit = 2e-8 * n * m;
    } else if (name == QLatin1String("KNN")) {
        fit = 2e-9 * v * n * m;
    } else if (name == QLatin1String("SVM") || name == QLatin1String("KernelRidge")) {
        fit = 2e-9 * n * n * m + n * n * n / 3e9;
    } else { // LogisticRegression, ElasticNet, LinearSVM
        fit = 1.3e-7 * n * m * (outputs > 2 ? outputs : 1.0);
    }
    const double overhead = 5e-8 * (n + v) * m;
    return double(std::max(s.fits, 1)) * (fit / speedup(name, s.threads) + overhead);
}

double CostModel::factor(const QString &learner) const
{
    auto mean = [](const QList<double> &logs) {
        double sum = 0;
        for (double l : logs)
            sum += l;
        return std::exp(sum / double(logs.size()));
    };
    if (const auto it = m_ratios.constFind(learner); it != m_ratios.cend() && !it->isEmpty())
        return mean(*it);
    QList<double> all;
    for (const QList<double> &l : m_ratios)
        all += l;
    return all.isEmpty() ? 1.0 : mean(all);
}

double CostModel::predict(const Candidate &candidate, const TrialShape &shape) const
{
    return formula(candidate, shape) * factor(candidate.learner);
}

void CostModel::observe(const Candidate &candidate, const TrialShape &shape, double seconds)
{
    const double predicted = formula(candidate, shape);
    if (predicted > 0 && seconds > 0)
        m_ratios[candidate.learner].append(std::log(seconds / predicted));
}

Candidate CostModel::smallest(const Candidate &candidate)
{
    const QString parameter = sizeParameter(candidate.learner);
    if (parameter.isEmpty())
        return candidate;
    // Boosting cut to fewer than about 10 / learning_rate rounds is underfit
    // (at 0.1, a hundred rounds).
    int least = 16;
    if (parameter == QLatin1String("epochs"))
        least = 5;
    else if (candidate.learner.startsWith(QLatin1String("XGBoost")))
        least = qMax(20, int(std::ceil(10.0 / std::max(number(withDefaults(candidate), "learning_rate", 0.3), 1e-3))));
    Candidate c = candidate;
    c.params.insert(parameter, qMin(least, qMax(1, withDefaults(candidate).value(parameter).toInt())));
    return c;
}

std::optional<Candidate> CostModel::shrinkToFit(const Candidate &candidate, double seconds,
                                                const std::function<double(const Candidate &)> &cost)
{
    if (cost(candidate) <= seconds)
        return candidate;
    const QString parameter = sizeParameter(candidate.learner);
    if (parameter.isEmpty())
        return std::nullopt;
    Candidate c = smallest(candidate);
    if (cost(c) > seconds)
        return std::nullopt;
    const int least = c.params.value(parameter).toInt();
    // Cost grows with the steps: the largest that fits, by bisection.
    int lo = least, hi = qMax(least, withDefaults(candidate).value(parameter).toInt());
    while (hi - lo > 1) {
        const int mid = (lo + hi) / 2;
        c.params.insert(parameter, mid);
        (cost(c) <= seconds ? lo : hi) = mid;
    }
    c.params.insert(parameter, lo);
    return c;
}

} // namespace stratus::ml
