#pragma once
// LeaderboardModel: the child runs of an AutoML run, as Azure's Models tab
// lists them: rank by the primary metric, algorithm, the primary metric and
// the task's other key metrics, duration, training time and prediction time
// per row. The model the run hands back (setChosen; until then the first
// ranked) is in bold. setRuns() merges a newer list in place (rows are updated,
// new runs appended, ranks recomputed) so a view's selection and scroll
// position survive live updates. Qt::UserRole gives sort keys (numbers;
// missing values are null, so they sort last).

#include "registry/Run.h"

#include <QAbstractTableModel>
#include <QHash>

namespace stratus {

class LeaderboardModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Fixed { RankColumn, IterationColumn, AlgorithmColumn, StatusColumn, PrimaryColumn };

    explicit LeaderboardModel(QObject *parent = nullptr);

    // metric: the primary metric; others: further metric columns.
    void setMetrics(const QString &metric, const QStringList &others);
    void setRuns(const QList<Run> &runs);
    // The child run the AutoML run chose (its best_child_run_id); empty while it runs.
    void setChosen(const QString &runId);
    QString chosen() const { return m_chosen; }
    void clear();

    QString metric() const { return m_metric; }
    const Run &runAt(int row) const { return m_runs[row]; }
    int rowOf(const QString &runId) const { return m_rowOf.value(runId, -1); }
    int rank(int row) const { return m_rank.value(row, 0); }
    int durationColumn() const { return PrimaryColumn + 1 + int(m_others.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVariant sortKey(const Run &run, int column) const;
    void computeRanks();
    double metricValue(const Run &run, const QString &name) const;

    QString m_metric;
    QStringList m_others;
    QList<Run> m_runs;
    QHash<QString, int> m_rowOf;
    QHash<int, int> m_rank; // row -> rank (completed runs only)
    QString m_chosen;
};

} // namespace stratus
