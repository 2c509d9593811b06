#pragma once
// ForecastCharts: a forecasting child run's rolling-origin forecasts (its
// "forecasts" artifact, ForecastingRun): for the series picked, the actual
// values and each fold's forecast with its 80% band over time; the mean
// absolute error by horizon step over every series and fold; and the
// residuals (actual - forecast) by step. Points no row gave (imputed) are
// not drawn.

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QLabel;
class QTabWidget;

namespace stratus {

class ChartView;

class ForecastCharts : public QWidget {
    Q_OBJECT
public:
    explicit ForecastCharts(QWidget *parent = nullptr);

    // The stored artifact ({freq, forecast_horizon, series_total, series: [{series, id, folds:
    // [{origin, actual, forecast, lower_80, upper_80}]}]}); an empty object clears the charts.
    void setForecasts(const QJsonObject &forecasts);
    QComboBox *seriesPicker() const { return m_series; }
    ChartView *chart(const QString &name) const; // "forecast", "error_by_step", "residuals"

private:
    void showSeries(int index);
    void drawSteps();

    QJsonObject m_forecasts;
    QComboBox *m_series;
    QLabel *m_note;
    QTabWidget *m_tabs;
    ChartView *m_forecast, *m_byStep, *m_residuals;
};

} // namespace stratus
