#include "shared/CurveCharts.h"

#include "shared/ChartView.h"

#include <QCoreApplication>
#include <algorithm>
#include <QJsonArray>

namespace stratus::curves {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("stratus::curves", text);
}

QString key(Kind kind)
{
    switch (kind) {
    case Kind::Roc: return QStringLiteral("roc");
    case Kind::PrecisionRecall: return QStringLiteral("precision_recall");
    case Kind::Calibration: return QStringLiteral("calibration");
    case Kind::Lift: return QStringLiteral("lift");
    case Kind::Gains: return QStringLiteral("gains");
    default: return {};
    }
}

void labels(ChartView &chart, Kind kind)
{
    switch (kind) {
    case Kind::Roc: chart.setAxisLabels(tr("False positive rate"), tr("True positive rate")); break;
    case Kind::PrecisionRecall: chart.setAxisLabels(tr("Recall"), tr("Precision")); break;
    case Kind::Calibration: chart.setAxisLabels(tr("Mean predicted probability"), tr("Fraction of positives")); break;
    case Kind::Lift: chart.setAxisLabels(tr("Share of samples (ranked by score)"), tr("Lift")); break;
    case Kind::Gains: chart.setAxisLabels(tr("Share of samples (ranked by score)"), tr("Share of positives found")); break;
    case Kind::PredictedVsTrue: chart.setAxisLabels(tr("True value (bin mean)"), tr("Predicted value")); break;
    case Kind::Residuals: chart.setAxisLabels(tr("Residual (true − predicted)"), tr("Rows")); break;
    }
}

bool unitChart(Kind kind)
{
    return kind == Kind::Roc || kind == Kind::PrecisionRecall || kind == Kind::Calibration || kind == Kind::Gains;
}

} // namespace

std::vector<double> numbers(const QJsonValue &v)
{
    std::vector<double> out;
    for (const QJsonValue &x : v.toArray())
        out.push_back(x.toDouble());
    return out;
}

QString title(Kind kind)
{
    switch (kind) {
    case Kind::Roc: return tr("ROC");
    case Kind::PrecisionRecall: return tr("Precision-recall");
    case Kind::Calibration: return tr("Calibration");
    case Kind::Lift: return tr("Lift");
    case Kind::Gains: return tr("Cumulative gains");
    case Kind::PredictedVsTrue: return tr("Predicted vs. true");
    case Kind::Residuals: return tr("Residuals");
    }
    return {};
}

QJsonObject curve(const QJsonObject &curves, const QString &name, int classIndex)
{
    const QJsonValue v = curves.value(name);
    return classIndex >= 0 ? v.toArray().at(classIndex).toObject() : v.toObject();
}

void draw(ChartView &chart, Kind kind, const QJsonObject &stored, const QStringList &classes)
{
    chart.clearSeries();
    labels(chart, kind);
    if (kind == Kind::PredictedVsTrue) {
        const QJsonObject p = stored.value(QStringLiteral("predicted_vs_true")).toObject();
        const auto x = numbers(p.value(QStringLiteral("true_mean")));
        chart.addSeries(tr("Mean prediction"), x, numbers(p.value(QStringLiteral("predicted_mean"))), ChartView::seriesColor(0));
        chart.addSeries(tr("25th percentile"), x, numbers(p.value(QStringLiteral("predicted_p25"))), ChartView::seriesColor(0).lighter(150));
        chart.addSeries(tr("75th percentile"), x, numbers(p.value(QStringLiteral("predicted_p75"))), ChartView::seriesColor(0).lighter(150));
        if (!x.empty()) {
            const double lo = *std::min_element(x.begin(), x.end()), hi = *std::max_element(x.begin(), x.end());
            chart.addSeries(tr("Ideal"), {lo, hi}, {lo, hi}, Qt::gray)->setPen(QPen(Qt::gray, 1, Qt::DashLine));
        }
        chart.fitAxes();
        return;
    }
    if (kind == Kind::Residuals) {
        const QJsonObject r = stored.value(QStringLiteral("residuals")).toObject();
        const auto edges = numbers(r.value(QStringLiteral("edges")));
        const auto counts = numbers(r.value(QStringLiteral("counts")));
        std::vector<double> x, y;
        for (size_t i = 0; i < counts.size() && i + 1 < edges.size(); ++i) {
            x.insert(x.end(), {edges[i], edges[i], edges[i + 1], edges[i + 1]});
            y.insert(y.end(), {0, counts[i], counts[i], 0});
        }
        chart.addSeries(tr("Residuals"), x, y, ChartView::seriesColor(0));
        chart.fitAxes();
        return;
    }
    const QJsonArray perClass = stored.value(key(kind)).toArray();
    // Binary: the positive class only (the other is its mirror image).
    const int first = perClass.size() == 2 ? 1 : 0;
    for (int c = first; c < perClass.size(); ++c) {
        const QJsonObject o = perClass[c].toObject();
        chart.addSeries(classes.value(c, QString::number(c)), numbers(o.value(QStringLiteral("x"))),
                        numbers(o.value(QStringLiteral("y"))), ChartView::seriesColor(c - first));
    }
    if (perClass.size() >= 2 && (kind == Kind::Roc || kind == Kind::PrecisionRecall)) {
        int i = int(perClass.size()) - first;
        for (const QString &avg : {QStringLiteral("micro"), QStringLiteral("macro"), QStringLiteral("weighted")}) {
            const QJsonObject o = curve(stored, key(kind) + QLatin1Char('_') + avg);
            QCPCurve *c = chart.addSeries(tr("%1 average").arg(avg), numbers(o.value(QStringLiteral("x"))),
                                          numbers(o.value(QStringLiteral("y"))), ChartView::seriesColor(i++));
            c->setPen(QPen(c->pen().color(), 2, Qt::DashLine));
        }
    }
    if (kind == Kind::Roc || kind == Kind::Calibration || kind == Kind::Gains)
        chart.addDiagonal();
    chart.fitAxes(unitChart(kind));
}

void overlay(ChartView &chart, Kind kind, const QList<QJsonObject> &runs, const QStringList &names, int classes)
{
    chart.clearSeries();
    labels(chart, kind);
    for (int i = 0; i < runs.size(); ++i) {
        const QJsonObject o = classes == 2 ? curve(runs[i], key(kind), 1) : curve(runs[i], key(kind) + QStringLiteral("_weighted"));
        chart.addSeries(names.value(i), numbers(o.value(QStringLiteral("x"))), numbers(o.value(QStringLiteral("y"))),
                        ChartView::seriesColor(i));
    }
    chart.legend->setVisible(runs.size() <= 12);
    chart.setLegendColumns(runs.size() <= 6 ? 1 : 0); // a name a row while they are few, else as many as fit
    if (kind == Kind::Roc)
        chart.addDiagonal();
    chart.fitAxes(unitChart(kind));
}

} // namespace stratus::curves
