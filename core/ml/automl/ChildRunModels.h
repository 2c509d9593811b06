#pragma once
// A completed child run's model and explanation, on request (its AutoML run
// made them only for the model it handed back). Both prepare the run's data
// and folds again from the parent's stored configuration (the same dataset
// version, seed and validation).
// - explainChildRun: permutation importance (ml/explain): the child's
//   pipeline trained outside the first validation fold and scored on it with
//   each raw column shuffled; stored as the child's "importance" artifact.
// - refitChildRun: the child's pipeline trained on every labelled row, stored
//   as its "pipeline" artifact, so that it can be registered
//   (ModelRegistration) or predict.

#include "common/Result.h"

#include <QJsonArray>

namespace stratus {
class Workspace;
}

namespace stratus::ml {

Result<QJsonArray> explainChildRun(Workspace &workspace, const QString &childRunId);

// The child's pipeline trained on every labelled row (as the best child's is
// when its run ends), stored as its "pipeline" artifact so that it can be
// registered. Nothing to do when the child already has one.
Status refitChildRun(Workspace &workspace, const QString &childRunId);

} // namespace stratus::ml
