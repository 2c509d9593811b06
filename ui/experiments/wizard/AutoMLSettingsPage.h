#pragma once
// The wizard's third page: task type and primary metric; featurization with
// per-column purposes; allowed algorithms; exit criteria (experiment
// timeout, max trials, exit score); concurrency, validation, ensembles,
// early stopping and seed. The configuration is checked as it is edited
// (AutoMLConfig::validate) and the problem shown next to the fields. With
// "Time series forecasting" the featurization and validation settings give
// way to the forecasting ones (ForecastingSettingsBox).

#include "ml/automl/AutoMLConfig.h"
#include "ml/forecasting/ForecastingParameters.h"

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QSpinBox;
class QTableWidget;

namespace stratus {

class AutoMLWizard;
class ForecastingSettingsBox;

class AutoMLSettingsPage : public QWizardPage {
    Q_OBJECT
public:
    explicit AutoMLSettingsPage(AutoMLWizard &wizard);
    void initializePage() override;
    bool isComplete() const override;
    void fill(ml::AutoMLConfig &config) const;
    // Time series forecasting is the task chosen: the run is a ForecastingRun with these parameters.
    bool isForecasting() const;
    ml::forecasting::ForecastingParameters forecastingParameters() const;
    ForecastingSettingsBox *forecasting() const { return m_forecasting; }

    QComboBox *task() const { return m_task; }
    QComboBox *metric() const { return m_metric; }
    QSpinBox *timeout() const { return m_timeout; }
    QSpinBox *maxTrials() const { return m_maxTrials; }
    QListWidget *algorithms() const { return m_algorithms; }
    QTableWidget *columns() const { return m_columns; }
    QLabel *message() const { return m_message; }

private:
    void taskChanged();
    void check();
    QString problem() const;

    AutoMLWizard &m_wizard;
    QComboBox *m_task, *m_metric, *m_validation;
    QCheckBox *m_featurization, *m_voting, *m_stack, *m_onnx, *m_earlyStopping, *m_useExitScore;
    QTableWidget *m_columns;
    QListWidget *m_algorithms;
    QSpinBox *m_timeout, *m_trialTimeout, *m_maxTrials, *m_concurrency, *m_folds, *m_seed;
    QDoubleSpinBox *m_exitScore, *m_fraction;
    QLabel *m_message;
    QString m_shownFor;
    ForecastingSettingsBox *m_forecasting;
    QWidget *m_featureBox, *m_validationRow = nullptr, *m_exportRow = nullptr;
};

} // namespace stratus
