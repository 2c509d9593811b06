#pragma once
// Explanations and models on request. Permutation importance, for any completed child run of an
// AutoML run (the best one gets it when its run ends): the run's data and
// folds are prepared again from the parent's stored configuration (the same
// dataset version, seed and validation), the child's pipeline is trained
// outside the first validation fold and scored on it with each raw column
// shuffled. The result is stored as the child's "importance" artifact.

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
