#include "endpoints/EndpointMonitorTab.h"

#include "shared/ChartView.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>
#include <algorithm>

namespace stratus {

EndpointMonitorTab::EndpointMonitorTab(QWidget *parent) : QWidget(parent)
{
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("monitorSummary"));
    m_requests = new ChartView(this);
    m_requests->setObjectName(QStringLiteral("requestsChart"));
    m_requests->setAxisLabels(tr("Seconds ago"), tr("Requests per second"));
    m_latency = new ChartView(this);
    m_latency->setAxisLabels(tr("Seconds ago"), tr("Latency (ms)"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_requests, 1);
    layout->addWidget(m_latency, 1);
    setHistory({});
}

void EndpointMonitorTab::setHistory(const QList<serve::EndpointSample> &samples)
{
    if (samples.isEmpty()) {
        m_summary->setText(tr("No traffic yet: samples are taken once a second while the endpoint runs."));
    } else {
        const serve::EndpointSample &s = samples.last();
        const QLocale locale;
        m_summary->setText(tr("%1 requests, %2 errors  ·  now %3 requests/s  ·  latency p50 %4 ms, p99 %5 ms (last 10,000)  ·  memory %6 MB")
                               .arg(locale.toString(s.requests), locale.toString(s.errors))
                               .arg(s.requestsPerSecond, 0, 'f', 0)
                               .arg(s.p50Ms, 0, 'f', 2)
                               .arg(s.p99Ms, 0, 'f', 2)
                               .arg(s.residentMb, 0, 'f', 0));
    }
    std::vector<double> x, rps, p50, p99;
    const qint64 now = samples.isEmpty() ? 0 : samples.last().msecsSinceEpoch;
    for (const serve::EndpointSample &s : samples) {
        x.push_back(-double(now - s.msecsSinceEpoch) / 1000.0);
        rps.push_back(s.requestsPerSecond);
        p50.push_back(s.p50Ms);
        p99.push_back(s.p99Ms);
    }
    m_requests->clearSeries();
    m_requests->addSeries(tr("Requests/s"), x, rps, ChartView::seriesColor(0));
    m_latency->clearSeries();
    m_latency->addSeries(tr("p50"), x, p50, ChartView::seriesColor(1));
    m_latency->addSeries(tr("p99"), x, p99, ChartView::seriesColor(2));
    // The last 10 minutes at most; at least one.
    const double span = x.empty() ? 60.0 : std::clamp(-x.front(), 60.0, 600.0);
    for (ChartView *chart : {m_requests, m_latency}) {
        chart->fitAxes();
        chart->xAxis->setRange(-span, 0);
        chart->yAxis->setRangeLower(0);
        chart->replot(QCustomPlot::rpQueuedReplot);
    }
}

} // namespace stratus
