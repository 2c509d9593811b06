#include "experiments/ForecastCharts.h"

#include "ml/forecasting/Frequency.h"
#include "shared/ChartView.h"
#include "shared/CurveCharts.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>
#include <cmath>

namespace stratus {

namespace {

using ml::forecasting::CivilTime;
using ml::forecasting::Frequency;

} // namespace

ForecastCharts::ForecastCharts(QWidget *parent) : QWidget(parent)
{
    m_series = new QComboBox(this);
    m_series->setObjectName(QStringLiteral("seriesPicker"));
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_tabs = new QTabWidget(this);
    m_forecast = new ChartView(this);
    m_byStep = new ChartView(this);
    m_residuals = new ChartView(this);
    m_tabs->addTab(m_forecast, tr("Actual vs forecast"));
    m_tabs->addTab(m_byStep, tr("Error by horizon step"));
    m_tabs->addTab(m_residuals, tr("Residuals"));
    auto *picker = new QHBoxLayout;
    picker->addWidget(new QLabel(tr("Series:"), this));
    picker->addWidget(m_series, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(picker);
    layout->addWidget(m_note);
    layout->addWidget(m_tabs, 1);
    connect(m_series, &QComboBox::currentIndexChanged, this, &ForecastCharts::showSeries);
}

ChartView *ForecastCharts::chart(const QString &name) const
{
    if (name == QLatin1String("forecast"))
        return m_forecast;
    if (name == QLatin1String("error_by_step"))
        return m_byStep;
    return m_residuals;
}

void ForecastCharts::setForecasts(const QJsonObject &forecasts)
{
    m_forecasts = forecasts;
    const QSignalBlocker block(m_series);
    m_series->clear();
    const QJsonArray series = forecasts.value(QStringLiteral("series")).toArray();
    for (const QJsonValue &s : series)
        m_series->addItem(s[QStringLiteral("series")].toString());
    const int total = forecasts.value(QStringLiteral("series_total")).toInt(int(series.size()));
    m_note->setText(series.size() < total ? tr("The first %1 of %2 series are kept for the charts.").arg(series.size()).arg(total) : QString());
    m_note->setVisible(series.size() < total);
    showSeries(series.isEmpty() ? -1 : 0);
    drawSteps();
}

void ForecastCharts::showSeries(int index)
{
    ChartView *c = m_forecast;
    c->clearSeries();
    const QJsonArray series = m_forecasts.value(QStringLiteral("series")).toArray();
    const auto frequency = Frequency::fromName(m_forecasts.value(QStringLiteral("freq")).toString());
    if (index < 0 || index >= series.size() || !frequency) {
        c->replot();
        return;
    }
    const QJsonArray folds = series[index][QStringLiteral("folds")].toArray();
    std::vector<double> actualX, actualY;
    for (int k = 0; k < folds.size(); ++k) {
        const QJsonObject fold = folds[k].toObject();
        const auto origin = CivilTime::parse(fold.value(QStringLiteral("origin")).toString().toStdString());
        if (!origin)
            continue;
        const auto actual = curves::numbers(fold.value(QStringLiteral("actual")));
        const auto forecast = curves::numbers(fold.value(QStringLiteral("forecast")));
        const auto lower = curves::numbers(fold.value(QStringLiteral("lower_80")));
        const auto upper = curves::numbers(fold.value(QStringLiteral("upper_80")));
        QVector<double> x, f, lo, hi;
        for (size_t h = 0; h < forecast.size(); ++h) {
            const double t = double(frequency->advance(*origin, qint64(h)).seconds);
            x << t;
            f << forecast[h];
            lo << (h < lower.size() ? lower[h] : std::nan(""));
            hi << (h < upper.size() ? upper[h] : std::nan(""));
            if (h < actual.size() && !std::isnan(actual[h])) {
                actualX.push_back(t);
                actualY.push_back(actual[h]);
            }
        }
        const QColor color = ChartView::seriesColor(k + 1);
        QCPGraph *low = c->addGraph();
        low->setData(x, lo);
        low->setPen(Qt::NoPen);
        low->removeFromLegend();
        QCPGraph *high = c->addGraph();
        high->setData(x, hi);
        high->setPen(Qt::NoPen);
        high->setBrush(QColor(color.red(), color.green(), color.blue(), 50));
        high->setChannelFillGraph(low);
        high->setName(tr("80% band, fold %1").arg(k + 1));
        if (k > 0)
            high->removeFromLegend();
        QCPGraph *line = c->addGraph();
        line->setData(x, f);
        line->setPen(QPen(color, 2));
        line->setName(tr("Forecast, fold %1").arg(k + 1));
    }
    QCPCurve *actual = c->addSeries(tr("Actual"), actualX, actualY, Qt::black, true);
    actual->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 5));
    QSharedPointer<QCPAxisTickerDateTime> ticker(new QCPAxisTickerDateTime);
    ticker->setDateTimeSpec(Qt::UTC);
    const bool subDaily = frequency->unit == Frequency::Unit::Second || frequency->unit == Frequency::Unit::Minute
                          || frequency->unit == Frequency::Unit::Hour;
    ticker->setDateTimeFormat(subDaily ? QStringLiteral("yyyy-MM-dd\nhh:mm") : QStringLiteral("yyyy-MM-dd"));
    c->xAxis->setTicker(ticker);
    c->setAxisLabels(tr("Time (%1)").arg(frequency->name()), tr("Target"));
    c->fitAxes();
    c->replot();
}

