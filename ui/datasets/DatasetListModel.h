#pragma once
// DatasetListModel: the registered datasets (latest versions), refreshed
// whenever the workspace says its datasets changed.

#include "data/store/DatasetVersion.h"

#include <QAbstractTableModel>

namespace stratus {

class Workspace;

class DatasetListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, VersionColumn, RowsColumn, ColumnsColumn, UpdatedColumn, DescriptionColumn, ColumnCount };

    explicit DatasetListModel(Workspace &workspace, QObject *parent = nullptr);

    void refresh();
    QString nameAt(int row) const;
    QString lastError() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    Workspace &m_ws;
    QList<DatasetSummary> m_rows;
    QString m_error;
};

} // namespace stratus
