#include "ml/automl/Search.h"

#include "ml/learners/Learners.h"

#include <cmath>
#include <dlib/global_optimization.h>

namespace stratus::ml {

namespace {

Params xgb(int depth, int rounds, double eta, double subsample = 0.8, double colsample = 0.8, double childWeight = 1)
{
    return {{QStringLiteral("max_depth"), depth},         {QStringLiteral("n_estimators"), rounds},
            {QStringLiteral("learning_rate"), eta},       {QStringLiteral("subsample"), subsample},
            {QStringLiteral("colsample_bytree"), colsample}, {QStringLiteral("min_child_weight"), childWeight}};
}

Params rf(int trees, int depth, double features, double childWeight)
{
    return {{QStringLiteral("n_estimators"), trees}, {QStringLiteral("max_depth"), depth},
            {QStringLiteral("max_features"), features}, {QStringLiteral("min_child_weight"), childWeight},
            {QStringLiteral("subsample"), 0.632}};
}

Params et(int trees, double features, int leaf)
{
    return {{QStringLiteral("n_estimators"), trees}, {QStringLiteral("max_features"), features},
            {QStringLiteral("min_samples_leaf"), leaf}, {QStringLiteral("max_depth"), 0}};
}

Params one(const char *name, double value)
{
    return {{QLatin1String(name), value}};
}

// Strong defaults, the usual winners on tabular data first. "boost" stands
// for the task's XGBoost learner; learners of the other task are skipped.
QList<Candidate> defaults(Task task)
{
    const QString boost = task == Task::Classification ? QStringLiteral("XGBoostClassifier") : QStringLiteral("XGBoostRegressor");
    const QString forest = QStringLiteral("RandomForest"), extra = QStringLiteral("ExtremeRandomTrees");
    const QString mlp = QStringLiteral("MLP"), knn = QStringLiteral("KNN");
    const Params smallNet{{QStringLiteral("hidden_units"), 16}, {QStringLiteral("alpha"), 0.1},
                          {QStringLiteral("learning_rate"), 3e-3}, {QStringLiteral("epochs"), 100}};
    return {{boost, xgb(4, 200, 0.05)},
            // Deep trees on a third of the features per split for classes (about
            // scikit-learn's sqrt rule on a dozen features), most of them for values.
            {forest, rf(500, 20, task == Task::Classification ? 0.3 : 0.7, 1)},
            {extra, et(300, 0.5, 2)},
            {QStringLiteral("LogisticRegression"), one("C", 1.0)},
            {QStringLiteral("ElasticNet"), {{QStringLiteral("alpha"), 0.01}, {QStringLiteral("l1_ratio"), 0.5}}},
            {QStringLiteral("SVM"), {{QStringLiteral("C"), 1.0}, {QStringLiteral("gamma_scale"), 1.0}}},
            {QStringLiteral("KernelRidge"), {{QStringLiteral("alpha"), 1.0}, {QStringLiteral("gamma_scale"), 1.0}}},
            {boost, xgb(2, 400, 0.05)},
            {forest, rf(300, 12, 0.3, 2)},
            {extra, et(500, 0.3, 5)},
            {QStringLiteral("LinearSVM"), one("C", 0.1)},
            {knn, {{QStringLiteral("n_neighbors"), 25}, {QStringLiteral("distance_weighted"), 1}}},
            {mlp, smallNet},
            {QStringLiteral("BernoulliNaiveBayes"), one("alpha", 1.0)},
            {boost, xgb(6, 150, 0.05, 0.7, 0.7, 2)},
            {QStringLiteral("LogisticRegression"), one("C", 0.1)},
            {QStringLiteral("ElasticNet"), {{QStringLiteral("alpha"), 0.1}, {QStringLiteral("l1_ratio"), 0.1}}},
            {boost, xgb(3, 600, 0.02, 0.8, 0.6)}};
}

// On large data under a time budget (Search::Regime::LargeData): cheap and
// strong first, then growing. Boosted trees get many rounds and a fast
// learning rate, their rounds chosen by early stopping; forests are sized to
// their share of the time by the scheduler (CostModel::shrinkToFit).
QList<Candidate> largeDataDefaults(Task task)
{
    const QString boost = task == Task::Classification ? QStringLiteral("XGBoostClassifier") : QStringLiteral("XGBoostRegressor");
    const QString linear = task == Task::Classification ? QStringLiteral("LogisticRegression") : QStringLiteral("ElasticNet");
    const Params linearParams = task == Task::Classification
                                    ? one("C", 1.0)
                                    : Params{{QStringLiteral("alpha"), 0.01}, {QStringLiteral("l1_ratio"), 0.5}};
    return {{boost, xgb(6, 1000, 0.1, 0.8, 0.8, 1)},
            {linear, linearParams},
            {boost, xgb(8, 2000, 0.05, 0.8, 0.6, 2)},
            {QStringLiteral("ExtremeRandomTrees"), et(300, 0.5, 2)},
            {boost, xgb(4, 2000, 0.1, 0.9, 0.9, 1)},
            // Regression trees grow to single rows at depth 20: bounded here.
            {QStringLiteral("RandomForest"), task == Task::Classification ? rf(300, 20, 0.3, 1) : rf(300, 14, 0.7, 5)},
            {boost, xgb(10, 3000, 0.03, 0.7, 0.5, 4)},
            {QStringLiteral("MLP"), {{QStringLiteral("hidden_units"), 32}, {QStringLiteral("alpha"), 1e-3},
                                     {QStringLiteral("learning_rate"), 3e-3}, {QStringLiteral("epochs"), 30}}},
            {boost, xgb(6, 4000, 0.02, 0.8, 0.7, 1)}};
}

double toAxis(const Dimension &d, double value)
{
    const double v = std::clamp(value, d.lo, d.hi);
    return d.log ? std::log(v) : v;
}

double fromAxis(const Dimension &d, double x)
{
    const double v = d.log ? std::exp(x) : x;
    return d.integer ? std::round(v) : v;
}

} // namespace

Search::Search(Task task, QStringList learners, quint64 seed, Regime regime)
    : m_task(task), m_learners(std::move(learners)), m_seed(seed)
{
    for (const Candidate &c : regime == Regime::LargeData ? largeDataDefaults(task) : defaults(task)) {
        if (m_learners.contains(c.learner))
            m_portfolio << c;
    }
}

Candidate Search::next(int index, const QList<Observation> &told) const
{
    std::vector<dlib::function_spec> specs;
    std::vector<Space> spaces;
    for (const QString &name : m_learners) {
        spaces.push_back(makeLearner(name, m_task)->space(m_task));
        dlib::matrix<double, 0, 1> lo(long(spaces.back().size())), hi(long(spaces.back().size()));
        std::vector<bool> integer;
        for (size_t i = 0; i < spaces.back().size(); ++i) {
            const Dimension &d = spaces.back()[i];
            lo(long(i)) = toAxis(d, d.lo);
            hi(long(i)) = toAxis(d, d.hi);
            // Integers on a log axis are rounded after exp(), not by dlib.
            integer.push_back(d.integer && !d.log);
        }
        specs.emplace_back(lo, hi, integer);
    }
    // A failed trial counts as the worst score seen, so the search moves away from it.
    double worst = INFINITY;
    for (const Observation &o : told) {
        if (std::isfinite(o.score))
            worst = std::min(worst, o.score);
    }
    std::vector<std::vector<dlib::function_evaluation>> evaluations(specs.size());
    for (const Observation &o : told) {
        const qsizetype which = m_learners.indexOf(o.candidate.learner);
        if (which < 0)
            continue;
        const Space &space = spaces[size_t(which)];
        dlib::matrix<double, 0, 1> x(long(space.size()));
        for (size_t i = 0; i < space.size(); ++i) {
            const Dimension &d = space[i];
            x(long(i)) = toAxis(d, o.candidate.params.value(d.name, (d.lo + d.hi) / 2).toDouble());
        }
        const double y = std::isfinite(o.score) ? o.score : (std::isfinite(worst) ? worst : 0.0);
        evaluations[size_t(which)].emplace_back(x, y);
    }
    dlib::global_function_search search(specs, evaluations);
    search.set_seed(time_t(m_seed * 7919 + quint64(index)));
    const auto request = search.get_next_x();
    const size_t which = request.function_idx();
    Candidate c{m_learners[qsizetype(which)], {}};
    const Space &space = spaces[which];
    for (size_t i = 0; i < space.size(); ++i)
        c.params.insert(space[i].name, fromAxis(space[i], request.x()(long(i))));
    return c;
}

} // namespace stratus::ml
