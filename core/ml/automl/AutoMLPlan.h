#pragma once
// AutoMLPlan: what an AutoML run works from, prepared once before the first
// trial and then only read (by every trial, on the pool's threads): the
// table, the labels, the rows the search uses and their validation folds, the
// learners allowed, the compute profile.
//
// Above kSearchRows labelled rows the search works on a (stratified) sample
// of that many rows, and the best model is refitted on all of them. When
// validation is not set, Azure's rule picks it: under 1,000 rows 10-fold
// cross-validation, up to 20,000 rows 3-fold, above that a 10% holdout.

#include "ml/automl/AutoMLConfig.h"
#include "ml/validation/CrossValidation.h"
#include "registry/ComputeProfile.h"

class QThreadPool;

namespace stratus {
class Workspace;
}

#include <QJsonObject>

namespace stratus::ml {

struct AutoMLPlan {
    static constexpr size_t kSearchRows = 100000;

    DataTable table;
    int label = -1;
    QStringList datasetColumns; // every column of the dataset, before the column purposes (ignored ones too)
    // A scored dataset's predictions of the label (labelPredictionColumns),
    // left out as features unless a column purpose names them.
    QStringList predictionColumns;
    LabelData all;            // every row with a label: the final refit
    LabelData search;         // the rows the trials use: all, or a sample
    std::vector<int> folds;   // per search row: its fold, or -1 (holdout training part)
    int foldCount = 0;        // k of k-fold, or 0 for a holdout
    size_t trainedRows = 0;   // the rows a trial trains on per fit: all but one fold, or the holdout's training part
    Labels validated;         // labels of the search rows with a fold, in order
    QString validation;       // a sentence saying how trials are validated (English, for the log)
    QJsonObject validationDetail; // the same as data: folds or fraction, stratified, rows, all_rows (ml::validationSentence)
    QStringList learners;     // allowed, and suited to the rows
    ComputeProfile profile;
    QThreadPool *pool = nullptr;
    qint64 experimentId = 0;
    qint64 datasetVersionId = 0;
    QString datasetReference; // "name:version"
    Featurizer allRows;       // fitted on every labelled row: guardrails and the refit
    // A Slurm profile's: the dataset as loaded (before the column purposes)
    // in the shared folder (data/TableFile), where the workers rebuild the plan from.
    QString stagedTable;
    bool labelTypeChosen = false;

    // Loads and checks everything a run needs; errors name what is wrong.
    static Result<std::shared_ptr<AutoMLPlan>> prepare(Workspace &workspace, const AutoMLConfig &config);
    // The plan of `table` (the dataset version as loaded): everything but the
    // workspace's parts (profile, pool, experiment, version id). The same
    // table and configuration give the same plan — rows, folds, learners,
    // featurizer — which is how a Slurm worker rebuilds its run's plan.
    // labelTypeChosen: the user chose the label column's type (checkLabel).
    static Result<std::shared_ptr<AutoMLPlan>> fromTable(DataTable table, const AutoMLConfig &config, bool labelTypeChosen,
                                                         const QString &datasetReference);
};

// The thread pool of a compute profile (one per profile name, for the
// process's life), sized by its concurrent trials.
QThreadPool *computePool(const ComputeProfile &profile);

} // namespace stratus::ml
