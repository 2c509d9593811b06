#include "datasets/ProfileModel.h"

#include <QLocale>

namespace stratus {

namespace {

enum Column {
    NameCol, TypeCol, CountCol, MissingCol, UniqueCol, MinCol, MaxCol, MeanCol, StdCol,
    Q5Col, Q25Col, Q50Col, Q75Col, Q95Col, SkewCol, KurtCol, TopCol, ColumnCount
};

QString number(const std::optional<double> &v)
{
    return v ? QLocale().toString(*v, 'g', 6) : QString();
}

} // namespace

void ProfileModel::setColumns(const QList<DatasetColumn> &columns)
{
    beginResetModel();
    m_columns = columns;
    endResetModel();
}

int ProfileModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

int ProfileModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProfileModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (role == Qt::TextAlignmentRole)
        return index.column() >= CountCol && index.column() < TopCol ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                                                                     : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    const ColumnProfile &p = m_columns[index.row()].profile;
    auto q = [&p](size_t i) { return i < p.quantiles.size() ? number(p.quantiles[i]) : QString(); };
    switch (index.column()) {
    case NameCol: return m_columns[index.row()].name;
    case TypeCol: return columnTypeLabel(m_columns[index.row()].type);
    case CountCol: return QLocale().toString(p.count);
    case MissingCol: return QLocale().toString(p.missing);
    case UniqueCol: return QLocale().toString(p.unique);
    case MinCol: return p.minText.isEmpty() ? number(p.min) : p.minText;
    case MaxCol: return p.maxText.isEmpty() ? number(p.max) : p.maxText;
    case MeanCol: return number(p.mean);
    case StdCol: return number(p.stddev);
    case Q5Col: return q(0);
    case Q25Col: return q(1);
    case Q50Col: return q(2);
    case Q75Col: return q(3);
    case Q95Col: return q(4);
    case SkewCol: return number(p.skewness);
    case KurtCol: return number(p.kurtosis);
    case TopCol: {
        QStringList top;
        for (int i = 0; i < p.topValues.size() && i < 3; ++i)
            top << QStringLiteral("%1 (%2)").arg(p.topValues[i].first).arg(p.topValues[i].second);
        return top.join(QStringLiteral(", "));
    }
    }
    return {};
}

QVariant ProfileModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameCol: return tr("Column");
    case TypeCol: return tr("Type");
    case CountCol: return tr("Count");
    case MissingCol: return tr("Missing");
    case UniqueCol: return tr("Unique");
    case MinCol: return tr("Min");
    case MaxCol: return tr("Max");
    case MeanCol: return tr("Mean");
    case StdCol: return tr("Std. dev.");
    case Q5Col: return QStringLiteral("5%");
    case Q25Col: return QStringLiteral("25%");
    case Q50Col: return tr("Median");
    case Q75Col: return QStringLiteral("75%");
    case Q95Col: return QStringLiteral("95%");
    case SkewCol: return tr("Skewness");
    case KurtCol: return tr("Kurtosis");
    case TopCol: return tr("Top values");
    }
    return {};
}

} // namespace stratus
