#include "main/MainWindow.h"

#include "compute/ComputeScreen.h"
#include "datasets/DatasetsScreen.h"
#include "endpoints/EndpointsScreen.h"
#include "experiments/ExperimentsScreen.h"
#include "experiments/RunManager.h"
#include "home/HomeScreen.h"
#include "main/Translations.h"
#include "models/ModelsScreen.h"
#include "registry/RunStore.h"
#include "registry/WorkspaceSetup.h"
#include "pipeline/PipelineScheduler.h"
#include "pipeline/RetrainingPipeline.h"
#include "pipelines/PipelineEditor.h"
#include "pipelines/PipelinesScreen.h"
#include "serve/EndpointSupervisor.h"
#include "workspace/Workspace.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QThreadPool>
#include <QTimer>

namespace stratus {

MainWindow::MainWindow(std::unique_ptr<Workspace> workspace, QWidget *parent)
    : QMainWindow(parent), m_ws(std::move(workspace))
{
    setWindowTitle(tr("Stratus — %1").arg(QFileInfo(m_ws->path()).fileName()));
    setAcceptDrops(true);
    m_nav = new QListWidget(this);
    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setFixedWidth(180);
    m_nav->setIconSize(QSize(20, 20));
    m_nav->setSpacing(2);
    new QListWidgetItem(style()->standardIcon(QStyle::SP_DirHomeIcon), tr("Home"), m_nav);
    new QListWidgetItem(style()->standardIcon(QStyle::SP_FileDialogDetailedView), tr("Datasets"), m_nav);
    new QListWidgetItem(style()->standardIcon(QStyle::SP_ComputerIcon), tr("Compute"), m_nav);
    new QListWidgetItem(style()->standardIcon(QStyle::SP_MediaPlay), tr("Experiments"), m_nav);
    new QListWidgetItem(style()->standardIcon(QStyle::SP_DriveHDIcon), tr("Models"), m_nav);
    new QListWidgetItem(style()->standardIcon(QStyle::SP_DriveNetIcon), tr("Endpoints"), m_nav);
    new QListWidgetItem(style()->standardIcon(QStyle::SP_BrowserReload), tr("Pipelines"), m_nav);

    m_home = new HomeScreen(*m_ws, this);
    m_datasets = new DatasetsScreen(*m_ws, this);
    m_compute = new ComputeScreen(*m_ws, this);
    m_runs = new RunManager(*m_ws, this);
    m_experiments = new ExperimentsScreen(*m_ws, *m_runs, this);
    m_models = new ModelsScreen(*m_ws, this);
    m_supervisor = new serve::EndpointSupervisor(*m_ws, {}, this);
    m_endpoints = new EndpointsScreen(*m_ws, *m_supervisor, this);
    m_pipelines = new PipelinesScreen(*m_ws, this);
    // The studio fires the pipelines' triggers while it is open, unless a `pipeline scheduler` process does.
    m_scheduler = new pipeline::PipelineScheduler(*m_ws, {}, this);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_home);
    m_stack->addWidget(m_datasets);
    m_stack->addWidget(m_compute);
    m_stack->addWidget(m_experiments);
    m_stack->addWidget(m_models);
    m_stack->addWidget(m_endpoints);
    m_stack->addWidget(m_pipelines);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->addWidget(m_nav);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
    statusBar()->showMessage(tr("Workspace: %1").arg(QDir::toNativeSeparators(m_ws->path())));
    buildMenus();

