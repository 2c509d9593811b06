#include "experiments/CompareView.h"

#include "ml/automl/AutoMLConfig.h"
#include "ml/learners/Learners.h"
#include "ml/validation/CrossValidation.h"
#include "registry/RunStore.h"
#include "shared/ChartView.h"
#include "shared/CurveCharts.h"
#include "shared/Format.h"
#include "shared/Reloader.h"
#include "shared/Style.h"
#include "workspace/Workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

namespace stratus {

CompareView::CompareView(Workspace &workspace, QWidget *parent)
    : QWidget(parent), m_ws(workspace), m_reloader(new Reloader(this, 0))
{
    auto *back = new QPushButton(tr("← Back"), this);
    back->setFlat(true);
    m_title = style::title(tr("Compare runs"), this, 1.3);
    m_roc = new ChartView(this);
    m_pr = new ChartView(this);
    m_parallel = new ChartView(this);
    m_cost = new ChartView(this);
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("compareTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_differences = new QCheckBox(tr("Differences only"), this);
    auto *metrics = new QWidget(this);
    auto *metricsLayout = new QVBoxLayout(metrics);
    metricsLayout->addWidget(m_differences);
    metricsLayout->addWidget(m_table, 1);
    metricsLayout->addWidget(new QLabel(tr("The best value of each row is marked in green. Double-click a column to open its run."), metrics));

    m_algorithm = new QComboBox(this);
    auto *parallelPage = new QWidget(this);
    auto *parallelLayout = new QVBoxLayout(parallelPage);
    auto *parallelBar = new QHBoxLayout;
    parallelBar->addWidget(new QLabel(tr("Hyperparameters of"), parallelPage));
    parallelBar->addWidget(m_algorithm);
    parallelBar->addWidget(new QLabel(tr("against the primary metric (last axis); darker lines score better."), parallelPage), 1);
    m_noParameters = new QLabel(tr("No hyperparameters to compare: the runs compared are ensembles, whose members have their own."), parallelPage);
    m_noParameters->setObjectName(QStringLiteral("noHyperparameters"));
    m_noParameters->setWordWrap(true);
    m_noParameters->hide();
    m_parallelBar = new QWidget(parallelPage);
    parallelBar->setContentsMargins(0, 0, 0, 0);
    m_parallelBar->setLayout(parallelBar);
    parallelLayout->addWidget(m_parallelBar);
    parallelLayout->addWidget(m_noParameters);
    parallelLayout->addWidget(m_parallel, 1);

    auto *curvesPage = new QWidget(this);
    auto *curvesLayout = new QHBoxLayout(curvesPage);
    curvesLayout->addWidget(m_roc);
    curvesLayout->addWidget(m_pr);
    auto *tabs = new QTabWidget(this);
    tabs->addTab(curvesPage, tr("ROC and precision-recall"));
    tabs->addTab(metrics, tr("Metrics"));
    tabs->addTab(parallelPage, tr("Hyperparameters"));
    tabs->addTab(m_cost, tr("Metric vs. training time"));

    auto *top = new QHBoxLayout;
    top->addWidget(back);
    top->addWidget(m_title, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(tabs, 1);

    connect(back, &QPushButton::clicked, this, &CompareView::backRequested);
    connect(m_differences, &QCheckBox::toggled, this, &CompareView::fillTable);
    connect(m_algorithm, &QComboBox::currentIndexChanged, this, &CompareView::drawParallel);
    connect(m_table->horizontalHeader(), &QHeaderView::sectionDoubleClicked, this, [this](int column) {
        if (column >= 0 && column < m_items.size())
            emit openChildRun(m_items[column].id);
    });
}

void CompareView::showRuns(const QStringList &runIds)
{
    m_ids = runIds;
    m_title->setText(tr("Compare runs (%1)").arg(runIds.size()));
    Workspace *ws = &m_ws;
    m_reloader->request([this, ws, runIds]() -> Reloader::Apply {
        RunStore store(*ws);
        QHash<QString, QJsonObject> parents;
        QHash<QString, int> ordinals; // a parent run's number in its experiment, oldest first
        QSet<QString> experiments;
        QList<Run> runs;
        for (const QString &id : runIds) {
            if (auto run = store.get(id)) {
                runs << *run;
                experiments << run->experiment;
            }
        }
        QList<Item> items;
        for (const Run &r : std::as_const(runs)) {
            const Run *run = &r;
            const QString id = r.id;
            if (!parents.contains(run->parentId)) {
                parents.insert(run->parentId, store.get(run->parentId).value_or(Run{}).config);
                const QList<Run> siblings = store.list(run->experiment).value_or(QList<Run>()); // newest first
                for (qsizetype i = 0; i < siblings.size(); ++i)
                    ordinals.insert(siblings[i].id, int(siblings.size() - i));
            }
            const QJsonObject parent = parents.value(run->parentId);
            Item item;
            item.id = id;
            item.algorithm = run->algorithm;
            item.metric = parent.value(QStringLiteral("primary_metric")).toString();
            item.task = parent.value(QStringLiteral("task")).toString();
            // "run 2 · #17 VotingEnsemble (0.9231)": the AutoML run and the child; the experiment too when several are compared.
            const QString runName = experiments.size() > 1 ? tr("%1 run %2").arg(run->experiment).arg(ordinals.value(run->parentId))
                                                           : tr("run %1").arg(ordinals.value(run->parentId));
            item.label = QStringLiteral("%1 · #%2 %3 (%4)")
                             .arg(runName)
                             .arg(run->config.value(QStringLiteral("iteration")).toInt())
                             .arg(run->algorithm, format::metric(run->metrics.value(item.metric, std::nan(""))));
            item.metrics = run->metrics;
            item.params = run->config.value(QStringLiteral("hyperparameters")).toObject();
            item.curves = QJsonDocument::fromJson(store.artifact(id, QStringLiteral("curves")).value_or(QByteArray())).object();
            item.classes = int(item.curves.value(QStringLiteral("confusion_matrix")).toArray().size());
            items << item;
        }
        return [this, items, runIds] {
            if (runIds == m_ids)
                apply(items);
        };
    });
}

void CompareView::apply(const QList<Item> &items)
{
    m_items = items;
    QList<QJsonObject> curves;
    QStringList names;
    int classes = 0;
    for (const Item &i : items) {
        if (i.classes == 0)
            continue;
        curves << i.curves;
        names << i.label;
        classes = i.classes;
    }
    curves::overlay(*m_roc, curves::Kind::Roc, curves, names, classes);
    curves::overlay(*m_pr, curves::Kind::PrecisionRecall, curves, names, classes);
    m_pr->replot();
    // Parallel coordinates make sense within one algorithm: the most common one first.
    QMap<QString, int> counts;
    for (const Item &i : items)
        if (!i.params.isEmpty())
            ++counts[i.algorithm];
    QStringList algorithms = counts.keys();
    std::stable_sort(algorithms.begin(), algorithms.end(), [&](const QString &a, const QString &b) { return counts[a] > counts[b]; });
    {
        const QSignalBlocker block(m_algorithm);
        m_algorithm->clear();
        for (const QString &a : std::as_const(algorithms))
            m_algorithm->addItem(counts[a] == 1 ? tr("%1 (1 run)").arg(a) : tr("%1 (%2 runs)").arg(a).arg(counts[a]), a);
    }
    m_noParameters->setVisible(algorithms.isEmpty());
    m_parallelBar->setVisible(!algorithms.isEmpty());
    m_parallel->setVisible(!algorithms.isEmpty());
    fillTable();
    drawParallel();
    drawCost();
}

void CompareView::fillTable()
{
    QStringList metrics;
    for (const Item &i : std::as_const(m_items))
        for (auto it = i.metrics.begin(); it != i.metrics.end(); ++it)
            if (!metrics.contains(it.key()))
                metrics << it.key();
    std::sort(metrics.begin(), metrics.end());
    m_table->setUpdatesEnabled(false);
    m_table->clear();
    m_table->setColumnCount(int(m_items.size()));
    QStringList headers;
    for (const Item &i : std::as_const(m_items))
        headers << i.label.section(QStringLiteral(" · "), 0, 0) + QLatin1Char('\n') + i.label.section(QStringLiteral(" · "), 1);
    m_table->setHorizontalHeaderLabels(headers);
    QStringList shown;
    QList<QList<double>> values;
    for (const QString &m : std::as_const(metrics)) {
        QList<double> row;
        QSet<QString> distinct;
        for (const Item &i : std::as_const(m_items)) {
            row << i.metrics.value(m, std::nan(""));
            distinct << format::metric(row.last());
        }
        if (m_differences->isChecked() && distinct.size() <= 1)
            continue;
        // Timings differ on every run; "differences only" is about quality.
        if (m_differences->isChecked() && m.endsWith(QLatin1String("_seconds")))
            continue;
        shown << m;
        values << row;
    }
    m_table->setRowCount(int(shown.size()));
    QStringList rowNames;
    for (const QString &m : std::as_const(shown))
        rowNames << format::metricTitle(m);
    m_table->setVerticalHeaderLabels(rowNames);
    for (int r = 0; r < shown.size(); ++r) {
        const bool higher = higherIsBetter(shown[r]);
        double best = std::nan("");
        for (double v : values[r])
            if (!std::isnan(v) && (std::isnan(best) || (higher ? v > best : v < best)))
                best = v;
        for (int c = 0; c < values[r].size(); ++c) {
            const double v = values[r][c];
            const QString text = format::metricValue(shown[r], v);
            auto *item = new QTableWidgetItem(text);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (!std::isnan(v) && v == best) {
                item->setBackground(QColor(204, 235, 204));
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
                item->setData(Qt::UserRole, true);
            }
            m_table->setItem(r, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->setUpdatesEnabled(true);
}

void CompareView::drawParallel()
{
    // Axes: every numeric hyperparameter of the chosen algorithm's runs, then the primary metric.
    const QString algorithm = m_algorithm->currentData().toString();
    QList<Item> runs;
    for (const Item &i : std::as_const(m_items))
        if (i.algorithm == algorithm)
            runs << i;
    QStringList axes;
    for (const Item &i : std::as_const(runs))
        for (auto it = i.params.begin(); it != i.params.end(); ++it)
            if (it.value().isDouble() && !axes.contains(it.key()))
                axes << it.key();
    std::sort(axes.begin(), axes.end());
    const QString metric = m_items.isEmpty() ? QString() : m_items.first().metric;
    axes << metric;
    QList<double> low, high;
    for (const QString &a : std::as_const(axes)) {
        double lo = INFINITY, hi = -INFINITY;
        for (const Item &i : std::as_const(runs)) {
            const double v = a == metric ? i.metrics.value(a, std::nan("")) : i.params.value(a).toDouble(std::nan(""));
            if (!std::isnan(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
        low << lo;
        high << hi;
    }
    // Axes searched on a log scale (the learner's space) are drawn on one.
    QSet<QString> logAxes;
    const ml::Task task = runs.isEmpty() || runs.first().task != QLatin1String("regression") ? ml::Task::Classification : ml::Task::Regression;
    if (auto learner = ml::makeLearner(algorithm, task))
        for (const ml::Dimension &d : learner->space(task))
            if (d.log)
                logAxes << d.name;
    const auto position = [&](int a, double v) {
        const bool log = logAxes.contains(axes[a]) && low[a] > 0;
        const double lo = log ? std::log10(low[a]) : low[a], hi = log ? std::log10(high[a]) : high[a];
        const double x = log ? std::log10(v) : v;
        return hi > lo ? (x - lo) / (hi - lo) : 0.5; // one run, or one value: the middle
    };
    m_parallel->clearSeries();
    m_parallel->setAxisLabels(QString(), QString());
    m_parallel->yAxis->setTicks(false);
    m_parallel->yAxis->setTickLabels(false);
    m_parallel->yAxis->grid()->setVisible(false); // the axes carry their own values
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int a = 0; a < axes.size(); ++a)
        ticker->addTick(a, logAxes.contains(axes[a]) ? tr("%1 (log)").arg(axes[a]) : axes[a]);
    m_parallel->xAxis->setTicker(ticker);
    m_parallel->xAxis->setTickLabelRotation(axes.size() > 6 ? 35 : 0);
    const double mlo = low.value(axes.size() - 1), mhi = high.value(axes.size() - 1);
    const bool higher = higherIsBetter(metric);
    for (const Item &i : std::as_const(runs)) {
        std::vector<double> x, y;
        for (int a = 0; a < axes.size(); ++a) {
            const double v = a == axes.size() - 1 ? i.metrics.value(metric, std::nan("")) : i.params.value(axes[a]).toDouble(std::nan(""));
            if (std::isnan(v))
                continue;
            x.push_back(a);
            y.push_back(position(a, v));
        }
        // Colour by the metric: the best runs dark, the worst light.
        const double m = i.metrics.value(metric, std::nan(""));
        double quality = mhi > mlo && !std::isnan(m) ? (m - mlo) / (mhi - mlo) : 0.5;
        if (!higher)
            quality = 1 - quality;
        QCPCurve *c = m_parallel->addSeries(i.label, x, y, QColor::fromHsvF(0.6 - 0.6 * quality, 0.8, 0.85));
        c->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 4));
    }
    // Each axis with its real values: lowest, middle and highest (or the one
    // value), written over the lines on a light ground.
    for (int a = 0; a < axes.size(); ++a) {
        if (std::isinf(low[a]))
            continue;
        auto *line = new QCPItemLine(m_parallel);
        line->start->setCoords(a, 0);
        line->end->setCoords(a, 1);
        line->setPen(QPen(QColor(160, 160, 160)));
        const bool log = logAxes.contains(axes[a]) && low[a] > 0;
        QList<double> marks = {low[a]};
        if (high[a] > low[a])
            marks << (log ? std::sqrt(low[a] * high[a]) : (low[a] + high[a]) / 2) << high[a];
        for (double v : std::as_const(marks)) {
            auto *label = new QCPItemText(m_parallel);
            label->position->setCoords(a, position(a, v));
            label->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
            label->setPadding(QMargins(3, 0, 0, 0));
            label->setFont(QFont(font().family(), qMax(7, font().pointSize() - 1)));
            label->setColor(QColor(60, 60, 60));
            label->setBrush(QColor(255, 255, 255, 200));
            label->setText(QLocale().toString(v, 'g', 4));
        }
    }
    m_parallel->legend->setVisible(!runs.isEmpty() && runs.size() <= 12);
    m_parallel->setLegendColumns(runs.size() <= 6 ? 1 : 0);
    // Room on the right for the last axis's values, and for its name when the names are slanted.
    m_parallel->xAxis->setRange(-0.3, double(axes.size()) - (axes.size() > 6 ? 0.0 : 0.4));
    m_parallel->yAxis->setRange(-0.05, 1.05);
    m_parallel->replot();
}

void CompareView::drawCost()
{
    const QString metric = m_items.isEmpty() ? QString() : m_items.first().metric;
    m_cost->clearSeries();
    m_cost->setAxisLabels(tr("Training time (s)"), metric);
    // A point per run, named as in the other charts ("run 2 · #17 VotingEnsemble"); many runs by algorithm.
    const bool named = m_items.size() <= 12;
    QMap<QString, std::pair<std::vector<double>, std::vector<double>>> byAlgorithm;
    for (const Item &i : std::as_const(m_items)) {
        if (!i.metrics.contains(metric) || !i.metrics.contains(ml::kFitTimeMetric))
            continue;
        auto &series = byAlgorithm[named ? i.label : i.algorithm];
        series.first.push_back(i.metrics.value(ml::kFitTimeMetric));
        series.second.push_back(i.metrics.value(metric));
    }
    int color = 0;
    for (auto it = byAlgorithm.begin(); it != byAlgorithm.end(); ++it)
        m_cost->addSeries(it.key(), it->first, it->second, ChartView::seriesColor(color++), true);
    m_cost->fitAxes();
}

} // namespace stratus