void ForecastCharts::drawSteps()
{
    m_byStep->clearSeries();
    m_residuals->clearSeries();
    const int horizon = m_forecasts.value(QStringLiteral("forecast_horizon")).toInt();
    std::vector<double> sum(size_t(std::max(horizon, 0)), 0.0), count(sum.size(), 0.0);
    std::vector<double> stepX, residual;
    for (const QJsonValue &s : m_forecasts.value(QStringLiteral("series")).toArray())
        for (const QJsonValue &fold : s[QStringLiteral("folds")].toArray()) {
            const auto actual = curves::numbers(fold[QStringLiteral("actual")]);
            const auto forecast = curves::numbers(fold[QStringLiteral("forecast")]);
            for (size_t h = 0; h < actual.size() && h < forecast.size() && h < sum.size(); ++h) {
                if (std::isnan(actual[h]))
                    continue;
                sum[h] += std::abs(actual[h] - forecast[h]);
                count[h] += 1;
                stepX.push_back(double(h + 1));
                residual.push_back(actual[h] - forecast[h]);
            }
        }
    if (!sum.empty()) {
        auto *bars = new QCPBars(m_byStep->xAxis, m_byStep->yAxis);
        bars->setName(tr("Mean absolute error"));
        bars->setBrush(QColor(0, 120, 212, 170));
        bars->setPen(QPen(QColor(0, 90, 158)));
        QVector<double> keys, values;
        for (size_t h = 0; h < sum.size(); ++h) {
            keys << double(h + 1);
            values << (count[h] > 0 ? sum[h] / count[h] : 0.0);
        }
        bars->setData(keys, values);
    }
    m_byStep->setAxisLabels(tr("Horizon step (every series and fold)"), tr("Mean absolute error"));
    QSharedPointer<QCPAxisTickerFixed> whole(new QCPAxisTickerFixed);
    whole->setTickStep(1.0);
    whole->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_byStep->xAxis->setTicker(whole);
    m_residuals->xAxis->setTicker(whole);
    m_byStep->rescaleAxes();
    m_byStep->xAxis->setRange(0.4, double(sum.size()) + 0.6);
    m_byStep->yAxis->setRangeLower(0);
    m_byStep->replot();
    QCPCurve *dots = m_residuals->addSeries(tr("Residual (actual - forecast)"), stepX, residual, ChartView::seriesColor(0), true);
    dots->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
    m_residuals->setAxisLabels(tr("Horizon step"), tr("Actual - forecast"));
    m_residuals->fitAxes();
    m_residuals->xAxis->setRange(0.4, double(sum.size()) + 0.6);
    m_residuals->replot();
}

} // namespace stratus
