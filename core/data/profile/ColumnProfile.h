#pragma once
// ColumnProfile: the summary statistics of one column, as Azure's dataset
// Profile tab and pandas' describe() show them, plus top values and a
// histogram. Computed once on import and stored with the dataset version.

#include "common/TaskControl.h"
#include "data/ColumnNote.h"
#include "data/ColumnType.h"
#include "data/DataTable.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <optional>
#include <vector>

namespace stratus {

struct ColumnProfile {
    QString name;
    ColumnType type = ColumnType::Decimal;
    qint64 count = 0;   // values present
    qint64 missing = 0;
    qint64 unique = 0;  // distinct values present
    // Numeric columns (booleans as 0/1):
    std::optional<double> min, max, mean, stddev, skewness, kurtosis; // stddev: sample (n-1); kurtosis: excess
    std::vector<double> quantiles; // at kQuantiles, empty when no value
    // Date/time columns: earliest and latest as written.
    QString minText, maxText;
    // Most frequent values, most frequent first (at most 10).
    QList<QPair<QString, qint64>> topValues;
    // Histogram: numeric columns have edges (bins + 1) and counts; other
    // columns have labels (categories) and counts.
    std::vector<double> binEdges;
    QStringList binLabels;
    std::vector<qint64> binCounts;
    // What the import did to values that did not fit the column's type.
    QList<ColumnNote> notes;
    // The user chose the type at import (else it was inferred).
    bool typeChosen = false;

    static constexpr double kQuantiles[] = {0.05, 0.25, 0.5, 0.75, 0.95};

    QJsonObject toJson() const;
    static ColumnProfile fromJson(const QJsonObject &json, const QString &name, ColumnType type);
};

ColumnProfile profileColumn(const DataColumn &column);
// Profiles every column, in parallel; empty when canceled.
std::vector<ColumnProfile> profileTable(const DataTable &table, const TaskControl &control = {});

} // namespace stratus
