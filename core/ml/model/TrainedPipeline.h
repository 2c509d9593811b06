#pragma once
// TrainedPipeline: the fitted featurizers and models stored with a child run
// (its "pipeline" artifact: one member, or an ensemble's members with their
// weights), ready to predict new rows — what Azure's get_output() hands back.

#include "data/InputSchema.h"
#include "data/csv/CsvReader.h"
#include "ml/featurize/Featurizer.h"
#include "ml/learners/Learner.h"

#include <functional>
#include <optional>
#include <memory>

namespace stratus {
class Workspace;
}

namespace stratus::ml {

class TrainedPipeline {
public:
    // A child run with a stored model, or an AutoML run (its best child).
    static Result<TrainedPipeline> fromRun(Workspace &workspace, const QString &runId);
    // A registered model version: "name", "name:latest" or "name:3".
    static Result<TrainedPipeline> fromModel(Workspace &workspace, const QString &reference);
    // A pipeline as stored: {algorithm, label, label_type, task, classes,
    // columns (every column of the training data), members: [{algorithm,
    // hyperparameters, featurizer, model (base64), weight}], and for a
    // StackEnsemble meta: {algorithm, model}}. label_type and columns are
    // absent from pipelines made before they were recorded.
    static Result<TrainedPipeline> fromJson(const QJsonObject &description, const QString &runId = {});

    QString runId() const { return m_runId; }
    QString algorithm() const { return m_algorithm; }
    QString label() const { return m_label; }
    Task task() const { return m_regression ? Task::Regression : Task::Classification; }
    // Classification: the label's values, as the training data wrote them
    // (a boolean's own spellings, exact integers).
    const QStringList &classes() const { return m_classes; }
    // The label column's type (unset for a pipeline that did not record it).
    std::optional<ColumnType> labelType() const { return m_labelType; }

    // The columns a row to score must have (every member's), with their types.
    QList<QPair<QString, ColumnType>> inputColumns() const;
    // A typical row (see Featurizer::sampleRow).
    QJsonObject sampleRow() const;
    // The columns rows to score must have, and those accepted unused.
    const InputSchema &inputSchema() const { return m_schema; }
    // Reads a CSV of new rows by the input schema's rules (InputSchema.h):
    // a table of the schema's columns, or an error naming the file (or
    // `name`, for bytes), the line and the column.
    Result<DataTable> readInput(const QString &path) const;
    Result<DataTable> readInputData(const QByteArray &csv, const QString &name) const;
    // Classification: per row a probability per class (row-major); regression: one value per row.
    Result<std::vector<double>> predict(const DataTable &table) const;

private:
    Result<DataTable> readCsvInput(const std::function<Result<CsvReadResult>(const CsvReadOptions &)> &read) const;
    struct Member {
        QString algorithm;
        double weight = 1;
        Featurizer featurizer;
        std::shared_ptr<Model> model;
    };
    QString m_runId, m_algorithm, m_label;
    QStringList m_classes;
    std::optional<ColumnType> m_labelType;
    InputSchema m_schema;
    bool m_regression = false;
    QList<Member> m_members; // one, or an ensemble's
    std::shared_ptr<Model> m_meta; // StackEnsemble: predicts from the members' predictions
};

} // namespace stratus::ml
