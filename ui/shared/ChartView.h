#pragma once
// ChartView: the studio's chart. A QCustomPlot with what every chart needs:
// hovering shows the nearest point's series and values; the wheel zooms and
// dragging pans (double-click resets); the context menu saves the chart as
// PNG, SVG or PDF. Series are drawn from stored data as given (never
// recomputed here); each gets a distinct colour from one palette. The legend
// is laid out below the plot, never over the data.

#include <qcustomplot.h>

namespace stratus {

class ChartView : public QCustomPlot {
    Q_OBJECT
public:
    explicit ChartView(QWidget *parent = nullptr);

    // Removes every series and item; keeps the axis labels.
    void clearSeries();
    void setAxisLabels(const QString &x, const QString &y);
    // A line (or, with `scatter`, dots only) through the points, in the order given.
    QCPCurve *addSeries(const QString &name, const std::vector<double> &x, const std::vector<double> &y,
                        const QColor &color, bool scatter = false);
    // The dashed diagonal of chance (ROC, calibration, gains), not in the legend.
    void addDiagonal();
    // Lays the legend's entries out in `columns` columns (1: one name a row;
    // 0, the default: as many as the widest entry allows at the chart's
    // width, again as it is resized); entries already added are moved.
    void setLegendColumns(int columns);
    // Fits the axes to the data (or to [0, 1] squares for unit charts), and
    // lays the legend out for the series added.
    void fitAxes(bool unitSquare = false);
    // Writes the chart; the format follows the suffix (.png, .svg, .pdf).
    bool saveTo(const QString &path);

    // The distinct colour of series i.
    static QColor seriesColor(int i);
    // The points of a series by name (tests compare them with stored curves).
    QList<QPointF> seriesPoints(const QString &name) const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void applyLegendColumns();
    void showTip(QMouseEvent *event);
    void contextMenu(const QPoint &pos);
    bool m_unit = false;
    int m_legendColumns = 0;
};

} // namespace stratus
