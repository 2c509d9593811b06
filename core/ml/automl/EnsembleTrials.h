#pragma once
// The ensembles of an AutoML run as child runs: VotingEnsemble (Caruana
// selection with replacement over the best trials' out-of-fold predictions),
// StackEnsemble (a meta-learner on them) and BestOfFamilyEnsemble (the mean of
// the best trial of each of the strongest algorithms, equally weighted: no
// weight is fitted on the out-of-fold predictions, so its score is not
// inflated by the selection). buildEnsembles() does the work
// and records each ensemble in the workspace (child run, metrics, curves,
// predictions, the stack's meta-model); it runs on a pool thread, so that the
// thread owning the run (the studio's GUI thread) never waits for it.

#include "ml/automl/DebugLog.h"
#include "ml/automl/Trial.h"

namespace stratus::ml {

struct EnsembleRequest {
    Run child;                  // the child run template (parent, experiment, profile, dataset)
    QList<TrialResult> voting;  // the library for VotingEnsemble (empty: none)
    QList<TrialResult> stack;   // the library for StackEnsemble (empty: none)
    QList<TrialResult> families; // BestOfFamilyEnsemble's members: the best trial of each of the best algorithms (empty: none)
    TrialResult top;            // the best trial (the leaderboard's top before the ensembles)
    int firstIndex = 0;         // the iteration number of the first ensemble
};

// Returns the ensembles built and recorded, in order (each with its run id).
// The BestOfFamilyEnsemble is marked `recommended` unless the best of the rest
// (request.top and the other ensembles) beats it by more than three standard
// errors of their paired difference (a bootstrap over the validated rows):
// then the families are too unequal for an equal blend.
QList<TrialResult> buildEnsembles(Workspace &workspace, const AutoMLPlan &plan, const AutoMLConfig &config,
                                  const EnsembleRequest &request, DebugLog &log);

// The model a run hands back from its leaderboard (`board`, best first, not
// empty): the recommended BestOfFamilyEnsemble when there is one, else the
// top. `reason` gets why: {"code": "blend" | "top", "top": the top's run id,
// and the blend's comparison (gap, standard_error, against) or, when the
// blend was not recommended, blend_gap and blend_standard_error}.
TrialResult recommendedModel(QList<TrialResult> board, QJsonObject *reason);

} // namespace stratus::ml
