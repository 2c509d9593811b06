#include "pipelines/PipelinesScreen.h"

#include "pipeline/PipelineRunner.h"
#include "pipeline/PipelineYaml.h"
#include "pipelines/PipelineEditor.h"
#include "pipelines/PipelineGraph.h"
#include "pipelines/TriggerDialog.h"
#include "pipeline/Triggers.h"
#include "registry/PipelineStore.h"
#include "registry/RunStore.h"
#include "registry/TriggerStore.h"
#include "shared/Format.h"
#include "shared/Reloader.h"
#include "workspace/Workspace.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QShowEvent>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QThreadPool>
#include <QUndoStack>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace stratus {

namespace {

QTableWidget *table(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->setWordWrap(false);
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 8);
    return t;
}

void setRow(QTableWidget *t, int row, const QStringList &cells, const QString &key)
{
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = new QTableWidgetItem(cells[c]);
        item->setData(Qt::UserRole, key);
        t->setItem(row, c, item);
    }
}

struct ListRow {
    QString name, version, steps, lastRun, next;
};

} // namespace

PipelinesScreen::PipelinesScreen(Workspace &workspace, QWidget *parent)
    : QWidget(parent), m_ws(workspace), m_reloader(new Reloader(this, 500)), m_pool(new QThreadPool(this))
{
    m_pool->setMaxThreadCount(2);
    auto *title = new QLabel(tr("<h2>Pipelines</h2>Reusable workflows from data to a live endpoint: run them by hand, on a schedule, "
                                "when a dataset gets a new version, or from a REST call."),
                             this);
    title->setWordWrap(true);
    m_list = table({tr("Pipeline"), tr("Version"), tr("Steps"), tr("Last run"), tr("Next scheduled")}, this);
    m_list->setObjectName(QStringLiteral("pipelineList"));
    auto *create = new QPushButton(tr("New pipeline"), this);
    auto *open = new QPushButton(tr("Open file..."), this);
    m_run = new QPushButton(tr("Run"), this);
    m_run->setObjectName(QStringLiteral("runPipelineButton"));
    auto *exportButton = new QPushButton(tr("Export..."), this);
    auto *remove = new QPushButton(tr("Delete"), this);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {create, open, m_run, exportButton, remove})
        buttons->addWidget(b);
    buttons->addStretch(1);

    m_tabs = new QTabWidget(this);
    m_editor = new PipelineEditor(m_ws, this);
    m_tabs->addTab(m_editor, tr("Designer"));

    auto *runsPage = new QWidget(this);
    m_runs = table({tr("Started"), tr("Status"), tr("Duration"), tr("Run")}, runsPage);
    m_runs->setObjectName(QStringLiteral("pipelineRuns"));
    m_runTitle = new QLabel(runsPage);
    m_runGraph = new PipelineGraphScene(this);
    m_runView = new QGraphicsView(m_runGraph, runsPage);
    auto *runView = m_runView;
    runView->setRenderHint(QPainter::Antialiasing);
    m_stepLog = new QPlainTextEdit(runsPage);
    m_stepLog->setReadOnly(true);
    m_stepLog->setPlaceholderText(tr("Select a step to see its log and outputs."));
    m_cancel = new QPushButton(tr("Cancel run"), runsPage);
    m_rerun = new QPushButton(tr("Rerun from the failed step"), runsPage);
    m_openAutoML = new QPushButton(tr("Open the AutoML run"), runsPage);
    m_openAutoML->setEnabled(false);
    m_openAutoML->setToolTip(tr("An automl step's run, with its leaderboard and charts, on the Experiments screen"));
    m_cancel->setEnabled(false);
    m_rerun->setEnabled(false);
    auto *runButtons = new QHBoxLayout;
    runButtons->addWidget(m_runTitle, 1);
    runButtons->addWidget(m_openAutoML);
    runButtons->addWidget(m_cancel);
    runButtons->addWidget(m_rerun);
    auto *graphSplit = new QSplitter(Qt::Vertical, runsPage);
    graphSplit->addWidget(runView);
    graphSplit->addWidget(m_stepLog);
    graphSplit->setSizes({380, 110});
    auto *runSplit = new QSplitter(Qt::Horizontal, runsPage);
    runSplit->addWidget(m_runs);
    runSplit->addWidget(graphSplit);
    runSplit->setSizes({330, 670});
    auto *runsLayout = new QVBoxLayout(runsPage);
    runsLayout->addLayout(runButtons);
    runsLayout->addWidget(runSplit, 1);
    m_tabs->addTab(runsPage, tr("Runs"));

    auto *triggersPage = new QWidget(this);
    m_triggers = table({tr("Trigger"), tr("Kind"), tr("When"), tr("Last run")}, triggersPage);
    auto *addTrigger = new QPushButton(tr("Add trigger..."), triggersPage);
    addTrigger->setObjectName(QStringLiteral("addTriggerButton"));
    auto *publish = new QPushButton(tr("Publish (REST trigger)"), triggersPage);
    auto *removeTrigger = new QPushButton(tr("Remove trigger"), triggersPage);
    auto *triggerButtons = new QHBoxLayout;
    for (QPushButton *b : {addTrigger, publish, removeTrigger})
        triggerButtons->addWidget(b);
    triggerButtons->addStretch(1);
    auto *triggersLayout = new QVBoxLayout(triggersPage);
    triggersLayout->addLayout(triggerButtons);
    triggersLayout->addWidget(m_triggers, 1);
    m_tabs->addTab(triggersPage, tr("Triggers"));
    connect(addTrigger, &QPushButton::clicked, this, [this] {
        if (selectedPipeline().isEmpty()) {
            m_message->setText(tr("Select a saved pipeline first."));
            return;
        }
        TriggerDialog dialog(m_ws, selectedPipeline(), this);
        if (dialog.exec() == QDialog::Accepted)
            reload();
    });
    connect(publish, &QPushButton::clicked, this, [this] {
        auto published = pipeline::publishPipeline(m_ws, selectedPipeline());
        if (!published) {
            m_message->setText(published.message());
            return;
        }
        QMessageBox box(QMessageBox::Information, tr("Published"),
                        tr("POST %1/run starts a run of %2 (GET %1/runs/RUN_ID reads its status), while the studio or stratus-cli pipeline "
                           "scheduler runs.\n\nKey (Authorization: Bearer KEY):\n%3")
                            .arg(published->uri, published->trigger.pipeline, published->key),
                        QMessageBox::Ok, this);
        box.setTextInteractionFlags(Qt::TextSelectableByMouse);
        box.exec();
        reload();
    });
    connect(removeTrigger, &QPushButton::clicked, this, [this] {
        const auto items = m_triggers->selectedItems();
        if (items.isEmpty())
            return;
        if (Status s = TriggerStore(m_ws).remove(items.first()->data(Qt::UserRole).toLongLong()); !s)
            m_message->setText(s.message());
        reload();
    });

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_list);
    split->addWidget(m_tabs);
    split->setSizes({120, 590});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);

    connect(create, &QPushButton::clicked, this, &PipelinesScreen::newPipeline);
    connect(open, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open a pipeline file"), QString(), tr("Pipeline files (*.yaml *.yml)"));
        if (!path.isEmpty())
            openFile(path);
    });
    connect(m_run, &QPushButton::clicked, this, &PipelinesScreen::runSelected);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        auto record = PipelineStore(m_ws).resolve(selectedPipeline());
        if (!record)
            return;
        const QString path = QFileDialog::getSaveFileName(this, tr("Export the pipeline"), record->name + QStringLiteral(".yaml"), tr("Pipeline files (*.yaml)"));
        QFile f(path);
        if (!path.isEmpty() && (!f.open(QIODevice::WriteOnly) || f.write(record->definition) < 0))
            m_message->setText(tr("Cannot write %1: %2").arg(path, f.errorString()));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const QString name = selectedPipeline();
        if (name.isEmpty()
            || QMessageBox::question(this, tr("Delete pipeline"), tr("Delete every version of %1? Its runs are kept.").arg(name)) != QMessageBox::Yes)
            return;
        if (Status s = PipelineStore(m_ws).remove(name); !s)
            m_message->setText(s.message());
        reload();
    });
    connect(m_list, &QTableWidget::itemSelectionChanged, this, &PipelinesScreen::showPipeline);
    connect(m_runs, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto items = m_runs->selectedItems();
        if (!items.isEmpty())
            openRun(items.first()->data(Qt::UserRole).toString());
    });
    connect(m_runGraph, &PipelineGraphScene::stepSelected, this, [this](const QString &step) {
        m_stepShown = step;
        showRun();
    });
    connect(m_editor, &PipelineEditor::saved, this, [this](const QString &reference) {
        m_message->setText(tr("Saved %1.").arg(reference));
        reload();
        select(reference.left(reference.lastIndexOf(QLatin1Char(':'))));
    });
    connect(m_openAutoML, &QPushButton::clicked, this, [this] {
        if (!m_stepAutoML.isEmpty())
            emit openExperimentRun(m_stepAutoML);
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (!m_openRun.isEmpty())
            (void)RunStore(m_ws).setStatus(m_openRun, RunStatus::Canceled, QStringLiteral("canceled by the user"));
    });
    connect(m_rerun, &QPushButton::clicked, this, [this] {
        pipeline::RunRequest request;
        request.rerunOf = m_openRun;
        auto runner = std::make_shared<pipeline::PipelineRunner>(m_ws, request);
        auto id = runner->prepare();
        if (!id) {
            m_message->setText(id.message());
            return;
        }
        (void)QtConcurrent::run(m_pool, [runner] { runner->run(); });
        openRun(*id);
    });
    connect(&m_ws, &Workspace::experimentsChanged, this, &PipelinesScreen::reload);
    auto *live = new QTimer(this);
    connect(live, &QTimer::timeout, this, [this] {
        if (isVisible() && !m_openRun.isEmpty())
            showRun();
    });
    live->start(1000);
    reload();
}

