#include "experiments/LeaderboardModel.h"

#include "ml/automl/AutoMLConfig.h"
#include "ml/validation/CrossValidation.h"
#include "shared/Format.h"

#include <QFont>
#include <algorithm>
#include <climits>
#include <cmath>

namespace stratus {

namespace {

enum Tail { DurationTail, FitTimeTail, PredictTimeTail, FidelityTail, TailCount };

} // namespace

LeaderboardModel::LeaderboardModel(QObject *parent) : QAbstractTableModel(parent) {}

void LeaderboardModel::setMetrics(const QString &metric, const QStringList &others)
{
    if (metric == m_metric && others == m_others)
        return;
    beginResetModel();
    m_metric = metric;
    m_others = others;
    endResetModel();
    computeRanks();
}

void LeaderboardModel::clear()
{
    beginResetModel();
    m_runs.clear();
    m_rowOf.clear();
    m_rank.clear();
    m_chosen.clear();
    endResetModel();
}

void LeaderboardModel::setRuns(const QList<Run> &runs)
{
    QList<Run> added;
    int first = INT_MAX, last = -1; // the rows that changed, reported at once (a sorting proxy re-sorts once)
    for (const Run &r : runs) {
        const int row = m_rowOf.value(r.id, -1);
        if (row < 0) {
            added << r;
            continue;
        }
        Run &old = m_runs[row];
        const bool changed = old.status != r.status || old.metrics != r.metrics || old.endedAt != r.endedAt
                             || old.startedAt != r.startedAt || old.error != r.error || old.status == RunStatus::Running;
        old = r;
        if (changed) {
            first = std::min(first, row);
            last = std::max(last, row);
        }
    }
    if (last >= 0)
        emit dataChanged(index(first, 0), index(last, columnCount() - 1));
    if (!added.isEmpty()) {
        beginInsertRows({}, int(m_runs.size()), int(m_runs.size() + added.size() - 1));
        for (const Run &r : std::as_const(added)) {
            m_rowOf.insert(r.id, int(m_runs.size()));
            m_runs << r;
        }
        endInsertRows();
    }
    computeRanks();
}

double LeaderboardModel::metricValue(const Run &run, const QString &name) const
{
    return run.metrics.value(name, std::nan(""));
}

void LeaderboardModel::computeRanks()
{
    QList<int> done;
    for (int row = 0; row < m_runs.size(); ++row)
        if (m_runs[row].status == RunStatus::Completed && !std::isnan(metricValue(m_runs[row], m_metric)))
            done << row;
    const bool higher = higherIsBetter(m_metric);
    std::stable_sort(done.begin(), done.end(), [&](int a, int b) {
        const double x = metricValue(m_runs[a], m_metric), y = metricValue(m_runs[b], m_metric);
        return higher ? x > y : x < y;
    });
    QHash<int, int> rank;
    for (int i = 0; i < done.size(); ++i)
        rank.insert(done[i], i + 1);
    if (rank != m_rank) {
        m_rank = rank;
        if (!m_runs.isEmpty())
            emit dataChanged(index(0, RankColumn), index(int(m_runs.size()) - 1, RankColumn));
    }
}

int LeaderboardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int LeaderboardModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : PrimaryColumn + 1 + int(m_others.size()) + TailCount;
}

QVariant LeaderboardModel::sortKey(const Run &run, int column) const
{
    const int row = m_rowOf.value(run.id);
    auto number = [](double v) { return std::isnan(v) ? QVariant() : QVariant(v); };
    if (column == RankColumn)
        return m_rank.contains(row) ? QVariant(m_rank.value(row)) : QVariant();
    if (column == IterationColumn)
        return run.config.value(QStringLiteral("iteration")).toInt(row);
    if (column == AlgorithmColumn)
        return run.algorithm;
    if (column == StatusColumn)
        return runStatusLabel(run.displayStatus());
    if (column == PrimaryColumn)
        return number(metricValue(run, m_metric));
    const int other = column - PrimaryColumn - 1;
    if (other < m_others.size())
        return number(metricValue(run, m_others[other]));
    switch (column - durationColumn()) {
    case DurationTail: return run.startedAt.isValid() ? QVariant(run.durationSeconds()) : QVariant();
    case FitTimeTail: return number(metricValue(run, ml::kFitTimeMetric));
    case PredictTimeTail: return number(metricValue(run, ml::kPredictTimeMetric));
    case FidelityTail: return format::fidelity(run.config.value(QStringLiteral("fidelity")).toObject(), run.algorithm);
    }
    return {};
}

QVariant LeaderboardModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_runs.size())
        return {};
    const Run &run = m_runs[index.row()];
    const int column = index.column();
    if (role == Qt::UserRole)
        return sortKey(run, column);
    if (role == Qt::DisplayRole) {
        const QVariant key = sortKey(run, column);
        if (column == RankColumn || column == IterationColumn || column == AlgorithmColumn || column == StatusColumn)
            return key;
        if (column - durationColumn() == DurationTail)
            return key.isNull() ? QString() : format::duration(key.toDouble());
        if (column - durationColumn() == FitTimeTail)
            return key.isNull() ? QString() : format::duration(key.toDouble());
        if (column - durationColumn() == PredictTimeTail)
            return key.isNull() ? QString() : format::perRow(key.toDouble());
        if (column - durationColumn() == FidelityTail)
            return key;
        return key.isNull() ? QString() : format::metric(key.toDouble());
    }
    if (role == Qt::ForegroundRole && column == StatusColumn)
        return format::statusColor(run.displayStatus());
    if (role == Qt::ToolTipRole && column == StatusColumn && !run.error.isEmpty())
        return run.error;
    const bool chosen = m_chosen.isEmpty() ? m_rank.value(index.row()) == 1 : run.id == m_chosen;
    if (role == Qt::FontRole && chosen) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ToolTipRole && column == AlgorithmColumn && !m_chosen.isEmpty() && run.id == m_chosen) {
        // Rich text, so that the tooltip wraps.
        const QString why = m_rank.value(index.row()) == 1 ? tr("The model this run hands back: the best on the leaderboard.")
               : run.algorithm == QLatin1String("BestOfFamilyEnsemble")
                   ? tr("The model this run hands back. Its weights are not fitted on the validation predictions, so its "
                        "score is not inflated by choosing among many trials as the leaderboard's top is: it generalises "
                        "better on small data.")
                   : tr("The model this run hands back: the best whose refit on every row fitted in the time left.");
        return QStringLiteral("<p>%1</p>").arg(why.toHtmlEscaped());
    }
    if (role == Qt::TextAlignmentRole && column != AlgorithmColumn && column != StatusColumn
        && column - durationColumn() != FidelityTail)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

void LeaderboardModel::setChosen(const QString &runId)
{
    if (runId == m_chosen)
        return;
    m_chosen = runId;
    if (!m_runs.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::FontRole, Qt::ToolTipRole});
}

QVariant LeaderboardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == RankColumn)
        return tr("Rank");
    if (section == IterationColumn)
        return tr("Iteration");
    if (section == AlgorithmColumn)
        return tr("Algorithm");
    if (section == StatusColumn)
        return tr("Status");
    if (section == PrimaryColumn)
        return m_metric;
    const int other = section - PrimaryColumn - 1;
    if (other < m_others.size())
        return m_others[other];
    switch (section - durationColumn()) {
    case DurationTail: return tr("Duration");
    case FitTimeTail: return tr("Training time");
    case PredictTimeTail: return tr("Prediction time / row");
    case FidelityTail: return tr("Fidelity");
    }
    return {};
}

} // namespace stratus
