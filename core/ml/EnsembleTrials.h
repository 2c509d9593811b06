#pragma once
// The ensembles of an AutoML run as child runs: VotingEnsemble (Caruana
// selection with replacement over the best trials' out-of-fold predictions)
// and StackEnsemble (a meta-learner on them). buildEnsembles() does the work
// and records each ensemble in the workspace (child run, metrics, curves,
// predictions, the stack's meta-model); it runs on a pool thread, so that the
// thread owning the run (the studio's GUI thread) never waits for it.

#include "DebugLog.h"
#include "Trial.h"

namespace stratus::ml {

struct EnsembleRequest {
    Run child;                  // the child run template (parent, experiment, profile, dataset)
    QList<TrialResult> voting;  // the library for VotingEnsemble (empty: none)
    QList<TrialResult> stack;   // the library for StackEnsemble (empty: none)
    int firstIndex = 0;         // the iteration number of the first ensemble
};

// Returns the ensembles built and recorded, in order (each with its run id).
QList<TrialResult> buildEnsembles(Workspace &workspace, const AutoMLPlan &plan, const AutoMLConfig &config,
                                  const EnsembleRequest &request, DebugLog &log);

} // namespace stratus::ml
