#include "shared/ChartView.h"

#include <QFileDialog>
#include <QMenu>
#include <QSvgGenerator>
#include <QToolTip>
#include <limits>

namespace stratus {

ChartView::ChartView(QWidget *parent) : QCustomPlot(parent)
{
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    setPlottingHint(QCP::phFastPolylines, true);
    setMouseTracking(true);
    setContextMenuPolicy(Qt::CustomContextMenu);
    setMinimumSize(260, 200);
    legend->setVisible(false);
    legend->setFont(QFont(font().family(), qMax(7, font().pointSize() - 1)));
    // The legend sits below the plot, in rows of two, so that it never covers the data.
    axisRect()->insetLayout()->take(legend);
    plotLayout()->addElement(1, 0, legend);
    plotLayout()->setRowStretchFactor(1, 0.001);
    plotLayout()->setRowSpacing(0);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setWrap(1); // then as many columns as fit (applyLegendColumns)
    legend->setBorderPen(Qt::NoPen);
    legend->setMargins(QMargins(4, 0, 4, 2));
    connect(this, &QCustomPlot::mouseMove, this, &ChartView::showTip);
    connect(this, &QCustomPlot::mouseDoubleClick, this, [this] { fitAxes(m_unit); });
    connect(this, &QWidget::customContextMenuRequested, this, &ChartView::contextMenu);
}

QColor ChartView::seriesColor(int i)
{
    // Distinct hues first (Tableau 10), then the golden angle.
    static const QColor base[] = {QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44), QColor(214, 39, 40),
                                  QColor(148, 103, 189), QColor(140, 86, 75), QColor(227, 119, 194), QColor(127, 127, 127),
                                  QColor(188, 189, 34), QColor(23, 190, 207)};
    if (i < 10)
        return base[i];
    return QColor::fromHsv(int(std::fmod(i * 137.508, 360.0)), 170, 200);
}

void ChartView::clearSeries()
{
    setNotAntialiasedElements(QCP::aeNone);
    clearPlottables();
    clearItems();
    legend->setVisible(false);
}

void ChartView::setLegendColumns(int columns)
{
    m_legendColumns = qMax(0, columns);
    applyLegendColumns();
}

void ChartView::applyLegendColumns()
{
    int columns = m_legendColumns;
    if (columns == 0) { // as many as fit: every entry whole
        int widest = 0;
        for (int i = 0; i < legend->itemCount(); ++i) // cells of the grid, some of them empty
            if (QCPAbstractLegendItem *item = legend->item(i))
                widest = qMax(widest, item->minimumOuterSizeHint().width());
        const int room = width() - legend->margins().left() - legend->margins().right() - 8;
        columns = widest > 0 ? qMax(1, (room + legend->columnSpacing()) / (widest + legend->columnSpacing())) : 1;
    }
    if (legend->wrap() != columns) {
        legend->setWrap(columns);
        legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    }
}

void ChartView::resizeEvent(QResizeEvent *event)
{
    applyLegendColumns();
    QCustomPlot::resizeEvent(event);
}

void ChartView::setAxisLabels(const QString &x, const QString &y)
{
    xAxis->setLabel(x);
    yAxis->setLabel(y);
}

QCPCurve *ChartView::addSeries(const QString &name, const std::vector<double> &x, const std::vector<double> &y,
                               const QColor &color, bool scatter)
{
    auto *curve = new QCPCurve(xAxis, yAxis);
    curve->setName(name);
    QVector<QCPCurveData> points;
    points.reserve(int(std::min(x.size(), y.size())));
    for (size_t i = 0; i < x.size() && i < y.size(); ++i)
        points.append(QCPCurveData(double(i), x[i], y[i]));
    curve->data()->set(points, true);
    curve->setPen(QPen(color, 2));
    if (scatter) {
        curve->setLineStyle(QCPCurve::lsNone);
        curve->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, 6));
    }
    if (!name.isEmpty())
        legend->setVisible(true);
    else
        curve->removeFromLegend();
    // Hundreds of curves (a comparison of many runs) stay fluid when drawn thin and without antialiasing.
    if (plottableCount() > 24) {
        setNotAntialiasedElements(QCP::aePlottables);
        for (int i = plottableCount() == 25 ? 0 : plottableCount() - 1; i < plottableCount(); ++i) {
            QPen pen = plottable(i)->pen();
            pen.setWidthF(1);
            plottable(i)->setPen(pen);
        }
    }
    return curve;
}

