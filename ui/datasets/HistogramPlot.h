#pragma once
// HistogramPlot: a column's histogram (numeric bins or category counts)
// drawn with QCustomPlot from the stored profile; hover shows a bar's range
// and count, wheel and drag zoom and pan.

#include "data/profile/ColumnProfile.h"

#include <qcustomplot.h>

namespace stratus {

class HistogramPlot : public QCustomPlot {
    Q_OBJECT
public:
    explicit HistogramPlot(QWidget *parent = nullptr);
    void setProfile(const ColumnProfile &profile);
    // The bar heights shown (for tests).
    QVector<double> barValues() const;

private:
    void showTip(QMouseEvent *event);
    QCPBars *m_bars;
    ColumnProfile m_profile;
};

} // namespace stratus
