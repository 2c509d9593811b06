#pragma once
// ExperimentsScreen: experiments (runs, latest status, best score) and
// "New Automated ML run"; an experiment's page with its runs (status,
// started, duration, best model, primary metric) and Cancel; a run's live
// details; a child run's page; and the comparison of child runs collected
// from any runs and experiments.
//
// Back links go where their labels say: "← Experiments" to the list,
// "← Experiment" from a run to that run's experiment, "← Run" from a child
// run to its AutoML run. Alt+Left and Alt+Right move through the pages
// visited, as a browser does.

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
class RegisterModelDialog;
class Reloader;
class RunDetailsPage;
class RunManager;
class Workspace;

class ExperimentsScreen : public QWidget {
    Q_OBJECT
public:
    ExperimentsScreen(Workspace &workspace, RunManager &runs, QWidget *parent = nullptr);

    // Opens the wizard (on a dataset when given, else the one opened or
    // imported last); a submitted run's page opens when it starts.
    void startAutoML(const QString &dataset = {});
    void setRecentDataset(const QString &name) { m_recentDataset = name; }
    void showList();
    void openExperiment(const QString &name);
    void openRun(const QString &parentId);
    void openChildRun(const QString &runId);
    void compare(const QStringList &runIds);
    void registerModel(const QString &runId);
    // Registers the run's model (its recommended one for an AutoML run), then asks to deploy it.
    void deployModel(const QString &runId);
    // The pages visited: back (Alt+Left) and forward (Alt+Right).
    void visitBack();
    void visitForward();
    QWidget *currentPage() const;
    QWidget *listPage() const { return m_listPage; }
    QWidget *experimentPage() const { return m_experimentPage; }
    QString currentExperiment() const { return m_experiment; }
    QLabel *notice() const { return m_notice; }

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
    void deployRequested(const QString &modelReference);
    void openModel(const QString &reference);
    void openPipelineRun(const QString &runId); // the Pipelines screen shows it

private:
    struct Visit {
        enum Kind { List, Experiment, Run, Child, Compare } kind = List;
        QString id;      // the experiment, run or child run
        QStringList ids; // compared runs
    };
    void show(QWidget *page, const Visit &visit);
    RegisterModelDialog *openRegisterDialog(const QString &runId);
    void revisit(const Visit &visit);
    void reloadRuns();
    void updateBasket();

    Workspace &m_ws;
    RunManager &m_manager;
    QStackedWidget *m_stack;
    QList<Visit> m_visits;
    int m_visit = -1;
    bool m_revisiting = false;
    QString m_childParent; // the AutoML run of the child run shown
    ExperimentListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_list;
    QWidget *m_listPage, *m_experimentPage;
    QLabel *m_experimentTitle, *m_message, *m_basketLabel, *m_notice;
    QWidget *m_basketBar;
    QTableWidget *m_runs;
    QPushButton *m_cancelRun;
    Reloader *m_runReloader;
    RunDetailsPage *m_runPage;
    ChildRunPage *m_childPage;
    CompareView *m_compare;
    QString m_experiment;
    QString m_recentDataset;
    QStringList m_basket;
};

} // namespace stratus
