#pragma once
// Data guardrails, as Azure AutoML reports them for a run: validation split
// handling, class balancing detection, missing feature values imputation and
// high cardinality feature detection, each Passed, Done or Alerted.

#include "ml/validation/CrossValidation.h"

#include <QJsonArray>
#include <QJsonObject>

namespace stratus::ml {

struct Guardrail {
    QString name;
    QString status; // "Passed", "Done" or "Alerted"
    QString description; // English, as stored and as the CLI prints it
    QString code;        // what describeGuardrail() renders, translated
    QJsonObject args;
};

// validation: how trials are validated, a sentence ("10-fold cross-validation over 299 rows").
QList<Guardrail> dataGuardrails(const DataTable &table, int label, const LabelData &data, const Featurizer &featurizer,
                                const QString &validation);
// "Prediction columns detection", Done: a scored dataset's predictions of the
// label, left out as features (AutoMLPlan::predictionColumns).
Guardrail predictionColumnsGuardrail(const QStringList &columns);
QJsonArray toJson(const QList<Guardrail> &guardrails);
// A stored guardrail's name, status and description in the studio's
// language (the stored English when it has no code: older runs).
QString guardrailName(const QJsonObject &stored);
QString guardrailStatus(const QJsonObject &stored);
QString describeGuardrail(const QJsonObject &stored);

} // namespace stratus::ml
