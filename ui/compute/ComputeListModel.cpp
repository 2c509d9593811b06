#include "compute/ComputeListModel.h"

#include "registry/ComputeStore.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>

namespace stratus {

ComputeListModel::ComputeListModel(Workspace &workspace, QObject *parent)
    : QAbstractTableModel(parent), m_ws(workspace)
{
    connect(&m_ws, &Workspace::computeProfilesChanged, this, &ComputeListModel::refresh);
    refresh();
}

void ComputeListModel::refresh()
{
    auto list = ComputeStore(m_ws).list();
    beginResetModel();
    m_rows = list.ok() ? *list : QList<ComputeProfile>{};
    endResetModel();
}

int ComputeListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ComputeListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ComputeListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const ComputeProfile &p = m_rows[index.row()];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn: return p.name;
        case KindColumn: return p.isSlurm() ? tr("Slurm: %1").arg(p.slurm.partition) : tr("This machine");
        case StateColumn:
            if (p.runningTrials == 0 && p.queuedTrials == 0)
                return tr("Idle");
            return tr("%1 running, %2 queued").arg(p.runningTrials).arg(p.queuedTrials);
        case ConcurrentColumn: return p.maxConcurrent;
        case ThreadsColumn: return p.threadsPerTrial;
        case MemoryColumn:
            return p.memoryMb > 0 ? tr("%1 MB").arg(p.memoryMb) : p.isSlurm() ? tr("Partition's default") : tr("No limit");
        case PriorityColumn: return p.priority == QLatin1String("low") ? tr("Low") : tr("Normal");
        case DescriptionColumn:
            return p.description == QLatin1String(ComputeStore::kDefaultDescription)
                       ? QCoreApplication::translate("stratus::ComputeStore", ComputeStore::kDefaultDescription)
                       : p.description;
        }
    }
    if (role == Qt::TextAlignmentRole && (index.column() == ConcurrentColumn || index.column() == ThreadsColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ComputeListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case KindColumn: return tr("Runs on");
    case StateColumn: return tr("State");
    case ConcurrentColumn: return tr("Max concurrent trials (jobs)");
    case ThreadsColumn: return tr("Threads (CPUs) per trial");
    case MemoryColumn: return tr("Memory per trial");
    case PriorityColumn: return tr("Priority");
    case DescriptionColumn: return tr("Description");
    }
    return {};
}

} // namespace stratus
