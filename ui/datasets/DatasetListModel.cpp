#include "datasets/DatasetListModel.h"

#include "data/store/DatasetStore.h"
#include "workspace/Workspace.h"

#include <QLocale>

namespace stratus {

DatasetListModel::DatasetListModel(Workspace &workspace, QObject *parent)
    : QAbstractTableModel(parent), m_ws(workspace)
{
    connect(&m_ws, &Workspace::datasetsChanged, this, &DatasetListModel::refresh);
    refresh();
}

void DatasetListModel::refresh()
{
    auto list = DatasetStore(m_ws).list();
    beginResetModel();
    m_error = list.ok() ? QString() : list.message();
    m_rows = list.ok() ? *list : QList<DatasetSummary>{};
    endResetModel();
}

QString DatasetListModel::nameAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].name : QString();
}

int DatasetListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DatasetListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DatasetListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const DatasetSummary &d = m_rows[index.row()];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn: return d.isSample ? tr("%1 (sample)").arg(d.name) : d.name;
        case VersionColumn: return d.latestVersion;
        case RowsColumn: return QLocale().toString(d.rows);
        case ColumnsColumn: return d.columns;
        case UpdatedColumn: return QLocale().toString(d.updatedAt.toLocalTime(), QLocale::ShortFormat);
        case DescriptionColumn: return d.description.section(QLatin1Char('\n'), 0, 0);
        }
    }
    if (role == Qt::ToolTipRole && index.column() == DescriptionColumn)
        return d.description;
    if (role == Qt::UserRole) // sort key
        return index.column() == RowsColumn ? QVariant(d.rows) : data(index, Qt::DisplayRole);
    if (role == Qt::TextAlignmentRole && (index.column() == RowsColumn || index.column() == ColumnsColumn
                                          || index.column() == VersionColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant DatasetListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case VersionColumn: return tr("Latest version");
    case RowsColumn: return tr("Rows");
    case ColumnsColumn: return tr("Columns");
    case UpdatedColumn: return tr("Updated");
    case DescriptionColumn: return tr("Description");
    }
    return {};
}

} // namespace stratus
