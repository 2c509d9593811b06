#pragma once
// CompareView: child runs side by side, from any AutoML runs and
// experiments: ROC and precision-recall curves overlaid (one colour per run,
// with a legend), the metric table with the best value of each row marked
// and a "differences only" switch, parallel coordinates of the
// hyperparameters against the primary metric, and the primary metric
// against training time. Everything is read off the GUI thread; hundreds of
// runs stay fluid.

#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QTableWidget;

namespace stratus {

class ChartView;
class Reloader;
class Workspace;

class CompareView : public QWidget {
    Q_OBJECT
public:
    explicit CompareView(Workspace &workspace, QWidget *parent = nullptr);

    void showRuns(const QStringList &runIds);
    QStringList runIds() const { return m_ids; }

    ChartView *rocChart() const { return m_roc; }
    ChartView *precisionRecallChart() const { return m_pr; }
    ChartView *parallelChart() const { return m_parallel; }
    ChartView *costChart() const { return m_cost; }
    QTableWidget *metricTable() const { return m_table; }
    QCheckBox *differencesOnly() const { return m_differences; }
    QComboBox *parallelAlgorithm() const { return m_algorithm; }
    Reloader *reloader() const { return m_reloader; }

signals:
    void backRequested();
    void openChildRun(const QString &runId);

public:
    struct Item {
        QString id, label, algorithm, metric, task;
        int classes = 0;
        QMap<QString, double> metrics;
        QJsonObject params, curves;
    };

private:
    void apply(const QList<Item> &items);
    void fillTable();
    void drawParallel();
    void drawCost();

    Workspace &m_ws;
    QStringList m_ids;
    QList<Item> m_items;
    Reloader *m_reloader;
    QLabel *m_title;
    ChartView *m_roc, *m_pr, *m_parallel, *m_cost;
    QTableWidget *m_table;
    QCheckBox *m_differences;
    QComboBox *m_algorithm;
    QWidget *m_parallelBar;
    QLabel *m_noParameters;
};

} // namespace stratus
