#pragma once
// checkLabel: refuses, before anything is trained or stored, a label that
// AutoML would learn something other than what it seems from.
//
// Classification is refused for
// - a label with more distinct values than a fifth of its rows (and more
//   than 10): its classes would have one or two rows each;
// - a label whose values are mostly numbers although the column is text (its
//   type inferred, not chosen): a measurement with a few text cells, which
//   would become dozens of one-row classes (or, with few distinct numbers,
//   classes with stray cells);
// - a label that writes one class two ways ("yes" and "Yes"; type inferred).
// Regression is refused for a label that is not numeric, naming the cells
// that are not numbers. Each message names example values with their line
// (or row) and says what to do (--task, --type).

#include "common/Result.h"
#include "data/DataTable.h"
#include "ml/learners/Learner.h"

namespace stratus::ml {

// `typeChosen`: the user chose the label column's type (its profile says so).
Status checkLabel(const DataTable &table, int label, Task task, bool typeChosen);

// A scored dataset's predictions of `label`, which would leak it if learned
// from: the column predicted_<label> and, when it is there, every proba_*
// column beside it (the names BatchScoring writes). In `columns`' order.
QStringList labelPredictionColumns(const QStringList &columns, const QString &label);

} // namespace stratus::ml
