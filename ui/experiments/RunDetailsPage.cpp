#include "experiments/RunDetailsPage.h"

#include "experiments/LeaderboardModel.h"
#include "experiments/RunManager.h"
#include "ml/automl/AutoMLConfig.h"
#include "ml/automl/AutoMLRun.h"
#include "ml/automl/CompletedTrialEnsembles.h"
#include "ml/automl/Guardrails.h"
#include "registry/RunStore.h"
#include "shared/ChartView.h"
#include "shared/Format.h"
#include "shared/Reloader.h"
#include "shared/SortProxy.h"
#include "shared/Style.h"
#include "workspace/Workspace.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>

namespace stratus {

RunDetailsPage::RunDetailsPage(Workspace &workspace, RunManager &runs, QWidget *parent)
    : QWidget(parent), m_ws(workspace), m_runs(runs), m_reloader(new Reloader(this, 300)), m_tick(new QTimer(this))
{
    auto *back = new QPushButton(tr("← Experiment"), this);
    back->setObjectName(QStringLiteral("backToExperiment"));
    back->setFlat(true);
    m_title = style::title(QString(), this, 1.3);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("runStatus"));
    m_elapsed = new QLabel(this);
    m_best = new QLabel(this);
    m_best->setObjectName(QStringLiteral("recommendation"));
    m_best->setWordWrap(true);
    m_best->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_ended = new QLabel(this);
    m_ended->setObjectName(QStringLiteral("endReason"));
    m_ended->setWordWrap(true);
    m_registerBest = new QPushButton(tr("Register recommended..."), this);
    m_registerBest->setObjectName(QStringLiteral("registerRecommended"));
    m_deployBest = new QPushButton(tr("Deploy recommended..."), this);
    m_deployBest->setObjectName(QStringLiteral("deployRecommended"));
    m_registerTop = new QPushButton(tr("Register top-ranked..."), this);
    m_registerTop->setObjectName(QStringLiteral("registerTop"));
    m_deployTop = new QPushButton(tr("Deploy top-ranked..."), this);
    m_deployTop->setObjectName(QStringLiteral("deployTop"));
    m_buildEnsembles = new QPushButton(tr("Build the ensembles from the completed trials"), this);
    m_buildEnsembles->setObjectName(QStringLiteral("buildEnsembles"));
    m_buildEnsembles->setToolTip(tr("The run stopped before its ensembles: build them now from the trials that completed, as it would have."));
    m_buildEnsembles->hide();
    m_progress = style::progressBar(this);
    m_progress->setMaximumWidth(260);
    m_cancel = new QPushButton(tr("Cancel run"), this);
    m_cancel->setObjectName(QStringLiteral("cancelRunButton"));
    auto *header = new QHBoxLayout;
    header->addWidget(m_status);
    header->addWidget(m_elapsed);
    header->addWidget(m_progress);
    header->addStretch();
    header->addWidget(m_cancel);

