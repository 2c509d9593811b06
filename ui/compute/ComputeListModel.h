#pragma once
// ComputeListModel: the compute profiles with their settings and live state,
// refreshed when the workspace says they changed.

#include "registry/ComputeProfile.h"

#include <QAbstractTableModel>

namespace stratus {

class Workspace;

class ComputeListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, KindColumn, StateColumn, ConcurrentColumn, ThreadsColumn, MemoryColumn, PriorityColumn,
                  DescriptionColumn, ColumnCount };

    explicit ComputeListModel(Workspace &workspace, QObject *parent = nullptr);
    void refresh();
    const ComputeProfile &profileAt(int row) const { return m_rows[row]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    Workspace &m_ws;
    QList<ComputeProfile> m_rows;
};

} // namespace stratus
