#pragma once
// EndpointMonitorTab: an endpoint's traffic, live — requests per second and
// latency (p50, p99) over the last 10 minutes, sampled once a second by the
// supervisor, with the totals, errors and resident memory.

#include "serve/EndpointSupervisor.h"

#include <QWidget>

class QLabel;

namespace stratus {

class ChartView;

class EndpointMonitorTab : public QWidget {
    Q_OBJECT
public:
    explicit EndpointMonitorTab(QWidget *parent = nullptr);

    void setHistory(const QList<serve::EndpointSample> &samples);
    ChartView *requestsChart() const { return m_requests; }
    QLabel *summary() const { return m_summary; }

private:
    QLabel *m_summary;
    ChartView *m_requests, *m_latency;
};

} // namespace stratus
