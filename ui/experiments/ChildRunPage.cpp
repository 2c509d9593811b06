#include "experiments/ChildRunPage.h"

#include "ml/automl/AutoMLConfig.h"
#include "ml/automl/ChildRunModels.h"
#include "ml/automl/Recommendation.h"
#include "experiments/ForecastCharts.h"
#include "registry/RunStore.h"
#include "shared/ChartView.h"
#include "shared/CurveCharts.h"
#include "shared/Format.h"
#include "shared/Reloader.h"
#include "shared/Style.h"
#include "workspace/Workspace.h"

#include <QCheckBox>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSlider>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>

namespace stratus {

ChildRunPage::ChildRunPage(Workspace &workspace, QWidget *parent)
    : QWidget(parent), m_ws(workspace), m_reloader(new Reloader(this, 0))
{
    auto *back = new QPushButton(tr("← Run"), this);
    back->setObjectName(QStringLiteral("backToRun"));
    back->setFlat(true);
    m_title = style::title(QString(), this, 1.3);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setWordWrap(true); // a long run id wraps instead of widening the window
    m_register = new QPushButton(tr("Register model..."), this);
    m_explain = new QPushButton(tr("Explain model"), this);
    m_explain->setToolTip(tr("Computes the permutation importance of every input column."));
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_metrics = style::table({tr("Metric"), tr("Value")}, this);
    m_metrics->setObjectName(QStringLiteral("metricTable"));
    m_params = style::table({tr("Hyperparameter"), tr("Value")}, this);
    m_params->setObjectName(QStringLiteral("parameterTable"));
    for (QTableWidget *t : {m_metrics, m_params})
        t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 6);

    m_tabs = new QTabWidget(this);
    auto addChart = [this](const QString &name, const QString &title) {
        auto *c = new ChartView(this);
        c->setObjectName(name);
        m_charts.insert(name, c);
        m_tabs->addTab(c, title);
    };
    addChart(QStringLiteral("roc"), curves::title(curves::Kind::Roc));
    addChart(QStringLiteral("precision_recall"), curves::title(curves::Kind::PrecisionRecall));
    addChart(QStringLiteral("calibration"), curves::title(curves::Kind::Calibration));
    addChart(QStringLiteral("lift"), curves::title(curves::Kind::Lift));
    addChart(QStringLiteral("gains"), curves::title(curves::Kind::Gains));
    addChart(QStringLiteral("predicted_vs_true"), curves::title(curves::Kind::PredictedVsTrue));
    addChart(QStringLiteral("residuals"), curves::title(curves::Kind::Residuals));
    auto *confusion = new QWidget(this);
    m_confusion = new QTableWidget(confusion);
    m_confusion->setObjectName(QStringLiteral("confusionMatrix"));
    m_confusion->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_confusion->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_confusion->verticalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_normalized = new QCheckBox(tr("Normalised by true class"), confusion);
    auto *confusionLayout = new QVBoxLayout(confusion);
    confusionLayout->addWidget(new QLabel(tr("Rows: true class · Columns: predicted class"), confusion));
    confusionLayout->addWidget(m_confusion, 1);
    confusionLayout->addWidget(m_normalized);
    m_tabs->addTab(confusion, tr("Confusion matrix"));
    addChart(QStringLiteral("importance"), tr("Feature importance"));
    m_forecastCharts = new ForecastCharts(this);
    m_tabs->addTab(m_forecastCharts, tr("Forecasts"));

    m_thresholdBox = new QWidget(this);
    m_slider = new QSlider(Qt::Horizontal, m_thresholdBox);
    m_slider->setObjectName(QStringLiteral("thresholdSlider"));
    m_slider->setRange(0, 100);
    m_slider->setValue(50);
    m_thresholdLabel = new QLabel(m_thresholdBox);
    m_thresholdText = new QLabel(m_thresholdBox);
    m_thresholdText->setObjectName(QStringLiteral("thresholdMetrics"));
    m_thresholdText->setWordWrap(true);
    auto *thresholdLayout = new QGridLayout(m_thresholdBox);
    thresholdLayout->setContentsMargins(0, 0, 0, 0);
    thresholdLayout->addWidget(m_thresholdLabel, 0, 0);
    thresholdLayout->addWidget(m_slider, 0, 1);
    thresholdLayout->addWidget(m_thresholdText, 1, 1);
    thresholdLayout->setColumnStretch(1, 1);

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_summary);
    sideLayout->addWidget(m_metrics, 3);
    sideLayout->addWidget(m_params, 2);
    auto *main = new QWidget(this);
    auto *mainLayout = new QVBoxLayout(main);
    mainLayout->setContentsMargins(0, 0, 0, 0);
    mainLayout->addWidget(m_tabs, 1);
    mainLayout->addWidget(m_thresholdBox);
    auto *split = new QSplitter(this);
    split->addWidget(side);
    split->addWidget(main);
    split->setStretchFactor(1, 3);
    split->setSizes({330, 900});

    auto *top = new QHBoxLayout;
    top->addWidget(back);
    top->addWidget(m_title, 1);
    top->addWidget(m_explain);
    top->addWidget(m_register);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    connect(back, &QPushButton::clicked, this, &ChildRunPage::backRequested);
    connect(m_register, &QPushButton::clicked, this, [this] { emit registerRequested(m_runId); });
    connect(m_explain, &QPushButton::clicked, this, &ChildRunPage::explain);
    connect(m_normalized, &QCheckBox::toggled, this, &ChildRunPage::showConfusion);
    connect(m_slider, &QSlider::valueChanged, this, &ChildRunPage::thresholdMoved);
}

