#pragma once
// ExperimentListModel: the workspace's experiments with their number of runs,
// the latest run's status and the best primary metric, reloaded off the GUI
// thread whenever the workspace says experiments or runs changed.

#include "registry/ExperimentStore.h"

#include <QAbstractTableModel>

namespace stratus {

class Reloader;
class Workspace;

class ExperimentListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, RunsColumn, StatusColumn, MetricColumn, BestColumn, CreatedColumn, ColumnCount };

    explicit ExperimentListModel(Workspace &workspace, QObject *parent = nullptr);

    void refresh();
    QString nameAt(int row) const;
    Reloader *reloader() const { return m_reloader; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    void loadFailed(const QString &message);

private:
    Workspace &m_ws;
    Reloader *m_reloader;
    QList<Experiment> m_rows;
};

} // namespace stratus
