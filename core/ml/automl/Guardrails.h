#pragma once
// Data guardrails, as Azure AutoML reports them for a run: validation split
// handling, class balancing detection, missing feature values imputation and
// high cardinality feature detection, each Passed, Done or Alerted.

#include "ml/validation/CrossValidation.h"

#include <QJsonArray>

namespace stratus::ml {

struct Guardrail {
    QString name;
    QString status; // "Passed", "Done" or "Alerted"
    QString description;
};

// validation: how trials are validated, a sentence ("10-fold cross-validation over 299 rows").
QList<Guardrail> dataGuardrails(const DataTable &table, int label, const LabelData &data, const Featurizer &featurizer,
                                const QString &validation);
QJsonArray toJson(const QList<Guardrail> &guardrails);

} // namespace stratus::ml