    // Models
    m_board = new LeaderboardModel(this);
    m_proxy = new SortProxy(this);
    m_proxy->setSourceModel(m_board);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("leaderboard"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(LeaderboardModel::RankColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setResizeContentsPrecision(100);
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter by algorithm or status"));
    m_filter->setClearButtonEnabled(true);
    m_open = new QPushButton(tr("Open"), this);
    m_compare = new QPushButton(tr("Compare selected"), this);
    m_compare->setObjectName(QStringLiteral("compareButton"));
    m_register = new QPushButton(tr("Register selected..."), this);
    m_register->setObjectName(QStringLiteral("registerButton"));
    m_register->setToolTip(tr("Registers the model of the selected leaderboard row (trained on every row first)."));
    m_cancelTrial = new QPushButton(tr("Cancel trial"), this);
    m_basket = new QPushButton(tr("Add to comparison"), this);
    m_basket->setToolTip(tr("Collects runs from several AutoML runs and experiments to compare them together."));
    auto *modelsBar = new QHBoxLayout;
    modelsBar->addWidget(m_filter, 1);
    modelsBar->addWidget(m_open);
    modelsBar->addWidget(m_compare);
    modelsBar->addWidget(m_basket);
    modelsBar->addWidget(m_register);
    modelsBar->addWidget(m_cancelTrial);
    auto *models = new QWidget(this);
    auto *modelsLayout = new QVBoxLayout(models);
    modelsLayout->addLayout(modelsBar);
    modelsLayout->addWidget(m_view, 1);

    // Data guardrails and featurization
    m_guardrails = style::table({tr("Guardrail"), tr("Status"), tr("Details")}, this);
    m_featurization = style::table({tr("Column"), tr("Type"), tr("Featurization"), tr("Features")}, this);
    auto *data = new QWidget(this);
    auto *dataLayout = new QVBoxLayout(data);
    dataLayout->addWidget(new QLabel(tr("Data guardrails"), data));
    dataLayout->addWidget(m_guardrails, 1);
    dataLayout->addWidget(new QLabel(tr("Featurization summary"), data));
    dataLayout->addWidget(m_featurization, 2);

    m_chart = new ChartView(this);
    m_chart->setObjectName(QStringLiteral("trialChart"));
    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(models, tr("Models"));
    m_tabs->addTab(data, tr("Data guardrails"));
    m_tabs->addTab(m_chart, tr("Charts"));
    m_tabs->addTab(m_log, tr("Logs"));

    // The recommended model, why, and what to do with it (or with the top-ranked one).
    auto *choice = new QHBoxLayout;
    choice->addWidget(m_registerBest);
    choice->addWidget(m_deployBest);
    choice->addSpacing(12);
    choice->addWidget(m_registerTop);
    choice->addWidget(m_deployTop);
    choice->addSpacing(12);
    choice->addWidget(m_buildEnsembles);
    choice->addStretch();

    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    top->addWidget(back);
    top->addWidget(m_title, 1);
    layout->addLayout(top);
    layout->addLayout(header);
    layout->addWidget(m_ended);
    layout->addWidget(m_best);
    layout->addLayout(choice);
    layout->addWidget(m_tabs, 1);

    connect(back, &QPushButton::clicked, this, &RunDetailsPage::backRequested);
    connect(m_cancel, &QPushButton::clicked, this, &RunDetailsPage::cancelRun);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit openChildRun(m_board->runAt(m_proxy->mapToSource(index).row()).id);
    });
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QStringList ids = selectedRunIds();
        if (!ids.isEmpty())
            emit openChildRun(ids.first());
    });
    connect(m_compare, &QPushButton::clicked, this, [this] {
        const QStringList ids = selectedRunIds();
        emit compareRequested(ids.size() >= 2 ? ids : QStringList{});
    });
    connect(m_basket, &QPushButton::clicked, this, [this] { emit addToComparison(selectedRunIds()); });
    connect(m_register, &QPushButton::clicked, this, [this] {
        const QStringList ids = selectedRunIds();
        if (ids.size() == 1)
            emit registerRequested(ids.first());
    });
    connect(m_registerBest, &QPushButton::clicked, this, [this] { emit registerRequested(m_recommendation.runId); });
    connect(m_deployBest, &QPushButton::clicked, this, [this] { emit deployRequested(m_recommendation.runId); });
    connect(m_registerTop, &QPushButton::clicked, this, [this] { emit registerRequested(m_recommendation.topRunId); });
    connect(m_deployTop, &QPushButton::clicked, this, [this] { emit deployRequested(m_recommendation.topRunId); });
    connect(m_buildEnsembles, &QPushButton::clicked, this, &RunDetailsPage::buildEnsembles);
    connect(m_best, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == QLatin1String("model"))
            emit openChildRun(m_recommendation.runId);
        else if (link == QLatin1String("log"))
            m_tabs->setCurrentWidget(m_log);
    });
    connect(m_cancelTrial, &QPushButton::clicked, this, [this] {
        if (ml::AutoMLRun *live = m_runs.run(m_runId))
            for (const QString &id : selectedRunIds())
                live->cancelTrial(id);
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentWidget() == m_chart && m_chartStale)
            updateChart();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RunDetailsPage::updateHeader);
    connect(&m_ws, &Workspace::experimentsChanged, this, &RunDetailsPage::reload);
    connect(m_tick, &QTimer::timeout, this, &RunDetailsPage::reload);
    m_tick->setInterval(1000);
}

QStringList RunDetailsPage::selectedRunIds() const
{
    QStringList ids;
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : rows)
        ids << m_board->runAt(m_proxy->mapToSource(index).row()).id;
    return ids;
}

void RunDetailsPage::showRun(const QString &parentId)
{
    if (parentId != m_runId) {
        m_runId = parentId;
        m_run = Run{};
        m_board->clear();
        m_guardrails->setRowCount(0);
        m_featurization->setRowCount(0);
        m_log->clear();
        m_logBytes = 0;
        m_chart->clearSeries();
        m_chart->replot();
        m_title->setText(parentId);
        m_tabs->setCurrentIndex(0);
    }
    reload();
}

