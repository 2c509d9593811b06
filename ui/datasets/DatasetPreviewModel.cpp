#include "datasets/DatasetPreviewModel.h"

#include "data/store/DatasetStore.h"
#include "workspace/Workspace.h"

#include <QBrush>
#include <QColor>

namespace stratus {

DatasetPreviewModel::DatasetPreviewModel(Workspace &workspace, QObject *parent)
    : QAbstractTableModel(parent), m_ws(workspace), m_cache(96) // chunks of one column: 96 x 8192 values at most
{
}

// Listeners may ask for more rows while a change is announced (m_changing);
// they get them on their next request, once it is over.
void DatasetPreviewModel::setVersion(const DatasetVersion &version)
{
    m_changing = true;
    beginResetModel();
    m_version = version;
    m_cache.clear();
    m_loadedRows = int(qMin<qint64>(version.rows, kBatch));
    endResetModel();
    m_changing = false;
}

int DatasetPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_loadedRows;
}

int DatasetPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_version.columns.size());
}

bool DatasetPreviewModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_changing && m_loadedRows < m_version.rows;
}

void DatasetPreviewModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_changing)
        return;
    // Batches double, so that the end of a million rows is a few requests away.
    const int more = int(qMin<qint64>(qMax(kBatch, m_loadedRows), m_version.rows - m_loadedRows));
    if (more <= 0)
        return;
    m_changing = true;
    beginInsertRows({}, m_loadedRows, m_loadedRows + more - 1);
    m_loadedRows += more;
    endInsertRows();
    m_changing = false;
}

const QStringList *DatasetPreviewModel::chunk(int column, int chunkIndex) const
{
    const qint64 key = (qint64(chunkIndex) << 20) | column;
    if (const QStringList *cached = m_cache.object(key))
        return cached;
    auto values = DatasetStore(m_ws).readChunk(m_version, column, chunkIndex);
    ++m_chunksRead;
    auto *list = new QStringList(values.ok() ? *values : QStringList());
    m_cache.insert(key, list);
    return m_cache.object(key);
}

QVariant DatasetPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || m_version.chunkRows <= 0)
        return {};
    if (role != Qt::DisplayRole && role != Qt::BackgroundRole && role != Qt::TextAlignmentRole)
        return {};
    const ColumnType type = m_version.columns[index.column()].type;
    if (role == Qt::TextAlignmentRole)
        return isNumericType(type) ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    const QStringList *values = chunk(index.column(), index.row() / m_version.chunkRows);
    const int offset = index.row() % m_version.chunkRows;
    const QString value = offset < values->size() ? values->at(offset) : QString();
    if (role == Qt::BackgroundRole)
        return value.isEmpty() ? QVariant(QBrush(QColor(255, 240, 230))) : QVariant();
    return value;
}

QVariant DatasetPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    const DatasetColumn &c = m_version.columns[section];
    return QStringLiteral("%1\n%2").arg(c.name, columnTypeLabel(c.type)); // the tooltip too: a long name in full
}

} // namespace stratus
