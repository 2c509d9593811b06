#pragma once
// ProfileModel: a dataset version's column profiles as a table, one row per
// column: type, count, missing, unique, min, max, mean, std, quantiles,
// skewness, kurtosis and the most frequent values.

#include "data/store/DatasetVersion.h"

#include <QAbstractTableModel>

namespace stratus {

class ProfileModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setColumns(const QList<DatasetColumn> &columns);
    const DatasetColumn &columnAt(int row) const { return m_columns[row]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<DatasetColumn> m_columns;
};

} // namespace stratus