ChartView *ChildRunPage::chart(const QString &name) const
{
    return m_charts.value(name);
}

void ChildRunPage::showRun(const QString &runId)
{
    m_runId = runId;
    Workspace *ws = &m_ws;
    m_reloader->request([this, ws, runId]() -> Reloader::Apply {
        RunStore store(*ws);
        auto run = store.get(runId);
        if (!run)
            return [this, message = run.message()] { m_title->setText(message); };
        auto parent = store.get(run->parentId);
        const QJsonObject parentConfig = parent ? parent->config : QJsonObject{};
        QStringList classes;
        for (const QJsonValue &c : parentConfig.value(QStringLiteral("classes")).toArray())
            classes << c.toString();
        const QJsonObject curves = QJsonDocument::fromJson(store.artifact(runId, QStringLiteral("curves")).value_or(QByteArray())).object();
        const QJsonArray importance = QJsonDocument::fromJson(store.artifact(runId, QStringLiteral("importance")).value_or(QByteArray())).array();
        const QJsonObject forecasts = QJsonDocument::fromJson(store.artifact(runId, QStringLiteral("forecasts")).value_or(QByteArray())).object();
        QJsonObject summary{{QStringLiteral("id"), run->id},
                            {QStringLiteral("algorithm"), run->algorithm},
                            {QStringLiteral("status"), runStatusName(run->status)},
                            {QStringLiteral("error"), run->error},
                            {QStringLiteral("duration"), run->durationSeconds()},
                            {QStringLiteral("config"), run->config},
                            {QStringLiteral("task"), parentConfig.value(QStringLiteral("task"))},
                            {QStringLiteral("validation"), ml::validationSentence(parentConfig)}};
        QString featurization = format::settingValue(parentConfig.value(QStringLiteral("featurization")).toString(QStringLiteral("auto")));
        const QJsonObject purposes = parentConfig.value(QStringLiteral("column_purposes")).toObject();
        for (auto it = purposes.begin(); it != purposes.end(); ++it)
            featurization += QStringLiteral("; %1: %2").arg(it.key(), format::settingValue(it.value().toString()));
        summary.insert(QStringLiteral("featurization"), featurization);
        QJsonObject metrics;
        for (auto it = run->metrics.begin(); it != run->metrics.end(); ++it)
            metrics.insert(it.key(), it.value());
        summary.insert(QStringLiteral("metrics"), metrics);
        const QString metric = parentConfig.value(QStringLiteral("primary_metric")).toString();
        return [=, this] {
            if (runId == m_runId) {
                apply(summary, curves, importance, classes, metric);
                showForecasts(summary, forecasts);
            }
        };
    });
}

