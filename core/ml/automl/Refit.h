#pragma once
// The pipeline an AutoML run hands back: the chosen trial's learner (each
// member's, for an ensemble) trained on the given rows with a featurizer
// fitted on the same rows, described as TrainedPipeline::fromJson() reads it.
// Used for the final model (every labelled row) and for the permutation
// importance (the rows outside the first validation fold).

#include "ml/automl/Trial.h"

#include <QJsonObject>

namespace stratus::ml {

// requires: every member index of `chosen` names a trial in `trials`.
Result<QJsonObject> refitPipeline(const AutoMLPlan &plan, const AutoMLConfig &config, const TrialResult &chosen,
                                  const QList<TrialResult> &trials, const std::vector<size_t> &tableRows,
                                  const Labels &labels, const Featurizer &featurizer, const std::atomic<bool> &cancel);

// The permutation importance of the raw columns for the chosen trial (see
// PermutationImportance.h): its pipeline trained outside the first
// validation fold, scored on that fold. A JSON array, most important first.
Result<QJsonArray> chosenImportance(const AutoMLPlan &plan, const AutoMLConfig &config, const TrialResult &chosen,
                                    const QList<TrialResult> &trials, const std::atomic<bool> &cancel);

} // namespace stratus::ml
