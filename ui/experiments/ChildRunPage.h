#pragma once
// ChildRunPage: one trained model (a child run): algorithm, hyperparameters,
// status; the full metric table; the charts of its out-of-fold predictions
// (ROC per class and averaged, precision-recall, calibration, lift,
// cumulative gains, confusion matrix in counts or normalised by row, feature
// importance; for regression predicted vs. true and residuals). For a binary
// task a threshold slider moves the operating point on the ROC and
// precision-recall curves and updates the confusion matrix and the threshold
// metrics, all from the stored curves. A forecasting trial shows its
// rolling-origin forecasts instead (ForecastCharts).

#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QSlider;
class QTabWidget;
class QTableWidget;

namespace stratus {

class ChartView;
class ForecastCharts;
class Reloader;
class Workspace;

class ChildRunPage : public QWidget {
    Q_OBJECT
public:
    explicit ChildRunPage(Workspace &workspace, QWidget *parent = nullptr);

    void showRun(const QString &runId);
    QString runId() const { return m_runId; }

    ChartView *chart(const QString &name) const;
    ForecastCharts *forecastCharts() const { return m_forecastCharts; }
    QTableWidget *confusionTable() const { return m_confusion; }
    QTableWidget *metricTable() const { return m_metrics; }
    QSlider *thresholdSlider() const { return m_slider; }
    QLabel *thresholdMetrics() const { return m_thresholdText; }
    Reloader *reloader() const { return m_reloader; }
    // Counts at the operating point for threshold t: [true][predicted].
    QList<QList<double>> confusionAt(double threshold) const;

signals:
    void backRequested();
    void registerRequested(const QString &runId);

private:
    void apply(const QJsonObject &run, const QJsonObject &curves, const QJsonArray &importance, const QStringList &classes,
               const QString &metric);
    void drawImportance(const QJsonArray &importance);
    void showForecasts(const QJsonObject &run, const QJsonObject &forecasts);
    void showConfusion();
    void thresholdMoved();
    void explain();

    Workspace &m_ws;
    QString m_runId;
    QJsonObject m_curves;
    QStringList m_classes;
    Reloader *m_reloader;
    QLabel *m_title, *m_summary, *m_thresholdText, *m_thresholdLabel;
    QTableWidget *m_metrics, *m_params, *m_confusion;
    QTabWidget *m_tabs;
    QHash<QString, ChartView *> m_charts;
    QCheckBox *m_normalized;
    QSlider *m_slider;
    QWidget *m_thresholdBox;
    QPushButton *m_register, *m_explain;
    ForecastCharts *m_forecastCharts;
};

} // namespace stratus
