#pragma once
// Draws a run's stored curves (the "curves" artifact, as ml::Curves and
// ml::RegressionCurves write it) on ChartViews. The points drawn are the
// stored ones, unchanged: what the studio shows is what was measured.

#include <QJsonObject>
#include <QStringList>
#include <vector>

namespace stratus {

class ChartView;

namespace curves {

enum class Kind { Roc, PrecisionRecall, Calibration, Lift, Gains, PredictedVsTrue, Residuals };

// Every curve of one run: per class (named by `classes`; for a binary task the
// positive class, the other being its mirror image) and, for ROC and
// precision-recall, the micro, macro and weighted averages (dashed).
void draw(ChartView &chart, Kind kind, const QJsonObject &curves, const QStringList &classes);
// One curve per run, overlaid, for comparison: for classification the
// weighted average (ROC, precision-recall), for binary tasks the positive class.
void overlay(ChartView &chart, Kind kind, const QList<QJsonObject> &runs, const QStringList &names, int classes);
// A named curve of a stored artifact: "roc" with class i, or "roc_weighted", ...
QJsonObject curve(const QJsonObject &curves, const QString &key, int classIndex = -1);
QString title(Kind kind);
// A stored array of numbers.
std::vector<double> numbers(const QJsonValue &array);

} // namespace curves
} // namespace stratus