    connect(m_nav, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(m_home, &HomeScreen::navigate, this, &MainWindow::navigate);
    connect(m_experiments, &ExperimentsScreen::modelRegistered, this, [this](const QString &reference) {
        statusBar()->showMessage(tr("Registered model %1.").arg(reference), 8000);
        m_models->select(reference);
    });
    connect(m_experiments, &ExperimentsScreen::deployRequested, this, [this](const QString &reference) {
        showScreen(Endpoints);
        m_endpoints->deploy(reference);
    });
    connect(m_experiments, &ExperimentsScreen::openModel, this, [this](const QString &reference) {
        showScreen(Models);
        m_models->select(reference);
    });
    connect(m_datasets, &DatasetsScreen::datasetOpened, m_experiments, &ExperimentsScreen::setRecentDataset);
    connect(m_pipelines, &PipelinesScreen::openExperimentRun, this, [this](const QString &runId) {
        showScreen(Experiments);
        m_experiments->openRun(runId);
    });
    connect(m_experiments, &ExperimentsScreen::openPipelineRun, this, [this](const QString &runId) {
        showScreen(Pipelines);
        m_pipelines->openRun(runId);
    });
    connect(m_runs, &RunManager::started, this, [this] { showScreen(Experiments); });
    connect(m_models, &ModelsScreen::openRun, this, [this](const QString &runId) {
        showScreen(Experiments);
        m_experiments->openChildRun(runId);
    });
    connect(m_models, &ModelsScreen::deployRequested, this, [this](const QString &reference) {
        showScreen(Endpoints);
        m_endpoints->deploy(reference);
    });
    connect(m_endpoints, &EndpointsScreen::openModel, this, [this](const QString &reference) {
        showScreen(Models);
        m_models->select(reference);
    });
    connect(m_supervisor, &serve::EndpointSupervisor::stateChanged, this,
            [this](const QString &name, EndpointState state, const QString &reason) {
                statusBar()->showMessage(reason.isEmpty() ? tr("Endpoint %1: %2").arg(name, endpointStateLabel(state))
                                                          : tr("Endpoint %1: %2 (%3)").arg(name, endpointStateLabel(state), reason),
                                         8000);
            });
    m_nav->setCurrentRow(Home);
    connect(m_scheduler, &pipeline::PipelineScheduler::message, this, [this](const QString &line) { statusBar()->showMessage(line, 8000); });
    QTimer::singleShot(0, this, [this] {
        if (Status s = m_scheduler->start(); !s)
            statusBar()->showMessage(tr("Pipeline triggers: %1").arg(s.message()), 8000);
    });
    // Endpoints that were running when the workspace was last open run again.
    QTimer::singleShot(0, m_supervisor, &serve::EndpointSupervisor::restoreAll);

    // Other programs (the CLI, endpoint servers) may change the workspace.
    auto *poll = new QTimer(this);
    connect(poll, &QTimer::timeout, this, [this] { m_ws->pollExternalChanges(); });
    m_ws->pollExternalChanges();
    poll->start(2000);
    // 1200 x 780 where the screen has room, else what it has less a window
    // manager's frame (not known before the window is shown).
    QSize size(1200, 780);
    if (const QScreen *where = screen()) {
        const QSize room = where->availableGeometry().size();
        if (room.width() < size.width() + 16 || room.height() < size.height() + 48)
            size = size.boundedTo(room - QSize(16, 48)).expandedTo(minimumSizeHint());
    }
    resize(size);
}

MainWindow::~MainWindow()
{
    // Screens hold references to the workspace: destroy them first, then the
    // runs (they stop their trials and wait for them), then wait for any
    // background read still using the workspace.
    delete m_scheduler; // cancels the runs its triggers started and waits for them
    delete m_stack;
    delete m_supervisor; // stops the endpoints' processes (they restart when the workspace opens again)
    delete m_runs;
    QThreadPool::globalInstance()->waitForDone();
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Import dataset..."), QKeySequence(tr("Ctrl+I")), this, [this] {
        showScreen(Datasets);
        m_datasets->startImport();
    });
    file->addAction(tr("New &Automated ML run..."), QKeySequence(tr("Ctrl+R")), this, [this] {
        showScreen(Experiments);
        m_experiments->startAutoML();
    });
    file->addAction(tr("&Open workspace..."), QKeySequence::Open, this, &MainWindow::openWorkspace);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows); // each window may ask first

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QMenu *language = view->addMenu(tr("&Language"));
    auto *group = new QActionGroup(this);
    const QString current = languageChoice(); // --lang ko checks 한국어
    const QList<QPair<QString, QString>> languages = {
        {QString(), tr("System language")}, {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("ko"), QStringLiteral("한국어")}};
    for (const auto &[code, label] : languages) {
        QAction *a = language->addAction(label, this, [this, code = code] { chooseLanguage(code); });
        a->setCheckable(true);
        a->setChecked(code == current);
        group->addAction(a);
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Stratus"), this, [this] {
        QMessageBox::about(this, tr("About Stratus"),
                           tr("<b>Stratus %1</b><p>An offline machine-learning studio: datasets, compute, "
                              "Automated ML, models and endpoints on one machine.</p><p>Workspace: %2</p>")
                               .arg(QCoreApplication::applicationVersion(),
                                    QDir::toNativeSeparators(m_ws->path()).toHtmlEscaped()));
    });
}

void MainWindow::showScreen(Screen screen)
{
    m_nav->setCurrentRow(screen);
}

MainWindow::Screen MainWindow::currentScreen() const
{
    return Screen(m_nav->currentRow());
}

void MainWindow::navigate(const QString &target)
{
    if (target == QLatin1String("compute")) {
        showScreen(Compute);
    } else if (target == QLatin1String("experiments") || target == QLatin1String("automl")) {
        showScreen(Experiments);
        m_experiments->showList();
        if (target == QLatin1String("automl"))
            m_experiments->startAutoML();
    } else if (target == QLatin1String("pipelines")) {
        showScreen(Pipelines);
    } else if (target == QLatin1String("retraining-pipeline")) {
        // The guided workflow's one click: the lesson's steps as a pipeline, saved and shown.
        showScreen(Pipelines);
        auto yaml = pipeline::retrainingPipeline(*m_ws);
        if (!yaml) {
            statusBar()->showMessage(yaml.message(), 8000);
            return;
        }
        m_pipelines->edit(*yaml);
        if (m_pipelines->editor()->save())
            statusBar()->showMessage(tr("Saved the pipeline %1: run it here; schedule or publish it with stratus-cli pipeline schedule or publish.").arg(m_pipelines->editor()->pipeline().name), 8000);
    } else if (target == QLatin1String("models")) {
        showScreen(Models);
    } else if (target == QLatin1String("endpoints") || target == QLatin1String("deploy")) {
        showScreen(Endpoints);
        if (target == QLatin1String("deploy"))
            m_endpoints->deploy();
    } else {
        showScreen(Datasets);
        m_datasets->showList();
        if (target == QLatin1String("import"))
            m_datasets->startImport();
    }
}

