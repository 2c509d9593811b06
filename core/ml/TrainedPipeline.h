#pragma once
// TrainedPipeline: the fitted featurizer and model stored with a child run
// (the artifacts "pipeline" and "model"), ready to predict new rows —
// what Azure's get_output() hands back.

#include "CsvReader.h"
#include "Featurizer.h"
#include "Learner.h"

#include <memory>

namespace stratus {
class Workspace;
}

namespace stratus::ml {

class TrainedPipeline {
public:
    // A child run with a stored model, or an AutoML run (its best child).
    static Result<TrainedPipeline> fromRun(Workspace &workspace, const QString &runId);

    QString runId() const { return m_runId; }
    QString algorithm() const { return m_algorithm; }
    QString label() const { return m_label; }
    Task task() const { return m_classes.isEmpty() ? Task::Regression : Task::Classification; }
    const QStringList &classes() const { return m_classes; }

    // Reads a CSV of new rows with the training columns' types.
    Result<DataTable> readInput(const QString &path) const;
    // Classification: per row a probability per class (row-major); regression: one value per row.
    Result<std::vector<double>> predict(const DataTable &table) const;

private:
    QString m_runId, m_algorithm, m_label;
    QStringList m_classes;
    Featurizer m_featurizer;
    std::shared_ptr<Model> m_model;
};

} // namespace stratus::ml
