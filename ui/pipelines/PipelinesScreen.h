#pragma once
// PipelinesScreen: the workspace's pipelines — each with its version, last
// run and next scheduled time — and, for the selected one, three tabs:
// Designer (PipelineEditor: draw, edit, save a version), Runs (its runs; the
// selected run drawn as the same graph with each step's live status,
// duration and "Reused", the step's log and outputs; Run, Cancel and Rerun
// from the failed step) and Triggers (schedules, dataset and folder
// triggers, the published REST trigger). Runs started here go on in this
// process's threads; the studio's scheduler fires the triggers.

#include <QWidget>

class QGraphicsView;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTabWidget;
class QThreadPool;

namespace stratus {

class PipelineEditor;
class PipelineGraphScene;
class Reloader;
class Workspace;

class PipelinesScreen : public QWidget {
    Q_OBJECT
public:
    explicit PipelinesScreen(Workspace &workspace, QWidget *parent = nullptr);
    ~PipelinesScreen() override;

    void reload();
    void select(const QString &pipeline);
    void newPipeline();
    void openFile(const QString &path);
    // Starts a run of the selected pipeline here; its id, or empty with the reason shown.
    QString runSelected();
    void openRun(const QString &runId);
    // Opens `yaml` (a pipeline file's text) in the Designer, unsaved.
    void edit(const QByteArray &yaml);

    PipelineEditor *editor() const { return m_editor; }
    QTableWidget *list() const { return m_list; }
    QTableWidget *runs() const { return m_runs; }
    PipelineGraphScene *runGraph() const { return m_runGraph; }
    QTabWidget *tabs() const { return m_tabs; }
    QLabel *message() const { return m_message; }

signals:
    void openExperimentRun(const QString &runId); // an automl step's AutoML run

protected:
    void showEvent(QShowEvent *event) override;

private:
    QString selectedPipeline() const;
    void showPipeline();
    void showRun();

    Workspace &m_ws;
    Reloader *m_reloader;
    QThreadPool *m_pool;
    QTableWidget *m_list, *m_runs, *m_triggers;
    QTabWidget *m_tabs;
    PipelineEditor *m_editor;
    PipelineGraphScene *m_runGraph;
    QGraphicsView *m_runView;
    QPlainTextEdit *m_stepLog;
    QLabel *m_message, *m_runTitle;
    QPushButton *m_run, *m_cancel, *m_rerun, *m_openAutoML;
    QString m_openRun, m_stepShown, m_stepAutoML;
    bool m_stale = true; // the workspace changed while the screen was hidden
};

} // namespace stratus
