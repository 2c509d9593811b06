#pragma once
// Recommendation: which model an AutoML run hands back, its rank on the
// leaderboard, and why, in words — what the run page's header and
// `stratus-cli automl` say, from what the run recorded ("best_child_run_id"
// and "best_reason" in its config; see AutoMLRun::chooseWinner). The
// sentence is translated (the CLI's stays English: it loads no translation).
//
// Reasons: the BestOfFamilyEnsemble is recommended when the top-ranked model
// is not ahead of it by more than three standard errors of their paired
// difference (its equal weights are not fitted on the validation rows, so its
// score is not flattered by the choice among many trials); otherwise the
// top-ranked model; a model further down when refitting the top one would not
// fit the time left; the best completed trial of a canceled or interrupted run.

#include "registry/Run.h"

#include <QList>

namespace stratus::ml {

struct Recommendation {
    QString runId, algorithm;      // empty when the run hands back nothing
    int rank = 0;                  // 1 = the top of the leaderboard
    int ranked = 0;                // completed children with a score
    double score = 0;
    QString topRunId, topAlgorithm;
    double topScore = 0;
    QString metric;
    QString sentence;              // why, in one or two sentences

    bool isTop() const { return !runId.isEmpty() && runId == topRunId; }
};

// requires: children are `parent`'s, in the order the run made them.
Recommendation recommendation(const Run &parent, const QList<Run> &children);

// Why a run stopped starting trials, in a sentence (its "end_reason": the
// experiment timeout, the trial limit, early stopping after how many trials
// without improvement, the exit score, a cancel); empty while it runs or when
// the run did not record it.
QString endSentence(const Run &parent);

// What a budgeted run's scheduler did, in a sentence: how many candidates it
// did not start (predicted not to finish, with their refit, in the time
// left; the log and the parent's "scheduler" record list them) and the share
// of the budget's thread-seconds spent on trials that were canceled. Empty for
// runs without a time budget and while a run is going.
QString schedulerSentence(const Run &parent);

// How an AutoML run validates its trials, in a sentence ("10-fold stratified
// cross-validation over 299 rows"), translated, from its config
// ("validation_detail"; the stored English "validation" for older runs).
QString validationSentence(const QJsonObject &parentConfig);

} // namespace stratus::ml
