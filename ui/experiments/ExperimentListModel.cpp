#include "experiments/ExperimentListModel.h"

#include "registry/RunStatus.h"
#include "shared/Format.h"
#include "shared/Reloader.h"
#include "workspace/Workspace.h"

#include <QLocale>

namespace stratus {

ExperimentListModel::ExperimentListModel(Workspace &workspace, QObject *parent)
    : QAbstractTableModel(parent), m_ws(workspace), m_reloader(new Reloader(this, 500))
{
    connect(&m_ws, &Workspace::experimentsChanged, this, &ExperimentListModel::refresh);
    refresh();
}

void ExperimentListModel::refresh()
{
    Workspace *ws = &m_ws;
    m_reloader->request([this, ws]() -> Reloader::Apply {
        auto list = ExperimentStore(*ws).list();
        return [this, list] {
            if (!list) {
                emit loadFailed(list.message());
                return;
            }
            beginResetModel();
            m_rows = *list;
            endResetModel();
        };
    });
}

QString ExperimentListModel::nameAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].name : QString();
}

int ExperimentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ExperimentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExperimentListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Experiment &e = m_rows[index.row()];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn: return e.name;
        case RunsColumn: return e.runCount;
        case StatusColumn: return e.latestStatus.isEmpty() ? tr("No runs yet") : runStatusLabel(e.latestStatus);
        case MetricColumn: return e.primaryMetric;
        case BestColumn: return format::metric(e.bestScore);
        case CreatedColumn: return QLocale().toString(e.createdAt.toLocalTime(), QLocale::ShortFormat);
        }
    }
    if (role == Qt::ForegroundRole && index.column() == StatusColumn)
        return format::statusColor(e.latestStatus);
    if (role == Qt::UserRole) {
        if (index.column() == RunsColumn)
            return e.runCount;
        if (index.column() == BestColumn)
            return std::isnan(e.bestScore) ? QVariant() : QVariant(e.bestScore);
        if (index.column() == CreatedColumn)
            return e.createdAt;
        return data(index, Qt::DisplayRole);
    }
    if (role == Qt::TextAlignmentRole && (index.column() == RunsColumn || index.column() == BestColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ExperimentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Experiment");
    case RunsColumn: return tr("Runs");
    case StatusColumn: return tr("Latest status");
    case MetricColumn: return tr("Primary metric");
    case BestColumn: return tr("Best score");
    case CreatedColumn: return tr("Created");
    }
    return {};
}

} // namespace stratus
