#pragma once
// ExperimentsScreen: experiments (runs, latest status, best score) and
// "New Automated ML run"; an experiment's page with its runs (status,
// started, duration, best model, primary metric) and Cancel; a run's live
// details; a child run's page; and the comparison of child runs collected
// from any runs and experiments.

#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTableWidget;

namespace stratus {

class ChildRunPage;
class CompareView;
class ExperimentListModel;
class Reloader;
class RunDetailsPage;
class RunManager;
class Workspace;

class ExperimentsScreen : public QWidget {
    Q_OBJECT
public:
    ExperimentsScreen(Workspace &workspace, RunManager &runs, QWidget *parent = nullptr);

    // Opens the wizard (on a dataset when given); a submitted run's page opens when it starts.
    void startAutoML(const QString &dataset = {});
    void showList();
    void openExperiment(const QString &name);
    void openRun(const QString &parentId);
    void openChildRun(const QString &runId);
    void compare(const QStringList &runIds);
    void registerModel(const QString &runId);

    ExperimentListModel *experiments() const { return m_model; }
    QTableView *experimentList() const { return m_list; }
    QTableWidget *runTable() const { return m_runs; }
    RunDetailsPage *runPage() const { return m_runPage; }
    ChildRunPage *childPage() const { return m_childPage; }
    CompareView *compareView() const { return m_compare; }
    Reloader *runReloader() const { return m_runReloader; }
    QStringList comparisonBasket() const { return m_basket; }

signals:
    void modelRegistered(const QString &reference);

private:
    void show(QWidget *page);
    void back();
    void reloadRuns();
    void updateBasket();

    Workspace &m_ws;
    RunManager &m_manager;
    QStackedWidget *m_stack;
    QList<QWidget *> m_history;
    ExperimentListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_list;
    QWidget *m_listPage, *m_experimentPage;
    QLabel *m_experimentTitle, *m_message, *m_basketLabel;
    QWidget *m_basketBar;
    QTableWidget *m_runs;
    QPushButton *m_cancelRun;
    Reloader *m_runReloader;
    RunDetailsPage *m_runPage;
    ChildRunPage *m_childPage;
    CompareView *m_compare;
    QString m_experiment;
    QStringList m_basket;
};

} // namespace stratus