void ChildRunPage::apply(const QJsonObject &run, const QJsonObject &curves, const QJsonArray &importance,
                         const QStringList &classes, const QString &metric)
{
    m_curves = curves;
    const QString taskName = run.value(QStringLiteral("task")).toString();
    const bool classification = taskName != QLatin1String("regression") && taskName != QLatin1String("forecasting");
    const int classCount = int(curves.value(QStringLiteral("confusion_matrix")).toArray().size());
    m_classes = classes;
    for (int c = int(m_classes.size()); c < classCount; ++c)
        m_classes << QString::number(c);
    const QJsonObject metrics = run.value(QStringLiteral("metrics")).toObject();
    m_title->setText(tr("%1 — %2").arg(run.value(QStringLiteral("algorithm")).toString(), run.value(QStringLiteral("id")).toString()));
    const QString status = run.value(QStringLiteral("status")).toString();
    m_summary->setText(tr("<b style='color:%1'>%2</b> · %3 · %4 = <b>%5</b><br>Validation: %6%7")
                           .arg(format::statusColor(status).name(), runStatusLabel(status),
                                format::duration(run.value(QStringLiteral("duration")).toDouble()), metric,
                                format::metric(metrics.value(metric).toDouble(std::nan(""))),
                                run.value(QStringLiteral("validation")).toString().toHtmlEscaped(),
                                run.value(QStringLiteral("error")).toString().isEmpty()
                                    ? QString()
                                    : QStringLiteral("<br>") + run.value(QStringLiteral("error")).toString().toHtmlEscaped()));
    m_metrics->setRowCount(0);
    for (auto it = metrics.begin(); it != metrics.end(); ++it) {
        const int row = m_metrics->rowCount();
        m_metrics->insertRow(row);
        auto *name = new QTableWidgetItem(format::metricTitle(it.key()));
        if (it.key() == metric) {
            QFont bold = name->font();
            bold.setBold(true);
            name->setFont(bold);
        }
        const double v = it.value().toDouble();
        const QString text = format::metricValue(it.key(), v);
        m_metrics->setItem(row, 0, name);
        auto *value = new QTableWidgetItem(text);
        value->setData(Qt::UserRole, v);
        m_metrics->setItem(row, 1, value);
    }
    m_metrics->resizeColumnToContents(0);
    // The hyperparameters, then what else the run recorded (ensemble members, featurization).
    QJsonObject config = run.value(QStringLiteral("config")).toObject();
    const QJsonObject hyper = config.take(QStringLiteral("hyperparameters")).toObject();
    config.remove(QStringLiteral("iteration"));
    config.remove(QStringLiteral("recommendation")); // the run page's header says it in words
    config.remove(QStringLiteral("recommended"));
    const QString fidelity = format::fidelity(config.take(QStringLiteral("fidelity")).toObject(),
                                              run.value(QStringLiteral("algorithm")).toString());
    config.insert(QStringLiteral("featurization"), run.value(QStringLiteral("featurization")));
    m_params->setRowCount(0);
    auto addRow = [this](const QString &key, const QJsonValue &value, bool bold) {
        const int row = m_params->rowCount();
        m_params->insertRow(row);
        auto *name = new QTableWidgetItem(key);
        if (bold) {
            QFont f = name->font();
            f.setBold(true);
            name->setFont(f);
        }
        m_params->setItem(row, 0, name);
        const QString full = value.isObject() || value.isArray()
                                 ? QString::fromUtf8(value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                                                     : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact))
                                 : value.toVariant().toString();
        // A number short enough for a narrow column (6 significant digits; the tooltip has every digit).
        const QString text = value.isDouble() && value.toDouble() != std::floor(value.toDouble())
                                 ? QLocale().toString(value.toDouble(), 'g', 6)
                                 : full;
        auto *item = new QTableWidgetItem(text);
        item->setToolTip(full);
        m_params->setItem(row, 1, item);
    };
    for (auto it = hyper.begin(); it != hyper.end(); ++it)
        addRow(it.key(), it.value(), true);
    if (!fidelity.isEmpty())
        addRow(tr("fidelity"), fidelity, false);
    // An ensemble's members, one per row: "RandomForest #6 × 0.40".
    const QJsonArray members = config.take(QStringLiteral("ensemble_members")).toArray();
    for (int i = 0; i < members.size(); ++i) {
        const QJsonObject m = members[i].toObject();
        const QString run = m.value(QStringLiteral("run_id")).toString();
        addRow(i == 0 ? tr("members") : QString(),
               QStringLiteral("%1 #%2%3")
                   .arg(m.value(QStringLiteral("algorithm")).toString(), run.section(QLatin1Char('_'), -1),
                        m.contains(QStringLiteral("weight")) ? QStringLiteral(" × %1").arg(m.value(QStringLiteral("weight")).toDouble(), 0, 'f', 2)
                                                             : QString()),
               true);
    }
    // What the run recorded besides, under readable names (other keys as stored).
    const QHash<QString, QString> named = {{QStringLiteral("featurization"), tr("featurization")},
                                           {QStringLiteral("meta_learner"), tr("meta-learner")}};
    for (auto it = config.begin(); it != config.end(); ++it)
        addRow(named.value(it.key(), it.key()), it.value(), false);
    m_params->resizeColumnToContents(0);

    const QList<QPair<QString, curves::Kind>> kinds = {
        {QStringLiteral("roc"), curves::Kind::Roc},
        {QStringLiteral("precision_recall"), curves::Kind::PrecisionRecall},
        {QStringLiteral("calibration"), curves::Kind::Calibration},
        {QStringLiteral("lift"), curves::Kind::Lift},
        {QStringLiteral("gains"), curves::Kind::Gains},
        {QStringLiteral("predicted_vs_true"), curves::Kind::PredictedVsTrue},
        {QStringLiteral("residuals"), curves::Kind::Residuals}};
    for (const auto &[name, kind] : kinds) {
        ChartView *c = m_charts.value(name);
        const bool forTask = classification != (kind == curves::Kind::PredictedVsTrue || kind == curves::Kind::Residuals);
        m_tabs->setTabVisible(m_tabs->indexOf(c), forTask);
        QStringList legend;
        for (const QString &name : std::as_const(m_classes))
            legend << tr("class %1").arg(name);
        if (forTask)
            curves::draw(*c, kind, curves, legend);
    }
    m_tabs->setTabVisible(m_tabs->indexOf(m_confusion->parentWidget()), classification);
    drawImportance(importance);
    m_explain->setVisible(importance.isEmpty() && status == QLatin1String("Completed"));
    m_register->setEnabled(status == QLatin1String("Completed"));
    const bool binary = classification && classCount == 2;
    m_thresholdBox->setVisible(binary);
    if (binary)
        thresholdMoved();
    else
        showConfusion();
}