void RunDetailsPage::reload()
{
    // A finished run's page that is not shown has nothing new to read.
    if (m_runId.isEmpty() || (!isVisible() && !m_run.id.isEmpty() && isTerminal(m_run.status)))
        return;
    Workspace *ws = &m_ws;
    const QString id = m_runId;
    const bool live = m_runs.run(id) != nullptr;
    m_reloader->request([this, ws, id, live]() -> Reloader::Apply {
        RunStore store(*ws);
        auto parent = store.get(id);
        if (!parent)
            return [this, message = parent.message()] { m_status->setText(message); };
        auto children = store.children(id);
        const QByteArray guardrails = store.artifact(id, QStringLiteral("guardrails")).value_or(QByteArray());
        const QByteArray featurization = store.artifact(id, QStringLiteral("featurization")).value_or(QByteArray());
        const QByteArray log = live ? QByteArray() : store.artifact(id, QStringLiteral("log")).value_or(QByteArray());
        return [=, this, run = *parent, list = children.value_or(QList<Run>())] {
            if (run.id == m_runId)
                apply(run, list, guardrails, featurization, log);
        };
    });
}

void RunDetailsPage::apply(const Run &parent, const QList<Run> &children, const QByteArray &guardrails,
                           const QByteArray &featurization, const QByteArray &log)
{
    m_run = parent;
    const QString metric = parent.config.value(QStringLiteral("primary_metric")).toString();
    const QString taskName = parent.config.value(QStringLiteral("task")).toString();
    const ml::Task task = taskName == QLatin1String("regression") || taskName == QLatin1String("forecasting") ? ml::Task::Regression
                                                                                                              : ml::Task::Classification;
    QStringList others = ml::primaryMetrics(task);
    others.removeAll(metric);
    m_board->setMetrics(metric, others);
    const int before = m_board->rowCount();
    const QString chosenBefore = m_board->chosen();
    m_board->setRuns(children);
    m_board->setChosen(parent.config.value(QStringLiteral("best_child_run_id")).toString());
    m_recommendation = ml::recommendation(parent, children);
    m_ensemblesPossible = ml::canEnsembleCompletedTrials(parent, children).ok();
    // Columns fit their contents (the headers' too), measured on the first
    // hundred rows: again when rows arrive or the chosen row turns bold.
    if (m_board->rowCount() != before || m_board->chosen() != chosenBefore)
        m_view->resizeColumnsToContents();
    m_title->setText(tr("%1 — %2").arg(parent.experiment, parent.id));

    if (m_guardrails->rowCount() == 0 && !guardrails.isEmpty()) {
        const QJsonArray rows = QJsonDocument::fromJson(guardrails).array();
        m_guardrails->setRowCount(int(rows.size()));
        for (int i = 0; i < rows.size(); ++i) {
            const QJsonObject g = rows[i].toObject();
            m_guardrails->setItem(i, 0, new QTableWidgetItem(ml::guardrailName(g)));
            const QString code = g.value(QStringLiteral("status")).toString();
            auto *status = new QTableWidgetItem(ml::guardrailStatus(g));
            status->setForeground(code == QLatin1String("Alerted") ? QColor(196, 43, 28)
                                  : code == QLatin1String("Done") ? QColor(0, 95, 184)
                                                                  : QColor(16, 124, 16));
            m_guardrails->setItem(i, 1, status);
            m_guardrails->setItem(i, 2, new QTableWidgetItem(ml::describeGuardrail(g)));
        }
        m_guardrails->resizeColumnsToContents();
        m_guardrails->resizeRowsToContents();
    }
    if (m_featurization->rowCount() == 0 && !featurization.isEmpty()) {
        const QJsonArray rows = QJsonDocument::fromJson(featurization).array();
        m_featurization->setRowCount(int(rows.size()));
        for (int i = 0; i < rows.size(); ++i) {
            const QJsonObject c = rows[i].toObject();
            QStringList features;
            for (const QJsonValue &f : c.value(QStringLiteral("features")).toArray())
                features << f.toString();
            m_featurization->setItem(i, 0, new QTableWidgetItem(c.value(QStringLiteral("column")).toString()));
            m_featurization->setItem(i, 1, new QTableWidgetItem(c.value(QStringLiteral("type")).toString()));
            m_featurization->setItem(i, 2, new QTableWidgetItem(format::featurizationAction(c.value(QStringLiteral("action")).toString())));
            m_featurization->setItem(i, 3, new QTableWidgetItem(features.join(QStringLiteral(", "))));
        }
        m_featurization->resizeColumnsToContents();
    }
    const ml::AutoMLRun *live = m_runs.run(m_runId);
    const QByteArray text = live ? live->logText() : log;
    if (!text.isEmpty() && text.size() != m_logBytes) {
        // The log only grows: append what is new (setting the whole text again
        // would lay out thousands of lines on every update).
        QScrollBar *bar = m_log->verticalScrollBar();
        const bool atEnd = bar->value() == bar->maximum();
        if (text.size() > m_logBytes && m_logBytes > 0)
            m_log->appendPlainText(QString::fromUtf8(text.mid(m_logBytes)).chopped(text.endsWith('\n') ? 1 : 0));
        else
            m_log->setPlainText(QString::fromUtf8(text));
        m_logBytes = text.size();
        if (atEnd)
            bar->setValue(bar->maximum());
    } else if (text.isEmpty() && isTerminal(parent.status) && m_log->toPlainText().isEmpty()) {
        m_log->setPlainText(tr("This run kept no log."));
    }
    if (isTerminal(parent.status))
        m_tick->stop();
    else if (!m_tick->isActive())
        m_tick->start();
    updateHeader();
    if (m_tabs->currentWidget() == m_chart)
        updateChart();
    else
        m_chartStale = true;
}

