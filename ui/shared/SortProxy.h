#pragma once
// SortProxy: sorts by Qt::UserRole keys, with missing (null) values last in
// both directions, so that running trials without a metric stay at the bottom
// of a leaderboard sorted either way; filters on every column.

#include <QSortFilterProxyModel>

namespace stratus {

class SortProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit SortProxy(QObject *parent = nullptr);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace stratus
