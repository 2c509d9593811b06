#pragma once
// Permutation feature importance on the raw columns (Breiman; scikit-learn's
// permutation_importance): how much the primary metric gets worse when one
// column's values are shuffled among the evaluation rows, averaged over a
// few shuffles. Positive: the model relies on the column; about 0: it does not.

#include "common/Result.h"
#include "data/DataTable.h"
#include "ml/learners/Learner.h"

#include <QJsonArray>
#include <functional>

namespace stratus::ml {

struct ColumnImportance {
    QString column;
    double mean = 0;
    double std = 0;
};

using TablePredictor = std::function<Result<std::vector<double>>(const DataTable &)>;


// requires: labels match the rows of `evaluation`; columns name its columns.
// Sorted most important first.
Result<QList<ColumnImportance>> permutationImportance(const DataTable &evaluation, const Labels &labels,
                                                      const QStringList &columns, const TablePredictor &predict,
                                                      const QString &metric, quint64 seed, int repeats = 3);

QJsonArray toJson(const QList<ColumnImportance> &importance);

} // namespace stratus::ml