void ChartView::addDiagonal()
{
    auto *line = new QCPItemStraightLine(this);
    line->point1->setCoords(0, 0);
    line->point2->setCoords(1, 1);
    line->setPen(QPen(Qt::gray, 1, Qt::DashLine));
}

void ChartView::fitAxes(bool unitSquare)
{
    m_unit = unitSquare;
    if (legend->visible())
        applyLegendColumns();
    if (unitSquare) {
        xAxis->setRange(-0.02, 1.02);
        yAxis->setRange(-0.02, 1.02);
    } else {
        rescaleAxes();
        for (QCPAxis *axis : {xAxis, yAxis}) {
            const QCPRange r = axis->range();
            const double pad = r.size() > 0 ? r.size() * 0.05 : 0.5;
            axis->setRange(r.lower - pad, r.upper + pad);
        }
    }
    replot();
}

bool ChartView::saveTo(const QString &path)
{
    const QString lower = path.toLower();
    if (lower.endsWith(QLatin1String(".pdf")))
        return savePdf(path);
    if (lower.endsWith(QLatin1String(".svg"))) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size());
        svg.setViewBox(rect());
        svg.setTitle(xAxis->label() + QStringLiteral(" / ") + yAxis->label());
        QCPPainter painter;
        if (!painter.begin(&svg))
            return false;
        toPainter(&painter, width(), height());
        return painter.end();
    }
    return savePng(path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) ? path : path + QStringLiteral(".png"));
}

QList<QPointF> ChartView::seriesPoints(const QString &name) const
{
    QList<QPointF> out;
    auto *self = const_cast<ChartView *>(this); // QCustomPlot's accessors are not const
    for (int i = 0; i < plottableCount(); ++i) {
        auto *curve = qobject_cast<QCPCurve *>(self->plottable(i));
        if (!curve || curve->name() != name)
            continue;
        for (auto it = curve->data()->constBegin(); it != curve->data()->constEnd(); ++it)
            out << QPointF(it->key, it->value);
    }
    return out;
}

void ChartView::showTip(QMouseEvent *event)
{
    // The nearest point of any series, within 20 pixels.
    double best = 400;
    QString tip;
    for (int i = 0; i < plottableCount(); ++i) {
        auto *curve = qobject_cast<QCPCurve *>(plottable(i));
        if (!curve || !curve->visible())
            continue;
        for (auto it = curve->data()->constBegin(); it != curve->data()->constEnd(); ++it) {
            const QPointF p = curve->coordsToPixels(it->key, it->value);
            const double d = (p.x() - event->pos().x()) * (p.x() - event->pos().x())
                             + (p.y() - event->pos().y()) * (p.y() - event->pos().y());
            if (d < best) {
                best = d;
                tip = QStringLiteral("%1%2: %3\n%4: %5")
                          .arg(curve->name().isEmpty() ? QString() : curve->name() + QLatin1Char('\n'), xAxis->label())
                          .arg(it->key, 0, 'g', 4)
                          .arg(yAxis->label())
                          .arg(it->value, 0, 'g', 4);
            }
        }
    }
    if (tip.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), tip, this);
}

void ChartView::contextMenu(const QPoint &pos)
{
    QMenu menu(this);
    menu.addAction(tr("Reset zoom"), this, [this] { fitAxes(m_unit); });
    menu.addAction(tr("Save as PNG, SVG or PDF..."), this, [this] {
        QString selected;
        const QString path = QFileDialog::getSaveFileName(this, tr("Save chart"), QString(),
                                                          tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"),
                                                          &selected);
        if (path.isEmpty())
            return;
        QString withSuffix = path;
        if (QFileInfo(path).suffix().isEmpty())
            withSuffix += selected.contains(QLatin1String("svg"))   ? QStringLiteral(".svg")
                          : selected.contains(QLatin1String("pdf")) ? QStringLiteral(".pdf")
                                                                    : QStringLiteral(".png");
        if (!saveTo(withSuffix))
            QMessageBox::warning(this, tr("Save chart"), tr("Could not write %1.").arg(withSuffix));
    });
    menu.exec(mapToGlobal(pos));
}

} // namespace stratus
