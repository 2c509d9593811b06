#include "datasets/import/TablePreviewModel.h"

#include <QBrush>
#include <QColor>

namespace stratus {

void TablePreviewModel::setTable(DataTable table)
{
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

void TablePreviewModel::clear()
{
    setTable({});
}

int TablePreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.rowCount);
}

int TablePreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.columns.size());
}

QVariant TablePreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const DataColumn &c = m_table.columns[size_t(index.column())];
    const size_t row = size_t(index.row());
    if (role == Qt::DisplayRole)
        return c.isMissing(row) ? QVariant() : QVariant(c.display(row));
    if (role == Qt::TextAlignmentRole && c.isNumeric())
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::BackgroundRole && c.isMissing(row))
        return QBrush(QColor(255, 240, 230));
    return {};
}

QVariant TablePreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    const DataColumn &c = m_table.columns[size_t(section)];
    return QStringLiteral("%1\n%2").arg(c.name, columnTypeLabel(c.type));
}

} // namespace stratus
