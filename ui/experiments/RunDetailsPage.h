#pragma once
// RunDetailsPage: one AutoML run as it happens — Azure's RunDetails widget.
// Status, elapsed time, progress and Cancel above tabs: Models (the live,
// sortable and filterable leaderboard), Data guardrails (with the
// featurization summary), Charts (the primary metric of every trial as dots
// and the best so far as a line) and Logs. It reads the workspace off the GUI
// thread, whenever the run changes and every second while it runs, so it
// follows runs of other processes (the CLI) too; runs of this studio can be
// canceled, as can their single trials.
//
// The header says which model the run recommends (hands back), its rank and
// why, in words (ml::recommendation), and why the run ended; Register and
// Deploy act on the recommended model, and on the top-ranked one when that is
// another; a leaderboard row is registered with "Register selected".

#include "ml/automl/Recommendation.h"
#include "registry/Run.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;
class QTableWidget;
class QTimer;

namespace stratus {

class ChartView;
class LeaderboardModel;
class Reloader;
class SortProxy;
class RunManager;
class Workspace;

class RunDetailsPage : public QWidget {
    Q_OBJECT
public:
    RunDetailsPage(Workspace &workspace, RunManager &runs, QWidget *parent = nullptr);

    void showRun(const QString &parentId);
    QString runId() const { return m_runId; }
    const Run &run() const { return m_run; }

    LeaderboardModel *leaderboard() const { return m_board; }
    QTableView *leaderboardView() const { return m_view; }
    QPushButton *cancelButton() const { return m_cancel; }
    // Register / deploy the recommended model; the top-ranked one (shown when it is another); the selected row.
    QPushButton *registerRecommendedButton() const { return m_registerBest; }
    QPushButton *deployRecommendedButton() const { return m_deployBest; }
    QPushButton *registerTopButton() const { return m_registerTop; }
    QPushButton *deployTopButton() const { return m_deployTop; }
    QPushButton *registerSelectedButton() const { return m_register; }
    // Offered on a canceled or interrupted run: its ensembles from the completed trials.
    QPushButton *buildEnsemblesButton() const { return m_buildEnsembles; }
    QLabel *recommendationLabel() const { return m_best; }
    QLabel *endLabel() const { return m_ended; }
    QLabel *statusLabel() const { return m_status; }
    QProgressBar *progressBar() const { return m_progress; }
    const ml::Recommendation &recommendation() const { return m_recommendation; }
    // The trial chart (drawn when its tab is shown).
    ChartView *trialChart() const { return m_chart; }
    Reloader *reloader() const { return m_reloader; }
    QTabWidget *tabs() const { return m_tabs; }
    QPlainTextEdit *logView() const { return m_log; }
    // The selected child runs (in the leaderboard's order).
    QStringList selectedRunIds() const;

signals:
    void backRequested();
    void openChildRun(const QString &runId);
    void compareRequested(const QStringList &runIds);
    void addToComparison(const QStringList &runIds);
    void registerRequested(const QString &runId);
    void deployRequested(const QString &runId);

private:
    void reload();
    void apply(const Run &parent, const QList<Run> &children, const QByteArray &guardrails,
               const QByteArray &featurization, const QByteArray &log);
    void updateHeader();
    void updateChart();
    void cancelRun();

    Workspace &m_ws;
    RunManager &m_runs;
    QString m_runId;
    Run m_run;
    Reloader *m_reloader;
    QTimer *m_tick;
    QLabel *m_title, *m_status, *m_elapsed, *m_best;
    QProgressBar *m_progress;
    QPushButton *m_cancel, *m_cancelTrial, *m_register, *m_compare, *m_open, *m_basket;
    QPushButton *m_registerBest, *m_deployBest, *m_registerTop, *m_deployTop, *m_buildEnsembles;
    bool m_ensemblesPossible = false, m_buildingEnsembles = false;
    QLabel *m_ended;
    ml::Recommendation m_recommendation;
    QTabWidget *m_tabs;
    LeaderboardModel *m_board;
    SortProxy *m_proxy;
    QTableView *m_view;
    QLineEdit *m_filter;
    QTableWidget *m_guardrails, *m_featurization;
    ChartView *m_chart;
    QPlainTextEdit *m_log;
    void buildEnsembles();
    bool m_chartStale = false; // drawn when its tab is shown
    qsizetype m_logBytes = 0;  // of the log shown
};

} // namespace stratus