void MainWindow::openWorkspace()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Open or create a workspace"), QFileInfo(m_ws->path()).absolutePath(),
        tr("Stratus workspaces (*.stratus);;All files (*)"), nullptr, QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    auto ws = stratus::openWorkspace(path);
    if (!ws) {
        QMessageBox::warning(this, tr("Cannot open workspace"), ws.message());
        return;
    }
    auto *window = new MainWindow(std::move(*ws));
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
}

void MainWindow::chooseLanguage(const QString &language)
{
    saveLanguage(language);
    QMessageBox::information(this, tr("Language"), tr("The new language is used from the next start of Stratus."));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    const QStringList training = m_runs->training();
    if (training.isEmpty()) {
        event->accept();
        // A window hidden to let its runs finish: closing it is not a visible
        // window's close, so Qt would not quit by itself.
        if (m_quitting == Quitting::AfterTraining && qApp->quitOnLastWindowClosed()) {
            bool others = false;
            for (QWidget *w : QApplication::topLevelWidgets())
                others = others || (w != this && w->isVisible() && qobject_cast<QMainWindow *>(w));
            if (!others)
                QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return;
    }
    event->ignore();
    if (m_quitting != Quitting::No)
        return; // already stopping the runs, or waiting for them in the background
    RunStore store(*m_ws);
    QStringList names;
    for (const QString &id : training)
        names << QStringLiteral("%1 (%2)").arg(id, store.get(id).value_or(Run{}).experiment);
    QMessageBox box(QMessageBox::Question, tr("Quit Stratus"),
                    training.size() == 1 ? tr("A run is still training: %1.").arg(names.first())
                                         : tr("%1 runs are still training: %2.").arg(training.size()).arg(names.join(QStringLiteral(", "))),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("quitWhileTraining"));
    box.setInformativeText(tr("Stop: the runs end as canceled and keep their best completed model; Stratus quits once they have stopped.\n"
                              "Keep training: the window closes and its endpoints stop; the runs go on in the background and Stratus ends "
                              "with the last one. Open the workspace again to follow them."));
    QPushButton *stop = box.addButton(tr("Stop and quit"), QMessageBox::DestructiveRole);
    QPushButton *keep = box.addButton(tr("Keep training and quit"), QMessageBox::AcceptRole);
    QPushButton *stay = box.addButton(tr("Don't quit"), QMessageBox::RejectRole);
    stop->setObjectName(QStringLiteral("stopAndQuit"));
    keep->setObjectName(QStringLiteral("keepTrainingAndQuit"));
    stay->setObjectName(QStringLiteral("dontQuit"));
    box.setDefaultButton(stay);
    // The runs may end while the question is open: then there is nothing left to decide but quitting.
    const QMetaObject::Connection ended = connect(m_runs, &RunManager::runFinished, &box, [this, &box, stop, keep] {
        if (!m_runs->training().isEmpty())
            return;
        box.setText(tr("The runs have finished."));
        box.setInformativeText(QString());
        stop->setText(tr("Quit"));
        keep->hide();
    });
    box.exec();
    disconnect(ended);
    if (box.clickedButton() != stop && box.clickedButton() != keep)
        return; // Don't quit (or the box closed)
    if (m_runs->training().isEmpty()) { // they ended meanwhile
        QTimer::singleShot(0, this, &QWidget::close);
        return;
    }
    // Close (and quit) once the last of them has ended; connected before
    // canceling, which may end a run at once.
    connect(m_runs, &RunManager::runFinished, this, [this] {
        if (m_runs->training().isEmpty())
            QTimer::singleShot(0, this, &QWidget::close);
    });
    if (box.clickedButton() == stop) {
        m_quitting = Quitting::AfterStopping;
        setEnabled(false);
        statusBar()->showMessage(tr("Stopping %1 run(s) before quitting...").arg(training.size()));
        for (const QString &id : m_runs->training())
            m_runs->cancel(id);
    } else {
        m_quitting = Quitting::AfterTraining;
        m_supervisor->shutdown();
        hide();
    }
    if (m_runs->training().isEmpty())
        QTimer::singleShot(0, this, &QWidget::close);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile() && QFileInfo(urls.first().toLocalFile()).isFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = event->mimeData()->urls().first().toLocalFile();
    event->acceptProposedAction();
    showScreen(Datasets);
    m_datasets->showList();
    m_datasets->startImport(path);
}

} // namespace stratus
