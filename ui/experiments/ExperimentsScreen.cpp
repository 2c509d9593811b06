#include "experiments/ExperimentsScreen.h"

#include "experiments/ChildRunPage.h"
#include "experiments/CompareView.h"
#include "experiments/ExperimentListModel.h"
#include "experiments/RunDetailsPage.h"
#include "experiments/RunManager.h"
#include "experiments/wizard/AutoMLRunPage.h"
#include "experiments/wizard/AutoMLSettingsPage.h"
#include "experiments/wizard/AutoMLWizard.h"
#include "ml/automl/AutoMLRun.h"
#include "models/RegisterModelDialog.h"
#include "registry/RunStore.h"
#include "shared/Format.h"
#include "shared/Reloader.h"
#include "shared/Style.h"
#include "workspace/Workspace.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

namespace stratus {

namespace {
// The experiment page's run table: its number, its ID, its status, ...
constexpr int IdColumn = 1;
constexpr int StatusColumn = 2;
} // namespace

ExperimentsScreen::ExperimentsScreen(Workspace &workspace, RunManager &runs, QWidget *parent)
    : QWidget(parent), m_ws(workspace), m_manager(runs), m_runReloader(new Reloader(this, 500))
{
    // The list of experiments
    m_listPage = new QWidget(this);
    auto *create = new QPushButton(tr("New Automated ML run..."), m_listPage);
    create->setObjectName(QStringLiteral("newAutoMLButton"));
    auto *filter = new QLineEdit(m_listPage);
    filter->setPlaceholderText(tr("Filter by name"));
    filter->setClearButtonEnabled(true);
    m_model = new ExperimentListModel(m_ws, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(Qt::UserRole);
    m_proxy->setFilterKeyColumn(ExperimentListModel::NameColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_list = new QTableView(m_listPage);
    m_list->setObjectName(QStringLiteral("experimentList"));
    m_list->setModel(m_proxy);
    m_list->setSortingEnabled(true);
    m_list->sortByColumn(ExperimentListModel::CreatedColumn, Qt::DescendingOrder);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(true);
    m_message = new QLabel(m_listPage);
    m_message->setWordWrap(true);
    auto *bar = new QHBoxLayout;
    bar->addWidget(create);
    bar->addStretch();
    bar->addWidget(filter);
    auto *listLayout = new QVBoxLayout(m_listPage);
    listLayout->addWidget(style::title(tr("Experiments"), m_listPage));
    listLayout->addLayout(bar);
    listLayout->addWidget(m_list, 1);
    listLayout->addWidget(m_message);

    // One experiment's runs
    m_experimentPage = new QWidget(this);
    auto *back = new QPushButton(tr("← Experiments"), m_experimentPage);
    back->setObjectName(QStringLiteral("backToExperiments"));
    back->setFlat(true);
    m_experimentTitle = style::title(QString(), m_experimentPage, 1.3);
    auto *newRun = new QPushButton(tr("New run..."), m_experimentPage);
    auto *openRun = new QPushButton(tr("Open"), m_experimentPage);
    m_cancelRun = new QPushButton(tr("Cancel"), m_experimentPage);
    m_cancelRun->setObjectName(QStringLiteral("cancelExperimentRun"));
    m_cancelRun->setEnabled(false);
    m_runs = new QTableWidget(0, 8, m_experimentPage);
    m_runs->setObjectName(QStringLiteral("runTable"));
    m_runs->setHorizontalHeaderLabels({tr("#"), tr("Run"), tr("Status"), tr("Started"), tr("Duration"), tr("Best model"), tr("Primary metric"), tr("Score")});
    m_runs->verticalHeader()->hide();
    m_runs->horizontalHeader()->setStretchLastSection(true);
    m_runs->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runs->setSelectionMode(QAbstractItemView::SingleSelection);
    m_runs->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *top = new QHBoxLayout;
    top->addWidget(back);
    top->addWidget(m_experimentTitle, 1);
    top->addWidget(newRun);
    top->addWidget(openRun);
    top->addWidget(m_cancelRun);
    auto *experimentLayout = new QVBoxLayout(m_experimentPage);
    experimentLayout->addLayout(top);
    experimentLayout->addWidget(m_runs, 1);

    m_runPage = new RunDetailsPage(m_ws, m_manager, this);
    m_childPage = new ChildRunPage(m_ws, this);
    m_compare = new CompareView(m_ws, this);
    m_stack = new QStackedWidget(this);
    for (QWidget *w : {m_listPage, m_experimentPage, static_cast<QWidget *>(m_runPage), static_cast<QWidget *>(m_childPage),
                       static_cast<QWidget *>(m_compare)})
        m_stack->addWidget(w);

    // The comparison basket, above every page
    m_basketBar = new QWidget(this);
    m_basketLabel = new QLabel(m_basketBar);
    auto *compareBasket = new QPushButton(tr("Compare"), m_basketBar);
    auto *clearBasket = new QPushButton(tr("Clear"), m_basketBar);
    auto *basketLayout = new QHBoxLayout(m_basketBar);
    basketLayout->setContentsMargins(6, 2, 6, 2);
    basketLayout->addWidget(m_basketLabel, 1);
    basketLayout->addWidget(compareBasket);
    basketLayout->addWidget(clearBasket);
    m_basketBar->setStyleSheet(QStringLiteral("background: #eef5fc;"));
    m_basketBar->hide();

    // What registering a model did, with a link to it.
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("registeredNotice"));
    m_notice->setStyleSheet(QStringLiteral("background: #e6f4ea; padding: 4px 8px;"));
    m_notice->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_notice->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_basketBar);
    layout->addWidget(m_notice);
    layout->addWidget(m_stack, 1);
    auto *backKey = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Left), this);
    backKey->setContext(Qt::WidgetWithChildrenShortcut);
    auto *forwardKey = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Right), this);
    forwardKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(backKey, &QShortcut::activated, this, &ExperimentsScreen::visitBack);
    connect(forwardKey, &QShortcut::activated, this, &ExperimentsScreen::visitForward);
    connect(m_notice, &QLabel::linkActivated, this, [this](const QString &reference) { emit openModel(reference); });
    connect(this, &ExperimentsScreen::modelRegistered, this, [this](const QString &reference) {
        m_notice->setText(tr("Registered model %1. <a href=\"%2\">Open it in Models</a>").arg(reference.toHtmlEscaped(), reference.toHtmlEscaped()));
        m_notice->show();
    });

    connect(create, &QPushButton::clicked, this, [this] { startAutoML(); });
    connect(newRun, &QPushButton::clicked, this, [this] { startAutoML(); });
    connect(filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_list, &QTableView::activated, this, [this](const QModelIndex &index) {
        openExperiment(m_model->nameAt(m_proxy->mapToSource(index).row()));
    });
    connect(m_model, &ExperimentListModel::loadFailed, m_message, &QLabel::setText);
    connect(m_model, &QAbstractItemModel::modelReset, m_list, &QTableView::resizeColumnsToContents);
    connect(back, &QPushButton::clicked, this, &ExperimentsScreen::showList);
    auto selectedRun = [this] {
        const int row = m_runs->currentRow();
        return row >= 0 && m_runs->item(row, IdColumn) ? m_runs->item(row, IdColumn)->text() : QString();
    };
    connect(m_runs, &QTableWidget::cellActivated, this, [this](int row) { this->openRun(m_runs->item(row, IdColumn)->text()); });
    connect(openRun, &QPushButton::clicked, this, [this, selectedRun] {
        if (!selectedRun().isEmpty())
            this->openRun(selectedRun());
    });
    connect(m_cancelRun, &QPushButton::clicked, this, [this, selectedRun] {
        if (!m_manager.cancel(selectedRun()))
            QMessageBox::information(this, tr("Cancel"), tr("Only runs started by this studio and still running can be canceled here."));
    });
    connect(m_runs, &QTableWidget::currentCellChanged, this, [this, selectedRun] {
        m_cancelRun->setEnabled(m_manager.run(selectedRun()) && !m_manager.run(selectedRun())->isFinished());
    });
    connect(&m_ws, &Workspace::experimentsChanged, this, &ExperimentsScreen::reloadRuns);
    // "← Experiment": the run's experiment, whatever was visited before.
    connect(m_runPage, &RunDetailsPage::backRequested, this, [this] {
        const QString experiment = m_runPage->run().experiment;
        if (experiment.isEmpty())
            showList();
        else
            openExperiment(experiment);
    });
    connect(m_runPage, &RunDetailsPage::deployRequested, this, &ExperimentsScreen::deployModel);
    connect(m_runPage, &RunDetailsPage::openChildRun, this, &ExperimentsScreen::openChildRun);
    connect(m_runPage, &RunDetailsPage::compareRequested, this, &ExperimentsScreen::compare);
    connect(m_runPage, &RunDetailsPage::registerRequested, this, &ExperimentsScreen::registerModel);
    connect(m_runPage, &RunDetailsPage::addToComparison, this, [this](const QStringList &ids) {
        for (const QString &id : ids)
            if (!m_basket.contains(id))
                m_basket << id;
        updateBasket();
    });
    // "← Run": the child's AutoML run.
    connect(m_childPage, &ChildRunPage::backRequested, this, [this] {
        if (m_childParent.isEmpty())
            showList();
        else
            this->openRun(m_childParent);
    });
    connect(m_childPage, &ChildRunPage::registerRequested, this, &ExperimentsScreen::registerModel);
    connect(m_compare, &CompareView::backRequested, this, &ExperimentsScreen::visitBack);
    connect(m_compare, &CompareView::openChildRun, this, &ExperimentsScreen::openChildRun);
    connect(compareBasket, &QPushButton::clicked, this, [this] { compare(m_basket); });
    connect(clearBasket, &QPushButton::clicked, this, [this] {
        m_basket.clear();
        updateBasket();
    });
    connect(&m_manager, &RunManager::started, this, &ExperimentsScreen::openRun);
    connect(&m_manager, &RunManager::startFailed, this, [this](const QString &message) {
        QMessageBox::warning(this, tr("The run could not start"), message);
    });
}