PipelinesScreen::~PipelinesScreen()
{
    m_pool->waitForDone();
}

QString PipelinesScreen::selectedPipeline() const
{
    const auto items = m_list->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(Qt::UserRole).toString();
}

void PipelinesScreen::reload()
{
    if (!isVisible()) {
        m_stale = true; // read when shown: an AutoML run elsewhere changes runs many times a second
        return;
    }
    m_stale = false;
    Workspace *ws = &m_ws;
    const QString selected = selectedPipeline();
    m_reloader->request([this, ws, selected]() -> Reloader::Apply {
        QList<ListRow> rows;
        const QList<Run> runs = RunStore(*ws).list().value_or(QList<Run>());
        const QList<PipelineTrigger> triggers = TriggerStore(*ws).list().value_or(QList<PipelineTrigger>());
        for (const PipelineRecord &r : PipelineStore(*ws).list().value_or(QList<PipelineRecord>())) {
            ListRow row{r.name, QString::number(r.version), QString(), tr("never"), QString()};
            if (auto p = pipeline::readPipelineYaml(r.definition, r.reference()))
                row.steps = QString::number(p->steps.size());
            for (const Run &run : runs)
                if (run.kind == QLatin1String("pipeline") && run.algorithm.compare(r.name, Qt::CaseInsensitive) == 0) {
                    row.lastRun = QStringLiteral("%1 (%2)").arg(runStatusLabel(run.displayStatus()), run.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
                    break;
                }
            for (const PipelineTrigger &t : triggers)
                if (t.pipeline == r.name && t.kind == QLatin1String("schedule")) {
                    const QDateTime due = QDateTime::fromString(t.state.value(QStringLiteral("next_due")).toString(), Qt::ISODateWithMs);
                    if (due.isValid() && (row.next.isEmpty() || due.toString(QStringLiteral("yyyy-MM-dd HH:mm")) < row.next))
                        row.next = due.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
                }
            rows.append(row);
        }
        // The selected pipeline's definition, runs and triggers.
        std::optional<pipeline::Pipeline> definition;
        QString baseFolder;
        QList<QStringList> runRows, triggerRows;
        if (!selected.isEmpty()) {
            if (auto record = PipelineStore(*ws).resolve(selected)) {
                baseFolder = record->baseFolder;
                if (auto p = pipeline::readPipelineYaml(record->definition, record->reference()))
                    definition = *p;
            }
            for (const Run &r : runs)
                if (r.kind == QLatin1String("pipeline") && r.algorithm.compare(selected, Qt::CaseInsensitive) == 0)
                    runRows.append({r.createdAt.toLocalTime().toString(QStringLiteral("MM-dd HH:mm:ss")), runStatusLabel(r.displayStatus()),
                                    format::duration(r.durationSeconds()), r.id});
            for (const PipelineTrigger &t : triggers) {
                if (t.pipeline != selected)
                    continue;
                const QString when = pipeline::describeTrigger(t);
                triggerRows.append({QString::number(t.id), t.kind, when, t.state.value(QStringLiteral("last_run")).toString()});
            }
        }
        return [this, rows, selected, definition, baseFolder, runRows, triggerRows] {
            {
                const QSignalBlocker block(m_list);
                m_list->setRowCount(int(rows.size()));
                for (int i = 0; i < rows.size(); ++i)
                    setRow(m_list, i, {rows[i].name, rows[i].version, rows[i].steps, rows[i].lastRun, rows[i].next}, rows[i].name);
                m_list->resizeColumnsToContents();
                for (int i = 0; i < rows.size(); ++i)
                    if (rows[i].name == selected)
                        m_list->selectRow(i);
            }
            const QString now = selectedPipeline();
            m_run->setEnabled(!now.isEmpty());
            if (now != selected || now.isEmpty())
                return; // the selection moved meanwhile: its own reload follows
            if (definition && (m_editor->pipeline().name != definition->name || m_editor->undoStack()->count() == 0))
                m_editor->setPipeline(*definition, baseFolder);
            const QSignalBlocker block(m_runs);
            m_runs->setRowCount(int(runRows.size()));
            for (int i = 0; i < runRows.size(); ++i) {
                setRow(m_runs, i, runRows[i], runRows[i].last());
                if (runRows[i].last() == m_openRun)
                    m_runs->selectRow(i);
            }
            m_runs->resizeColumnsToContents();
            m_triggers->setRowCount(int(triggerRows.size()));
            for (int i = 0; i < triggerRows.size(); ++i)
                setRow(m_triggers, i, triggerRows[i], triggerRows[i].first());
            m_triggers->resizeColumnsToContents();
        };
    });
}

void PipelinesScreen::showEvent(QShowEvent *event)
{
    if (m_stale)
        reload();
    QWidget::showEvent(event);
}

void PipelinesScreen::select(const QString &pipeline)
{
    for (int i = 0; i < m_list->rowCount(); ++i)
        if (m_list->item(i, 0)->text() == pipeline)
            m_list->selectRow(i);
}

void PipelinesScreen::newPipeline()
{
    pipeline::Pipeline p;
    p.name = QStringLiteral("new-pipeline");
    m_list->clearSelection();
    m_editor->setPipeline(p);
    m_tabs->setCurrentIndex(0);
}

void PipelinesScreen::openFile(const QString &path)
{
    auto p = pipeline::readPipelineFile(path);
    if (!p) {
        m_message->setText(p.message());
        return;
    }
    m_editor->setPipeline(*p, QFileInfo(path).absolutePath(), true);
    m_tabs->setCurrentIndex(0);
    m_message->setText(tr("Opened %1: check it and save it as a version.").arg(path));
}

void PipelinesScreen::edit(const QByteArray &yaml)
{
    auto p = pipeline::readPipelineYaml(yaml, tr("the guided workflow"));
    if (!p) {
        m_message->setText(p.message());
        return;
    }
    m_list->clearSelection();
    m_editor->setPipeline(*p, {}, true);
    m_tabs->setCurrentIndex(0);
}

QString PipelinesScreen::runSelected()
{
    const QString name = selectedPipeline();
    if (name.isEmpty()) {
        m_message->setText(tr("Select a pipeline to run (save the Designer's first)."));
        return {};
    }
    pipeline::RunRequest request;
    request.pipeline = name;
    auto runner = std::make_shared<pipeline::PipelineRunner>(m_ws, request);
    auto id = runner->prepare();
    if (!id) {
        m_message->setText(id.message());
        return {};
    }
    (void)QtConcurrent::run(m_pool, [runner] { runner->run(); });
    m_message->setText(tr("Started run %1 of %2.").arg(*id, name));
    openRun(*id);
    return *id;
}

void PipelinesScreen::showPipeline()
{
    const QString name = selectedPipeline();
    if (!name.isEmpty() && name != m_editor->pipeline().name && m_editor->hasUnsavedChanges()
        && QMessageBox::question(this, tr("Unsaved changes"),
                                 tr("The Designer has unsaved changes to %1. Discard them and show %2?").arg(m_editor->pipeline().name, name))
               != QMessageBox::Yes) {
        const QSignalBlocker block(m_list);
        m_list->clearSelection();
        return;
    }
    if (m_editor->hasUnsavedChanges() && name != m_editor->pipeline().name)
        m_editor->setPipeline(m_editor->pipeline()); // discarded: the selected one loads next
    m_run->setEnabled(!selectedPipeline().isEmpty());
    reload();
}

void PipelinesScreen::openRun(const QString &runId)
{
    m_openRun = runId;
    m_stepShown.clear();
    m_stepLog->clear();
    auto run = RunStore(m_ws).get(runId);
    if (run && run->algorithm != selectedPipeline())
        select(run->algorithm); // opened from elsewhere (the Experiments screen): its pipeline too
    if (run)
        if (auto record = PipelineStore(m_ws).resolve(run->config.value(QStringLiteral("pipeline")).toString()))
            if (auto p = pipeline::readPipelineYaml(record->definition, record->reference())) {
                m_runGraph->setPipeline(*p);
                m_runGraph->autoLayout();
                QTimer::singleShot(0, this, [this] { fitGraph(m_runView); });
            }
    m_tabs->setCurrentIndex(1);
    showRun();
}

void PipelinesScreen::showRun()
{
    const QJsonObject run = pipeline::pipelineRunJson(m_ws, m_openRun);
    if (run.isEmpty())
        return;
    const QString status = run.value(QStringLiteral("status")).toString();
    m_runTitle->setText(tr("Run %1 of %2: %3").arg(m_openRun, run.value(QStringLiteral("pipeline")).toString(), runStatusLabel(status)));
    m_cancel->setEnabled(status == QLatin1String("Running") || status == QLatin1String("NotStarted"));
    m_rerun->setEnabled(status == QLatin1String("Failed") || status == QLatin1String("Canceled"));
    QMap<QString, StepStatus> statuses;
    QString log;
    for (const QJsonValue &v : run.value(QStringLiteral("steps")).toArray()) {
        const QJsonObject s = v.toObject();
        const QString step = s.value(QStringLiteral("step")).toString();
        statuses.insert(step, {s.value(QStringLiteral("status")).toString(), s.value(QStringLiteral("duration_seconds")).toDouble()});
        if (step == m_stepShown) {
            const QString model = s.value(QStringLiteral("outputs")).toObject().value(QStringLiteral("best_model")).toString();
            m_stepAutoML = model.startsWith(QLatin1String("run:")) ? model.mid(4) : QString();
            log = tr("Step %1 (%2), run %3: %4\n").arg(step, s.value(QStringLiteral("type")).toString(), s.value(QStringLiteral("run_id")).toString(),
                                                      s.value(QStringLiteral("status")).toString());
            const QJsonObject outputs = s.value(QStringLiteral("outputs")).toObject();
            for (auto it = outputs.begin(); it != outputs.end(); ++it)
                log += tr("output %1: %2\n").arg(it.key(), it.value().toString());
            if (!s.value(QStringLiteral("error")).toString().isEmpty())
                log += tr("error: %1\n").arg(s.value(QStringLiteral("error")).toString());
            log += QLatin1Char('\n') + QString::fromUtf8(RunStore(m_ws).artifact(s.value(QStringLiteral("run_id")).toString(), QStringLiteral("log")).value_or(QByteArray()));
        }
    }
    m_runGraph->setStatuses(statuses);
    if (m_stepShown.isEmpty())
        m_stepAutoML.clear();
    m_openAutoML->setEnabled(!m_stepAutoML.isEmpty());
    if (!m_stepShown.isEmpty())
        m_stepLog->setPlainText(log);
}

} // namespace stratus
