#pragma once
// Search: which trial comes next in an AutoML run.
//
// First a portfolio of strong defaults (a few settings of each allowed
// learner, the usual winners first). Then model-based global optimisation
// over every allowed learner's hyperparameter space at once, with dlib's
// global_function_search — the engine of find_max_global: it keeps an upper
// bound of each learner's score surface and a trust region around its best
// point, and gives the next trial to the learner whose bound is highest, so
// the budget is shared out by how promising each learner has shown itself.
//
// next() is a pure function of the scores told and the trial index (the seed
// of that step), so a run that tells the same scores gets the same trials.

#include "ml/learners/Learner.h"

#include <QList>
#include <QStringList>

namespace stratus::ml {

struct Candidate {
    QString learner;
    Params params;
};

struct Observation {
    Candidate candidate;
    double score = 0; // higher is better; NaN for a failed trial
};

class Search {
public:
    // Default: the portfolio above, for any data. LargeData: a portfolio for
    // a time budget on many rows (AutoMLRun's large-data regime), cheap and
    // strong first: XGBoost at learning rate 0.1 and depth 6 with its rounds
    // chosen by early stopping, a linear model, then deeper and slower boosting
    // and forests sized to the time left.
    enum class Regime { Default, LargeData };
    // requires: learners are names known to the learner registry for task.
    Search(Task task, QStringList learners, quint64 seed, Regime regime = Regime::Default);

    // The portfolio's candidates, tried first, in order.
    const QList<Candidate> &portfolio() const { return m_portfolio; }
    // The candidate for trial `index` (at or after the portfolio), from the
    // scores told so far.
    Candidate next(int index, const QList<Observation> &told) const;

private:
    Task m_task;
    QStringList m_learners;
    quint64 m_seed;
    QList<Candidate> m_portfolio;
};

} // namespace stratus::ml
