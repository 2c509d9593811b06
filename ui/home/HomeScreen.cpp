#include "home/HomeScreen.h"

#include "data/store/DatasetStore.h"
#include "registry/ComputeStore.h"
#include "registry/EndpointStore.h"
#include "registry/ModelStore.h"
#include "registry/PipelineStore.h"
#include "registry/RunStore.h"
#include "shared/Style.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

namespace stratus {

HomeScreen::HomeScreen(Workspace &workspace, QWidget *parent) : QWidget(parent), m_ws(workspace)
{
    auto *title = style::title(tr("Welcome to Stratus"), this, 1.8);
    auto *intro = new QLabel(tr("Train, compare and serve machine-learning models on this computer, following the "
                                "Azure Machine Learning workflow. Work through the steps below."),
                             this);
    intro->setWordWrap(true);
    m_workspaceLabel = new QLabel(this);
    m_workspaceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_next = new QPushButton(this);
    m_next->setObjectName(QStringLiteral("nextStepButton"));
    m_next->setDefault(true);
    m_next->setMinimumHeight(36);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addWidget(m_workspaceLabel);
    layout->addSpacing(12);
    addStep(layout, 1, tr("Register a dataset"),
            tr("Import a CSV file as a versioned dataset and look at its profile."));
    addStep(layout, 2, tr("Choose compute"), tr("Decide how many trials may train at once on this machine."));
    addStep(layout, 3, tr("Run Automated ML"), tr("Train and tune many models and rank them on a leaderboard."));
    addStep(layout, 4, tr("Register the recommended model"), tr("Keep the model the run recommends, versioned, with its lineage."));
    addStep(layout, 5, tr("Deploy an endpoint"), tr("Serve the model as a REST endpoint and consume it."));
    addStep(layout, 6, tr("Automate"), tr("Turn these steps into a pipeline that retrains the model when new data arrives."));
    layout->addSpacing(12);
    auto *nextRow = new QHBoxLayout;
    nextRow->addWidget(m_next);
    nextRow->addStretch();
    layout->addLayout(nextRow);
    layout->addStretch();

    connect(m_steps[0].button, &QPushButton::clicked, this, [this] { emit navigate(QStringLiteral("datasets")); });
    connect(m_steps[1].button, &QPushButton::clicked, this, [this] { emit navigate(QStringLiteral("compute")); });
    connect(m_steps[2].button, &QPushButton::clicked, this, [this] { emit navigate(QStringLiteral("experiments")); });
    connect(m_steps[3].button, &QPushButton::clicked, this, [this] { emit navigate(QStringLiteral("models")); });
    connect(m_steps[4].button, &QPushButton::clicked, this, [this] { emit navigate(QStringLiteral("endpoints")); });
    m_makePipeline = new QPushButton(tr("Make a retraining pipeline"), this);
    m_makePipeline->setObjectName(QStringLiteral("makeRetrainingPipeline"));
    if (auto *grid = qobject_cast<QGridLayout *>(m_steps[5].button->parentWidget()->layout()))
        grid->addWidget(m_makePipeline, 1, 3, Qt::AlignRight);
    connect(m_steps[5].button, &QPushButton::clicked, this, [this] { emit navigate(QStringLiteral("pipelines")); });
    connect(m_makePipeline, &QPushButton::clicked, this, [this] { emit navigate(QStringLiteral("retraining-pipeline")); });
    connect(m_next, &QPushButton::clicked, this, [this] { emit navigate(m_nextTarget); });
    connect(&m_ws, &Workspace::datasetsChanged, this, &HomeScreen::refresh);
    connect(&m_ws, &Workspace::computeProfilesChanged, this, &HomeScreen::refresh);
    connect(&m_ws, &Workspace::modelsChanged, this, &HomeScreen::refresh);
    // Runs change many times a second while one trains: Home reads them when it is shown.
    refresh();
}

void HomeScreen::addStep(QVBoxLayout *layout, int number, const QString &title, const QString &text)
{
    auto *frame = new QFrame(this);
    frame->setFrameShape(QFrame::StyledPanel);
    auto *grid = new QGridLayout(frame);
    auto *badge = new QLabel(QString::number(number), frame);
    badge->setAlignment(Qt::AlignCenter);
    badge->setFixedSize(28, 28);
    badge->setStyleSheet(QStringLiteral("border-radius: 14px; background: #0078d4; color: white; font-weight: bold;"));
    auto *heading = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), frame);
    auto *body = new QLabel(text, frame);
    body->setWordWrap(true);
    auto *state = new QLabel(frame);
    auto *button = new QPushButton(frame);
    grid->addWidget(badge, 0, 0, 2, 1, Qt::AlignTop);
    grid->addWidget(heading, 0, 1);
    grid->addWidget(body, 1, 1);
    grid->addWidget(state, 0, 2, Qt::AlignRight);
    grid->addWidget(button, 1, 2, Qt::AlignRight);
    grid->setColumnStretch(1, 1);
    layout->addWidget(frame);
    m_steps.append({state, button});
}