void ExperimentsScreen::show(QWidget *page, const Visit &visit)
{
    m_stack->setCurrentWidget(page);
    m_notice->hide();
    if (m_revisiting)
        return;
    // A new visit drops the pages ahead of the current one, as a browser does.
    while (m_visits.size() > m_visit + 1)
        m_visits.removeLast();
    m_visits << visit;
    if (m_visits.size() > 50)
        m_visits.removeFirst();
    m_visit = int(m_visits.size()) - 1;
}

void ExperimentsScreen::revisit(const Visit &visit)
{
    m_revisiting = true;
    switch (visit.kind) {
    case Visit::List: showList(); break;
    case Visit::Experiment: openExperiment(visit.id); break;
    case Visit::Run: openRun(visit.id); break;
    case Visit::Child: openChildRun(visit.id); break;
    case Visit::Compare: compare(visit.ids); break;
    }
    m_revisiting = false;
}

void ExperimentsScreen::visitBack()
{
    if (m_visit <= 0)
        return;
    revisit(m_visits.at(--m_visit));
}

void ExperimentsScreen::visitForward()
{
    if (m_visit + 1 >= m_visits.size())
        return;
    revisit(m_visits.at(++m_visit));
}

QWidget *ExperimentsScreen::currentPage() const
{
    return m_stack->currentWidget();
}

