#pragma once
// TablePreviewModel: shows an in-memory DataTable (the import preview), with
// each column's type under its name.

#include "data/DataTable.h"

#include <QAbstractTableModel>

namespace stratus {

class TablePreviewModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setTable(DataTable table);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    DataTable m_table;
};

} // namespace stratus
