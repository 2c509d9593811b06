#pragma once
// LabelChoice: the wizard's suggestion of a label column, and the task a
// label implies, from a dataset version's columns and profiles.
//
// The suggestion goes by name (label, target, class, outcome, y, DEATH_EVENT,
// churn, ... as a whole word of the name) and type (booleans and categories
// before numbers; never an ID, a date, free text, or a scored dataset's
// predicted_* / proba_* column); else the last column that may be one.

#include "data/store/DatasetVersion.h"
#include "ml/learners/Learner.h"

namespace stratus {

// The index of the suggested label in `columns`, or -1 when there are none.
int suggestLabel(const QList<DatasetColumn> &columns);
// A column that can never be a label: a prediction of a scored dataset.
bool isPredictionColumn(const QString &name);
// Classification for booleans, categories, text and whole numbers with few
// values (at most 20); regression for other numbers.
ml::Task impliedTask(const DatasetColumn &label);
// "Classification: 2 classes (no, yes)" or "Regression: numbers from 14 to 80".
QString describeTask(const DatasetColumn &label);

} // namespace stratus