void ExperimentsScreen::showList()
{
    show(m_listPage, {Visit::List, {}, {}});
}

void ExperimentsScreen::startAutoML(const QString &dataset)
{
    auto *wizard = new AutoMLWizard(m_ws, dataset.isEmpty() ? m_recentDataset : dataset, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowModality(Qt::WindowModal);
    if (!m_experiment.isEmpty() && m_stack->currentWidget() != m_listPage)
        wizard->runPage()->experiment()->setCurrentText(m_experiment);
    connect(wizard, &QWizard::accepted, this, [this, wizard] {
        if (wizard->settingsPage()->isForecasting())
            m_manager.submitForecasting(wizard->config(), wizard->settingsPage()->forecastingParameters());
        else
            m_manager.submit(wizard->config());
    });
    wizard->show();
}

void ExperimentsScreen::openExperiment(const QString &name)
{
    m_experiment = name;
    m_experimentTitle->setText(tr("Experiment %1").arg(name));
    m_runs->setRowCount(0);
    show(m_experimentPage, {Visit::Experiment, name, {}});
    reloadRuns();
}

void ExperimentsScreen::reloadRuns()
{
    if (m_experiment.isEmpty())
        return;
    Workspace *ws = &m_ws;
    const QString experiment = m_experiment;
    m_runReloader->request([this, ws, experiment]() -> Reloader::Apply {
        RunStore store(*ws);
        auto runs = store.list(experiment);
        // The algorithm of each run's best model (recorded with the run; read for runs older than that).
        QHash<QString, QString> best;
        if (runs)
            for (const Run &r : std::as_const(*runs)) {
                const QString id = r.config.value(QStringLiteral("best_child_run_id")).toString();
                const QString recorded = r.config.value(QStringLiteral("best_algorithm")).toString();
                if (!recorded.isEmpty())
                    best.insert(r.id, recorded);
                else if (!id.isEmpty())
                    best.insert(r.id, store.get(id).value_or(Run{}).algorithm);
            }
        return [this, runs, best, experiment] {
            if (experiment != m_experiment || !runs)
                return;
            const QString current = m_runs->currentRow() >= 0 && m_runs->item(m_runs->currentRow(), IdColumn)
                                        ? m_runs->item(m_runs->currentRow(), IdColumn)->text()
                                        : QString();
            m_runs->setRowCount(int(runs->size()));
            for (int i = 0; i < runs->size(); ++i) {
                const Run &r = runs->at(i);
                const QString metric = r.config.value(QStringLiteral("primary_metric")).toString();
                const QString status = r.displayStatus();
                // "#": the run's number in its experiment, oldest first (the compare view's "run 2").
                const QStringList cells = {QString::number(runs->size() - i), r.id, runStatusLabel(status), QLocale().toString(r.startedAt.toLocalTime(), QLocale::ShortFormat),
                                           format::duration(r.durationSeconds()), best.value(r.id), metric,
                                           format::metric(r.metrics.value(metric, std::nan("")))};
                for (int c = 0; c < cells.size(); ++c) {
                    auto *item = new QTableWidgetItem(cells[c]);
                    if (c == StatusColumn)
                        item->setForeground(format::statusColor(status));
                    if (c == StatusColumn && !r.error.isEmpty())
                        item->setToolTip(r.error);
                    m_runs->setItem(i, c, item);
                }
                if (r.id == current)
                    m_runs->selectRow(i);
            }
            m_runs->resizeColumnsToContents();
        };
    });
}

void ExperimentsScreen::openRun(const QString &parentId)
{
    // A pipeline run (or one of its steps) is drawn by the Pipelines screen.
    if (auto run = RunStore(m_ws).get(parentId); run && (run->kind == QLatin1String("pipeline") || run->kind == QLatin1String("step"))) {
        emit openPipelineRun(run->parentId.isEmpty() ? run->id : run->parentId);
        return;
    }
    if (auto run = RunStore(m_ws).get(parentId); run && m_experiment != run->experiment) {
        m_experiment = run->experiment;
        m_experimentTitle->setText(tr("Experiment %1").arg(m_experiment));
        reloadRuns();
    }
    m_runPage->showRun(parentId);
    show(m_runPage, {Visit::Run, parentId, {}});
}

void ExperimentsScreen::openChildRun(const QString &runId)
{
    m_childParent = RunStore(m_ws).get(runId).value_or(Run{}).parentId;
    m_childPage->showRun(runId);
    show(m_childPage, {Visit::Child, runId, {}});
}

void ExperimentsScreen::compare(const QStringList &runIds)
{
    if (runIds.size() < 2) {
        QMessageBox::information(this, tr("Compare runs"), tr("Select at least two child runs to compare."));
        return;
    }
    m_compare->showRuns(runIds);
    show(m_compare, {Visit::Compare, {}, runIds});
}

void ExperimentsScreen::registerModel(const QString &runId)
{
    openRegisterDialog(runId);
}

RegisterModelDialog *ExperimentsScreen::openRegisterDialog(const QString &runId)
{
    QString suggested = QStringLiteral("model");
    if (auto run = RunStore(m_ws).get(runId)) {
        QString dataset = run->config.value(QStringLiteral("dataset_version")).toString().section(QLatin1Char(':'), 0, 0);
        if (dataset.isEmpty())
            if (auto parent = RunStore(m_ws).get(run->parentId))
                dataset = parent->config.value(QStringLiteral("dataset_version")).toString().section(QLatin1Char(':'), 0, 0);
        if (!dataset.isEmpty())
            suggested = dataset + QStringLiteral("-model");
    }
    auto *dialog = new RegisterModelDialog(m_ws, runId, suggested, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RegisterModelDialog::registeredModel, this, &ExperimentsScreen::modelRegistered);
    dialog->open();
    return dialog;
}

void ExperimentsScreen::deployModel(const QString &runId)
{
    // A model is deployed from the registry: register it, then open the deploy form on it.
    connect(openRegisterDialog(runId), &RegisterModelDialog::registeredModel, this, &ExperimentsScreen::deployRequested);
}

void ExperimentsScreen::updateBasket()
{
    m_basketBar->setVisible(!m_basket.isEmpty());
    m_basketLabel->setText(tr("Runs collected for comparison: %1").arg(m_basket.size()));
}

} // namespace stratus
