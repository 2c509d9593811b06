#include "shared/SortProxy.h"

namespace stratus {

SortProxy::SortProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(Qt::UserRole);
    setFilterKeyColumn(-1);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

bool SortProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(sortRole()), b = right.data(sortRole());
    if (a.isNull() != b.isNull())
        return sortOrder() == Qt::AscendingOrder ? !a.isNull() : a.isNull();
    if (a.isNull())
        return left.row() < right.row();
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace stratus