void ChildRunPage::showForecasts(const QJsonObject &run, const QJsonObject &forecasts)
{
    // A forecasting trial: its rolling-origin forecasts instead of the row-wise charts.
    const bool forecasting = run.value(QStringLiteral("task")).toString() == QLatin1String("forecasting");
    for (int i = 0; i < m_tabs->count(); ++i)
        if (forecasting)
            m_tabs->setTabVisible(i, m_tabs->widget(i) == m_forecastCharts);
    m_tabs->setTabVisible(m_tabs->indexOf(m_forecastCharts), forecasting);
    if (forecasting) {
        m_tabs->setCurrentWidget(m_forecastCharts);
        m_forecastCharts->setForecasts(forecasts);
        m_explain->setVisible(false);
        m_thresholdBox->setVisible(false);
    }
}

void ChildRunPage::drawImportance(const QJsonArray &importance)
{
    ChartView *c = m_charts.value(QStringLiteral("importance"));
    c->clearSeries();
    if (importance.isEmpty()) {
        c->setAxisLabels(tr("No importance yet: use \"Explain model\""), QString());
        c->replot();
        return;
    }
    // Most important at the top.
    auto *bars = new QCPBars(c->yAxis, c->xAxis);
    bars->setBrush(QColor(0, 120, 212, 170));
    bars->setPen(QPen(QColor(0, 90, 158)));
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    QVector<double> keys, values;
    const int n = int(importance.size());
    for (int i = 0; i < n; ++i) {
        const QJsonObject o = importance[i].toObject();
        keys << double(n - 1 - i);
        values << o.value(QStringLiteral("importance")).toDouble();
        ticker->addTick(double(n - 1 - i), o.value(QStringLiteral("column")).toString());
    }
    bars->setData(keys, values);
    c->yAxis->setTicker(ticker);
    c->setAxisLabels(tr("Drop in the primary metric when the column is shuffled"), QString());
    c->rescaleAxes();
    c->yAxis->setRange(-0.6, n - 0.4);
    c->replot();
}

QList<QList<double>> ChildRunPage::confusionAt(double threshold) const
{
    QList<QList<double>> m;
    const QJsonArray stored = m_curves.value(QStringLiteral("confusion_matrix")).toArray();
    double positives = 0, negatives = 0;
    if (stored.size() == 2) {
        for (const QJsonValue &v : stored[0].toArray())
            negatives += v.toDouble();
        for (const QJsonValue &v : stored[1].toArray())
            positives += v.toDouble();
    }
    const QJsonObject roc = curves::curve(m_curves, QStringLiteral("roc"), 1);
    const auto fpr = curves::numbers(roc.value(QStringLiteral("x"))), tpr = curves::numbers(roc.value(QStringLiteral("y")));
    const auto thresholds = curves::numbers(roc.value(QStringLiteral("thresholds")));
    size_t at = 0; // the last point whose threshold is >= the chosen one
    for (size_t i = 0; i < thresholds.size(); ++i)
        if (thresholds[i] >= threshold)
            at = i;
    if (thresholds.empty())
        return m;
    const double tp = std::round(tpr[at] * positives), fp = std::round(fpr[at] * negatives);
    m << QList<double>{negatives - fp, fp} << QList<double>{positives - tp, tp};
    return m;
}

