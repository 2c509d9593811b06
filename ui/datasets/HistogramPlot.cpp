#include "datasets/HistogramPlot.h"

#include <QToolTip>

namespace stratus {

HistogramPlot::HistogramPlot(QWidget *parent) : QCustomPlot(parent)
{
    m_bars = new QCPBars(xAxis, yAxis);
    m_bars->setPen(QPen(QColor(0, 90, 158)));
    m_bars->setBrush(QColor(0, 120, 212, 170));
    yAxis->setLabel(tr("Rows"));
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    axisRect()->setRangeZoom(Qt::Horizontal);
    axisRect()->setRangeDrag(Qt::Horizontal);
    setMouseTracking(true);
    connect(this, &QCustomPlot::mouseMove, this, &HistogramPlot::showTip);
    setMinimumHeight(220);
}

void HistogramPlot::setProfile(const ColumnProfile &profile)
{
    m_profile = profile;
    QVector<double> keys, values;
    const bool categories = !profile.binLabels.isEmpty();
    if (categories) {
        QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
        for (int i = 0; i < profile.binLabels.size(); ++i) {
            keys << i;
            values << double(profile.binCounts[size_t(i)]);
            ticker->addTick(i, profile.binLabels[i].left(14));
        }
        xAxis->setTicker(ticker);
        xAxis->setTickLabelRotation(profile.binLabels.size() > 6 ? 45 : 0);
        m_bars->setWidth(0.8);
        xAxis->setRange(-0.6, double(qMax<qsizetype>(1, profile.binLabels.size())) - 0.4);
    } else if (profile.binEdges.size() >= 2) {
        xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        xAxis->setTickLabelRotation(0);
        for (size_t i = 0; i + 1 < profile.binEdges.size(); ++i) {
            keys << (profile.binEdges[i] + profile.binEdges[i + 1]) / 2;
            values << double(profile.binCounts[i]);
        }
        const double width = profile.binEdges[1] - profile.binEdges[0];
        m_bars->setWidth(width * 0.95);
        xAxis->setRange(profile.binEdges.front() - width / 2, profile.binEdges.back() + width / 2);
    }
    m_bars->setData(keys, values, true);
    xAxis->setLabel(profile.name);
    double top = 1;
    for (double v : values)
        top = qMax(top, v);
    yAxis->setRange(0, top * 1.1);
    replot();
}

QVector<double> HistogramPlot::barValues() const
{
    QVector<double> values;
    for (auto it = m_bars->data()->constBegin(); it != m_bars->data()->constEnd(); ++it)
        values << it->value;
    return values;
}

void HistogramPlot::showTip(QMouseEvent *event)
{
    const double x = xAxis->pixelToCoord(event->position().x());
    if (!m_profile.binLabels.isEmpty()) {
        const int i = qRound(x);
        if (i >= 0 && i < m_profile.binLabels.size()) {
            QToolTip::showText(event->globalPosition().toPoint(),
                               tr("%1: %2 rows").arg(m_profile.binLabels[i]).arg(m_profile.binCounts[size_t(i)]), this);
            return;
        }
    } else {
        for (size_t i = 0; i + 1 < m_profile.binEdges.size(); ++i) {
            if (x >= m_profile.binEdges[i] && x < m_profile.binEdges[i + 1]) {
                QToolTip::showText(event->globalPosition().toPoint(),
                                   tr("%1 to %2: %3 rows")
                                       .arg(m_profile.binEdges[i], 0, 'g', 6)
                                       .arg(m_profile.binEdges[i + 1], 0, 'g', 6)
                                       .arg(m_profile.binCounts[i]),
                                   this);
                return;
            }
        }
    }
    QToolTip::hideText();
}

} // namespace stratus