void RunDetailsPage::updateHeader()
{
    const Run &r = m_run;
    const QString status = r.displayStatus();
    // An interrupted run says so in its status; the end sentence below says the rest.
    m_status->setText(QStringLiteral("<b style='color:%1'>%2</b>").arg(format::statusColor(status).name(), runStatusLabel(status))
                      + (r.error.isEmpty() || r.wasInterrupted() ? QString() : QStringLiteral(": ") + r.error.toHtmlEscaped()));
    m_elapsed->setText(r.startedAt.isValid() ? tr("Elapsed: %1").arg(format::duration(r.durationSeconds())) : QString());
    const int maxTrials = r.config.value(QStringLiteral("max_trials")).toInt();
    const int timeout = r.config.value(QStringLiteral("experiment_timeout_seconds")).toInt();
    int finished = 0;
    for (int row = 0; row < m_board->rowCount(); ++row)
        finished += isTerminal(m_board->runAt(row).status) ? 1 : 0;
    int ensembles = 0;
    for (int row = 0; row < m_board->rowCount(); ++row)
        ensembles += m_board->runAt(row).kind == QLatin1String("ensemble") ? 1 : 0;
    if (isTerminal(r.status)) {
        m_progress->setRange(0, 1);
        m_progress->setValue(1);
        m_progress->setFormat(ensembles ? tr("Trials: %1 · ensembles: %2").arg(finished - ensembles).arg(ensembles)
                                        : tr("Trials: %1").arg(finished));
    } else if (timeout > 0) {
        m_progress->setRange(0, timeout);
        m_progress->setValue(qMin(timeout, int(r.durationSeconds())));
        m_progress->setFormat(tr("%1 of %2 · trials: %3")
                                  .arg(format::duration(r.durationSeconds()), format::duration(timeout))
                                  .arg(finished));
    } else {
        m_progress->setRange(0, qMax(1, maxTrials));
        m_progress->setValue(qMin(finished, maxTrials));
        m_progress->setFormat(tr("%1 of %2 trials").arg(finished).arg(maxTrials));
    }
    const bool live = m_runs.run(m_runId) && !isTerminal(r.status);
    m_cancel->setEnabled(live);
    m_cancel->setToolTip(live || isTerminal(r.status) ? QString()
                                                      : tr("This run belongs to another program (%1).").arg(r.owner));
    // Which model the run recommends, its rank and why, in words.
    const ml::Recommendation &rec = m_recommendation;
    m_best->setVisible(!rec.runId.isEmpty());
    m_best->setText(rec.runId.isEmpty() ? QString()
                                        : QStringLiteral("%1 <a href=\"model\">%2</a> · <a href=\"log\">%3</a>")
                                              .arg(rec.sentence.toHtmlEscaped(), tr("Open the model"), tr("See the run's log")));
    QStringList ended{ml::endSentence(r), ml::schedulerSentence(r)};
    ended.removeAll(QString());
    m_ended->setVisible(!ended.isEmpty());
    m_ended->setText(ended.join(QLatin1Char(' ')));
    // The candidates not started, with why: the tooltip.
    QStringList skipped;
    for (const QJsonValue &s : r.config.value(QStringLiteral("scheduler"))[QStringLiteral("skipped")].toArray())
        skipped << QStringLiteral("%1: %2").arg(s[QStringLiteral("algorithm")].toString(), s[QStringLiteral("reason")].toString()).toHtmlEscaped();
    m_ended->setToolTip(skipped.isEmpty() ? QString() : QStringLiteral("<p>%1</p>").arg(skipped.join(QStringLiteral("<br>"))));
    m_buildEnsembles->setVisible((m_ensemblesPossible || m_buildingEnsembles) && !live);
    m_buildEnsembles->setEnabled(!m_buildingEnsembles);
    m_registerBest->setVisible(!rec.runId.isEmpty());
    m_deployBest->setVisible(!rec.runId.isEmpty());
    m_registerTop->setVisible(!rec.runId.isEmpty() && !rec.isTop());
    m_deployTop->setVisible(!rec.runId.isEmpty() && !rec.isTop());
    if (!rec.runId.isEmpty()) {
        m_registerBest->setToolTip(tr("Registers %1 (%2), the model this run recommends.").arg(rec.algorithm, rec.runId));
        m_registerTop->setToolTip(tr("Registers %1 (%2), the top of the leaderboard, trained on every row first.")
                                      .arg(rec.topAlgorithm, rec.topRunId));
    }
    const QStringList selected = selectedRunIds();
    m_open->setEnabled(selected.size() == 1);
    m_compare->setEnabled(selected.size() >= 2);
    m_basket->setEnabled(!selected.isEmpty());
    m_register->setEnabled(selected.size() == 1 && m_board->runAt(m_board->rowOf(selected.first())).status == RunStatus::Completed);
    m_cancelTrial->setVisible(live);
    m_cancelTrial->setEnabled(!selected.isEmpty());
}