void ChildRunPage::thresholdMoved()
{
    const double t = m_slider->value() / 100.0;
    m_thresholdLabel->setText(tr("Threshold %1").arg(t, 0, 'f', 2));
    showConfusion();
    const auto m = confusionAt(t);
    if (m.size() != 2)
        return;
    const double tn = m[0][0], fp = m[0][1], fn = m[1][0], tp = m[1][1];
    const double total = tn + fp + fn + tp;
    const double precision = tp + fp > 0 ? tp / (tp + fp) : std::nan("");
    const double recall = tp + fn > 0 ? tp / (tp + fn) : std::nan("");
    const double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : std::nan("");
    m_thresholdText->setText(tr("accuracy %1 · precision %2 · recall %3 · specificity %4 · F1 %5")
                                 .arg(format::metric(total > 0 ? (tp + tn) / total : std::nan("")), format::metric(precision),
                                      format::metric(recall), format::metric(tn + fp > 0 ? tn / (tn + fp) : std::nan("")),
                                      format::metric(f1)));
    // The operating point on the ROC and precision-recall curves.
    for (const QString &name : {QStringLiteral("roc"), QStringLiteral("precision_recall")}) {
        ChartView *c = m_charts.value(name);
        for (int i = c->plottableCount() - 1; i >= 0; --i)
            if (c->plottable(i)->name() == tr("Operating point"))
                c->removePlottable(i);
        const double negatives = tn + fp, positives = tp + fn;
        const double x = name == QLatin1String("roc") ? (negatives > 0 ? fp / negatives : 0) : recall;
        const double y = name == QLatin1String("roc") ? (positives > 0 ? tp / positives : 0) : precision;
        if (!std::isnan(x) && !std::isnan(y)) {
            QCPCurve *p = c->addSeries(tr("Operating point"), {x}, {y}, Qt::black, true);
            p->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 2), QColor(255, 200, 0), 11));
        }
        c->replot();
    }
}

void ChildRunPage::showConfusion()
{
    QList<QList<double>> m;
    if (m_thresholdBox->isVisible() || m_classes.size() == 2) {
        m = confusionAt(m_slider->value() / 100.0);
    }
    if (m.isEmpty()) {
        for (const QJsonValue &row : m_curves.value(QStringLiteral("confusion_matrix")).toArray()) {
            QList<double> r;
            for (const QJsonValue &v : row.toArray())
                r << v.toDouble();
            m << r;
        }
    }
    const int n = int(m.size());
    m_confusion->setRowCount(n);
    m_confusion->setColumnCount(n);
    m_confusion->setHorizontalHeaderLabels(m_classes.mid(0, n));
    m_confusion->setVerticalHeaderLabels(m_classes.mid(0, n));
    const bool normalized = m_normalized->isChecked();
    for (int i = 0; i < n; ++i) {
        double rowTotal = 0;
        for (double v : m[i])
            rowTotal += v;
        for (int j = 0; j < n && j < m[i].size(); ++j) {
            const double share = rowTotal > 0 ? m[i][j] / rowTotal : 0;
            auto *item = new QTableWidgetItem(normalized ? QString::number(share, 'f', 3) : QString::number(m[i][j], 'f', 0));
            item->setTextAlignment(Qt::AlignCenter);
            QFont big = m_confusion->font();
            big.setPointSizeF(big.pointSizeF() * (n <= 4 ? 1.8 : 1.1));
            big.setBold(i == j);
            item->setFont(big);
            item->setData(Qt::UserRole, m[i][j]);
            const QColor base = i == j ? QColor(0, 120, 212) : QColor(214, 39, 40);
            item->setBackground(QColor(base.red(), base.green(), base.blue(), int(30 + 190 * share)));
            item->setForeground(share > 0.6 ? Qt::white : Qt::black);
            m_confusion->setItem(i, j, item);
        }
    }
}

void ChildRunPage::explain()
{
    m_explain->setEnabled(false);
    m_explain->setText(tr("Explaining..."));
    Workspace *ws = &m_ws;
    const QString id = m_runId;
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, id] {
        watcher->deleteLater();
        m_explain->setEnabled(true);
        m_explain->setText(tr("Explain model"));
        if (!watcher->result().isEmpty())
            QMessageBox::warning(this, tr("Explain model"), watcher->result());
        else if (id == m_runId)
            showRun(id);
    });
    watcher->setFuture(QtConcurrent::run([ws, id]() -> QString {
        auto r = ml::explainChildRun(*ws, id);
        return r ? QString() : r.message();
    }));
}

} // namespace stratus
