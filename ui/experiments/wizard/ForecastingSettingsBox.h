#pragma once
// ForecastingSettingsBox: the wizard's settings of a forecasting run, with
// Azure's names (ForecastingParameters): the time column, the series id
// columns, the forecast horizon, the frequency, the seasonality, short-series
// handling, the aggregation of duplicate timestamps, the rolling-origin folds
// and their step, the target lags, the features unknown at forecast time and
// whether features are lagged. Defaults come from the dataset: its date column (or a
// column named like one) as the time column, its categorical and integer
// columns with few distinct values as series ids, the rest "auto" (decided
// from the data when the run starts); a dataset tagged time_column (the
// forecasting sample) names its own.

#include "data/store/DatasetVersion.h"
#include "ml/forecasting/ForecastingParameters.h"

#include <QGroupBox>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace stratus {

class ForecastingSettingsBox : public QGroupBox {
    Q_OBJECT
public:
    explicit ForecastingSettingsBox(QWidget *parent = nullptr);

    // Fills the choices from the dataset's columns (the label left out).
    void setDataset(const DatasetVersion &dataset, const QString &label);
    ml::forecasting::ForecastingParameters parameters() const;
    int folds() const;
    // What keeps the settings from being used (the target lags' text), or empty.
    QString problem() const;

    QComboBox *timeColumn() const { return m_time; }
    QListWidget *seriesIds() const { return m_ids; }
    QSpinBox *horizon() const { return m_horizon; }

signals:
    void changed();

private:
    QComboBox *m_time, *m_frequency, *m_shortSeries, *m_aggregation;
    QListWidget *m_ids, *m_unknown;
    QLineEdit *m_targetLags;
    QCheckBox *m_featureLags;
    QSpinBox *m_horizon, *m_seasonality, *m_folds, *m_step;
};

} // namespace stratus