void RunDetailsPage::buildEnsembles()
{
    m_buildingEnsembles = true;
    m_buildEnsembles->setEnabled(false);
    m_buildEnsembles->setText(tr("Building the ensembles..."));
    Workspace *ws = &m_ws;
    const QString id = m_runId;
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_buildingEnsembles = false;
        m_buildEnsembles->setText(tr("Build the ensembles from the completed trials"));
        m_buildEnsembles->setVisible(false); // until the reload says whether it is still possible
        if (!watcher->result().isEmpty())
            QMessageBox::warning(this, tr("Build the ensembles"), watcher->result());
        reload();
    });
    watcher->setFuture(QtConcurrent::run([ws, id]() -> QString {
        auto built = ml::ensembleCompletedTrials(*ws, id);
        return built ? QString() : built.message();
    }));
}

void RunDetailsPage::updateChart()
{
    m_chartStale = false;
    const QString metric = m_board->metric();
    const bool higher = higherIsBetter(metric);
    std::vector<std::pair<double, double>> points;
    for (int row = 0; row < m_board->rowCount(); ++row) {
        const Run &r = m_board->runAt(row);
        if (r.status == RunStatus::Completed && r.metrics.contains(metric))
            points.emplace_back(r.config.value(QStringLiteral("iteration")).toDouble(row), r.metrics.value(metric));
    }
    std::sort(points.begin(), points.end());
    std::vector<double> x, y, bestX, bestY;
    for (const auto &[i, v] : points) {
        x.push_back(i);
        y.push_back(v);
        const double best = bestY.empty() ? v : higher ? std::max(bestY.back(), v) : std::min(bestY.back(), v);
        bestX.push_back(i);
        bestY.push_back(best);
    }
    m_chart->clearSeries();
    m_chart->setAxisLabels(tr("Iteration"), metric);
    m_chart->addSeries(tr("Trials"), x, y, ChartView::seriesColor(0), true);
    QCPCurve *line = m_chart->addSeries(tr("Best so far"), bestX, bestY, ChartView::seriesColor(1));
    line->setLineStyle(QCPCurve::lsLine);
    m_chart->fitAxes();
}

void RunDetailsPage::cancelRun()
{
    if (QMessageBox::question(this, tr("Cancel run"), tr("Stop run %1? Finished trials are kept.").arg(m_runId))
        != QMessageBox::Yes)
        return;
    m_runs.cancel(m_runId);
    reload();
}

} // namespace stratus
