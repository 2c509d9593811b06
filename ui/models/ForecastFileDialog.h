#pragma once
// ForecastFileDialog: a forecasting model version forecasts a CSV file of
// future rows (the time, the series ids, the known-future features; rows
// with the target filled in extend the history), on a pool thread. For the
// series picked, the chart draws the end of its stored history, the forecast
// and its 80% band (the 0.1 and 0.9 quantiles); "Save as CSV" writes what
// `stratus-cli forecast` writes. A file the model cannot use is an error
// naming the line or column.

#include <QDialog>
#include <QJsonArray>

class QComboBox;
class QLabel;
class QPushButton;

namespace stratus {

class ChartView;
class Workspace;

class ForecastFileDialog : public QDialog {
    Q_OBJECT
public:
    ForecastFileDialog(Workspace &workspace, const QString &model, const QString &csvPath, QWidget *parent = nullptr);

    QComboBox *seriesPicker() const { return m_series; }
    ChartView *chart() const { return m_chart; }
    QLabel *status() const { return m_status; }
    // Per series: {series, history: [[t, y]..], forecast: [[t, mean, low, high]..]} (t in seconds since 1970).
    const QJsonArray &series() const { return m_data; }
    // The CSV `stratus-cli forecast` writes (empty until the forecast is done).
    const QByteArray &csv() const { return m_csv; }

signals:
    void forecastReady(); // or failed: see status()

private:
    void showSeries(int index);
    void save();

    QComboBox *m_series;
    ChartView *m_chart;
    QLabel *m_status;
    QPushButton *m_save;
    QJsonArray m_data;
    QByteArray m_csv;
};

} // namespace stratus