void HomeScreen::refresh()
{
    m_workspaceLabel->setText(tr("Workspace: %1").arg(QDir::toNativeSeparators(m_ws.path())));
    const auto datasets = DatasetStore(m_ws).list();
    const auto profiles = ComputeStore(m_ws).list();
    // The synthetic sample is there to try things: only the user's own datasets count.
    int datasetCount = 0;
    bool sample = false;
    if (datasets) {
        for (const DatasetSummary &d : *datasets) {
            if (d.isSample)
                sample = true;
            else
                ++datasetCount;
        }
    }
    const int profileCount = profiles.ok() ? int(profiles->size()) : 0;
    const QString done = QStringLiteral("<span style='color:#107c10'>%1</span>");
    const QString todo = QStringLiteral("<span style='color:#a4262c'>%1</span>");
    m_steps[0].state->setText(datasetCount ? done.arg(tr("Done (%1)").arg(datasetCount))
                              : sample     ? todo.arg(tr("To do (a sample is there to try)"))
                                           : todo.arg(tr("To do")));
    m_steps[0].button->setText(tr("Open Datasets"));
    m_steps[1].state->setText(profileCount ? done.arg(tr("Done (%1)").arg(profileCount))
                                           : todo.arg(tr("To do")));
    m_steps[1].button->setText(tr("Open Compute"));
    const auto runs = RunStore(m_ws).list();
    const auto models = ModelStore(m_ws).list();
    int completedRuns = 0;
    if (runs)
        for (const Run &r : *runs)
            completedRuns += r.status == RunStatus::Completed ? 1 : 0;
    QSet<QString> modelNames;
    if (models)
        for (const ModelVersion &v : *models)
            modelNames << v.name;
    m_steps[2].state->setText(completedRuns ? done.arg(tr("Done (%1)").arg(completedRuns)) : todo.arg(tr("To do")));
    m_steps[2].button->setText(tr("Open Experiments"));
    m_steps[3].state->setText(modelNames.isEmpty() ? todo.arg(tr("To do"))
                                                   : done.arg(tr("Done (%1)").arg(modelNames.size())));
    m_steps[3].button->setText(tr("Open Models"));
    const auto endpoints = EndpointStore(m_ws).list();
    int healthy = 0;
    if (endpoints)
        for (const Endpoint &e : *endpoints)
            healthy += e.state == EndpointState::Healthy ? 1 : 0;
    const int endpointCount = endpoints ? int(endpoints->size()) : 0;
    m_steps[4].state->setText(endpointCount ? done.arg(tr("Done (%1, %2 healthy)").arg(endpointCount).arg(healthy))
                                            : todo.arg(tr("To do")));
    m_steps[4].button->setText(tr("Open Endpoints"));
    const auto pipelines = PipelineStore(m_ws).list();
    const int pipelineCount = pipelines ? int(pipelines->size()) : 0;
    m_steps[5].state->setText(pipelineCount ? done.arg(tr("Done (%1)").arg(pipelineCount)) : todo.arg(tr("To do")));
    m_steps[5].button->setText(tr("Open Pipelines"));
    m_makePipeline->setEnabled(!modelNames.isEmpty());
    m_makePipeline->setToolTip(modelNames.isEmpty() ? tr("Register a model first: the pipeline retrains it.") : QString());
    if (datasetCount == 0) {
        m_nextTarget = QStringLiteral("import");
        m_next->setText(tr("Next step: create a dataset from a file"));
    } else if (profileCount == 0) {
        m_nextTarget = QStringLiteral("compute");
        m_next->setText(tr("Next step: create a compute profile"));
    } else if (completedRuns == 0) {
        m_nextTarget = QStringLiteral("automl");
        m_next->setText(tr("Next step: start an Automated ML run"));
    } else if (modelNames.isEmpty()) {
        m_nextTarget = QStringLiteral("experiments");
        m_next->setText(tr("Next step: register the model a run recommends"));
    } else if (endpointCount == 0) {
        m_nextTarget = QStringLiteral("deploy");
        m_next->setText(tr("Next step: deploy a model as an endpoint"));
    } else if (pipelineCount == 0) {
        m_nextTarget = QStringLiteral("retraining-pipeline");
        m_next->setText(tr("Next step: make a retraining pipeline"));
    } else {
        m_nextTarget = QStringLiteral("pipelines");
        m_next->setText(tr("Next step: run, schedule or publish your pipelines"));
    }
}

void HomeScreen::showEvent(QShowEvent *event)
{
    refresh();
    QWidget::showEvent(event);
}

QStringList HomeScreen::stepStates() const
{
    QStringList states;
    for (const Step &s : m_steps)
        states << s.state->text();
    return states;
}

} // namespace stratus
