#pragma once
// MainWindow: navigation in the order of the workflow (Home, Datasets,
// Compute, Experiments, Models, Endpoints) beside the current screen; drop a CSV file anywhere to import it.
// Follows changes other programs make to the workspace file.

#include <QMainWindow>
#include <memory>

class QListWidget;
class QStackedWidget;

namespace stratus {

class ComputeScreen;
class ExperimentsScreen;
class ModelsScreen;
class RunManager;
class DatasetsScreen;
class EndpointsScreen;
class PipelinesScreen;
namespace pipeline {
class PipelineScheduler;
}
class HomeScreen;
class Workspace;
namespace serve {
class EndpointSupervisor;
}

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(std::unique_ptr<Workspace> workspace, QWidget *parent = nullptr);
    ~MainWindow() override;

    enum Screen { Home, Datasets, Compute, Experiments, Models, Endpoints, Pipelines };
    void showScreen(Screen screen);
    Screen currentScreen() const;
    Workspace &workspace() { return *m_ws; }
    HomeScreen *homeScreen() const { return m_home; }
    DatasetsScreen *datasetsScreen() const { return m_datasets; }
    ComputeScreen *computeScreen() const { return m_compute; }
    ExperimentsScreen *experimentsScreen() const { return m_experiments; }
    ModelsScreen *modelsScreen() const { return m_models; }
    EndpointsScreen *endpointsScreen() const { return m_endpoints; }
    PipelinesScreen *pipelinesScreen() const { return m_pipelines; }
    serve::EndpointSupervisor *supervisor() const { return m_supervisor; }
    RunManager *runManager() const { return m_runs; }

protected:
    // Quitting while this studio trains a run asks first: stop the runs (they
    // end Canceled, keeping their best completed model) and quit once they
    // have stopped, or keep them training and quit (the window closes, its
    // endpoints stop, and the process ends when the last run does), or stay.
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildMenus();
    void navigate(const QString &target);
    void openWorkspace();
    void chooseLanguage(const QString &language);

    enum class Quitting { No, AfterStopping, AfterTraining };
    Quitting m_quitting = Quitting::No;
    std::unique_ptr<Workspace> m_ws;
    QListWidget *m_nav;
    QStackedWidget *m_stack;
    HomeScreen *m_home;
    DatasetsScreen *m_datasets;
    ComputeScreen *m_compute;
    ExperimentsScreen *m_experiments;
    ModelsScreen *m_models;
    EndpointsScreen *m_endpoints;
    PipelinesScreen *m_pipelines;
    pipeline::PipelineScheduler *m_scheduler;
    RunManager *m_runs;
    serve::EndpointSupervisor *m_supervisor;
};

} // namespace stratus
