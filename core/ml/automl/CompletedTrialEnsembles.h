#pragma once
// The ensembles of a canceled or interrupted AutoML run, built afterwards
// from its completed trials — what the run would have built had it ended on
// its own (EnsembleTrials.h: VotingEnsemble, StackEnsemble,
// BestOfFamilyEnsemble, as the run's settings allow). The run's data and
// folds are prepared again from its stored configuration (the same dataset
// version, seed and validation, as ChildRunModels does) and the trials'
// stored out-of-fold predictions are read back, so the ensembles score
// exactly as they would have.
//
// The run keeps its status (Canceled or Failed); its model becomes the one
// the ensembles' recommendation picks (recommendedModel), with its metrics;
// "best_reason" records {"code": "blend" | "top", ..., "ensembled_after":
// "canceled" | "interrupted"}, and the run's log gets the lines.

#include "common/Result.h"
#include "registry/Run.h"

#include <QList>

namespace stratus {
class Workspace;
}

namespace stratus::ml {

// Whether the ensembles can be built for `parent` afterwards, and if not why
// (a message for the user): the run is canceled or interrupted, allows
// ensembles, has none yet, and has at least two completed trials.
// requires: `children` are `parent`'s.
Status canEnsembleCompletedTrials(const Run &parent, const QList<Run> &children);

// Builds, records and recommends the ensembles. Returns the run id of the
// model the run now hands back. Takes seconds (it prepares the data again):
// call it off the GUI thread.
// errors: the checks above; the dataset version is gone; a trial's stored
// predictions are missing or do not match the data prepared again.
Result<QString> ensembleCompletedTrials(Workspace &workspace, const QString &parentRunId);

} // namespace stratus::ml
