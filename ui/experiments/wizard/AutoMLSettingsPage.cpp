#include "experiments/wizard/AutoMLSettingsPage.h"

#include "experiments/wizard/AutoMLWizard.h"
#include "experiments/wizard/ForecastingSettingsBox.h"
#include "ml/automl/ForecastingRun.h"
#include "ml/forecasting/ForecastMetrics.h"
#include "experiments/wizard/LabelChoice.h"
#include "ml/automl/LabelCheck.h"
#include "ml/learners/Learners.h"
#include "shared/Style.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace stratus {

namespace {

} // namespace

AutoMLSettingsPage::AutoMLSettingsPage(AutoMLWizard &wizard) : m_wizard(wizard)
{
    setTitle(tr("Task type and settings"));
    setSubTitle(tr("Sensible defaults are set; a run of a minute is usually enough for a few thousand rows."));
    m_task = new QComboBox(this);
    m_task->setObjectName(QStringLiteral("wizardTask"));
    m_task->addItem(tr("Classification"), QStringLiteral("classification"));
    m_task->addItem(tr("Regression"), QStringLiteral("regression"));
    m_task->addItem(tr("Time series forecasting"), QStringLiteral("forecasting"));
    m_forecasting = new ForecastingSettingsBox(this);
    m_forecasting->setVisible(false);
    m_metric = new QComboBox(this);
    m_metric->setObjectName(QStringLiteral("wizardMetric"));
    m_featurization = new QCheckBox(tr("Automatic featurization (impute, encode, scale)"), this);
    m_featurization->setChecked(true);
    m_columns = new QTableWidget(0, 3, this);
    m_columns->setObjectName(QStringLiteral("wizardColumns"));
    m_columns->setHorizontalHeaderLabels({tr("Column"), tr("Type"), tr("Use as")});
    m_columns->verticalHeader()->hide();
    m_columns->horizontalHeader()->setStretchLastSection(true);
    m_columns->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_algorithms = new QListWidget(this);
    m_algorithms->setObjectName(QStringLiteral("wizardAlgorithms"));
    m_timeout = style::spinBox(0, 7 * 24 * 3600, 60, tr("none"), this);
    m_timeout->setObjectName(QStringLiteral("wizardTimeout"));
    m_timeout->setSuffix(tr(" s"));
    m_trialTimeout = style::spinBox(0, 24 * 3600, 0, tr("none"), this);
    m_trialTimeout->setSuffix(tr(" s"));
    m_maxTrials = style::spinBox(0, 1000, 0, tr("no limit"), this);
    m_maxTrials->setObjectName(QStringLiteral("wizardMaxTrials"));
    m_useExitScore = new QCheckBox(tr("Stop at score"), this);
    m_exitScore = new QDoubleSpinBox(this);
    m_exitScore->setDecimals(4);
    m_exitScore->setRange(-1e9, 1e9);
    m_exitScore->setValue(0.95);
    m_exitScore->setEnabled(false);
    m_concurrency = style::spinBox(0, 256, 0, tr("the profile's"), this);
    m_validation = new QComboBox(this);
    m_validation->addItem(tr("Auto (by rows: 10-fold, 3-fold or a 10% holdout)"), QStringLiteral("auto"));
    m_validation->addItem(tr("k-fold cross-validation"), QStringLiteral("cv"));
    m_validation->addItem(tr("Train-validation split"), QStringLiteral("split"));
    m_folds = style::spinBox(2, 50, 5, QString(), this);
    m_folds->setSuffix(tr(" folds"));
    m_fraction = new QDoubleSpinBox(this);
    m_fraction->setRange(1, 50);
    m_fraction->setValue(20);
    m_fraction->setSuffix(tr(" % for validation"));
    m_voting = new QCheckBox(tr("Voting ensemble"), this);
    m_voting->setChecked(true);
    m_stack = new QCheckBox(tr("Stack ensemble"), this);
    m_stack->setChecked(true);
    m_onnx = new QCheckBox(tr("ONNX-compatible models only"), this);
    m_onnx->setObjectName(QStringLiteral("onnxCompatible"));
    m_onnx->setToolTip(tr("Featurizes only what ONNX can compute: text columns without their length, and no date columns."));
    m_earlyStopping = new QCheckBox(tr("Early stopping"), this);
    m_earlyStopping->setChecked(true);
    m_seed = style::spinBox(0, 1000000, 0, QString(), this);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("wizardSettingsMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #c42b1c;"));

    auto *taskBox = new QGroupBox(tr("Task"), this);
    auto *taskForm = new QFormLayout(taskBox);
    taskForm->addRow(tr("Task type"), m_task);
    taskForm->addRow(tr("Primary metric"), m_metric);
    auto *exitBox = new QGroupBox(tr("Exit criteria and limits"), this);
    auto *exitForm = new QFormLayout(exitBox);
    exitForm->addRow(tr("Experiment timeout"), m_timeout);
    exitForm->addRow(tr("Max trials"), m_maxTrials);
    auto *exitRow = new QHBoxLayout;
    exitRow->addWidget(m_useExitScore);
    exitRow->addWidget(m_exitScore, 1);
    exitForm->addRow(tr("Exit score"), exitRow);
    exitForm->addRow(tr("Trial timeout"), m_trialTimeout);
    exitForm->addRow(tr("Concurrent trials"), m_concurrency);
    exitForm->addRow(m_earlyStopping);
    auto *validationBox = new QGroupBox(tr("Validation and ensembles"), this);
    auto *validationForm = new QFormLayout(validationBox);
    validationForm->addRow(tr("Validation type"), m_validation);
    auto *validationRow = new QHBoxLayout;
    validationRow->addWidget(m_folds);
    validationRow->addWidget(m_fraction);
    validationForm->addRow(QString(), validationRow);
    auto *ensembles = new QHBoxLayout;
    ensembles->addWidget(m_voting);
    ensembles->addWidget(m_stack);
    validationForm->addRow(tr("Ensembles"), ensembles);
    validationForm->addRow(tr("Export"), m_onnx);
    validationForm->addRow(tr("Seed"), m_seed);
    m_validationRow = validationForm->labelForField(m_validation);
    m_exportRow = validationForm->labelForField(m_onnx);
    auto *featureBox = new QGroupBox(tr("Featurization"), this);
    m_featureBox = featureBox;
    auto *featureLayout = new QVBoxLayout(featureBox);
    featureLayout->addWidget(m_featurization);
    featureLayout->addWidget(m_columns, 1);
    auto *algorithmBox = new QGroupBox(tr("Algorithms (unchecked ones are blocked)"), this);
    auto *algorithmLayout = new QVBoxLayout(algorithmBox);
    algorithmLayout->addWidget(m_algorithms);

    auto *left = new QVBoxLayout;
    left->addWidget(taskBox);
    left->addWidget(exitBox);
    left->addWidget(validationBox);
    left->addStretch();
    auto *right = new QVBoxLayout;
    right->addWidget(m_forecasting, 3);
    right->addWidget(featureBox, 3);
    right->addWidget(algorithmBox, 2);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_message);

    connect(m_task, &QComboBox::currentIndexChanged, this, &AutoMLSettingsPage::taskChanged);
    connect(m_useExitScore, &QCheckBox::toggled, m_exitScore, &QWidget::setEnabled);
    connect(m_validation, &QComboBox::currentIndexChanged, this, [this] {
        m_folds->setVisible(m_validation->currentData() == QLatin1String("cv"));
        m_fraction->setVisible(m_validation->currentData() == QLatin1String("split"));
        check();
    });
    m_folds->setVisible(false);
    m_fraction->setVisible(false);
    for (QSpinBox *s : {m_timeout, m_maxTrials, m_trialTimeout, m_concurrency, m_folds, m_seed})
        connect(s, &QSpinBox::valueChanged, this, &AutoMLSettingsPage::check);
    connect(m_algorithms, &QListWidget::itemChanged, this, &AutoMLSettingsPage::check);
    connect(m_metric, &QComboBox::currentIndexChanged, this, &AutoMLSettingsPage::check);
    connect(m_forecasting, &ForecastingSettingsBox::changed, this, &AutoMLSettingsPage::check);
}

bool AutoMLSettingsPage::isForecasting() const
{
    return m_task->currentData() == QLatin1String("forecasting");
}

ml::forecasting::ForecastingParameters AutoMLSettingsPage::forecastingParameters() const
{
    return m_forecasting->parameters();
}

void AutoMLSettingsPage::initializePage()
{
    const QString label = m_wizard.config().label;
    const QString key = m_wizard.dataset().reference() + QLatin1Char('/') + label;
    if (key == m_shownFor)
        return;
    m_shownFor = key;
    // The task the label implies (LabelChoice.h), as the previous page said.
    for (const DatasetColumn &column : m_wizard.dataset().columns) {
        if (column.name == label)
            m_task->setCurrentIndex(impliedTask(column) == ml::Task::Classification ? 0 : 1);
    }
    m_columns->setRowCount(0);
    QStringList names;
    for (const DatasetColumn &column : m_wizard.dataset().columns)
        names << column.name;
    const QStringList predictions = ml::labelPredictionColumns(names, label);
    for (const DatasetColumn &column : m_wizard.dataset().columns) {
        if (column.name == label)
            continue;
        const int row = m_columns->rowCount();
        m_columns->insertRow(row);
        m_columns->setItem(row, 0, new QTableWidgetItem(column.name));
        m_columns->setItem(row, 1, new QTableWidgetItem(columnTypeLabel(column.type)));
        auto *use = new QComboBox(m_columns);
        use->addItem(tr("Auto"), QString());
        use->addItem(tr("Ignore"), QStringLiteral("ignore"));
        use->addItem(tr("Categorical"), QStringLiteral("categorical"));
        use->addItem(tr("Numeric"), QStringLiteral("numeric"));
        if (predictions.contains(column.name)) { // a scored dataset's prediction of the label would leak it
            use->setCurrentIndex(1);
            use->setToolTip(tr("A prediction of the label (a scored dataset's column): learning from it would leak the answer."));
        }
        m_columns->setCellWidget(row, 2, use);
    }
    m_columns->resizeColumnsToContents();
    m_forecasting->setDataset(m_wizard.dataset(), label);
    // The forecasting sample (tagged task=forecasting) starts as a forecast.
    if (m_wizard.dataset().tags.value(QStringLiteral("task")).toString() == QLatin1String("forecasting"))
        m_task->setCurrentIndex(2);
    taskChanged();
}

void AutoMLSettingsPage::taskChanged()
{
    const bool forecasting = isForecasting();
    const ml::Task task = m_task->currentIndex() == 0 ? ml::Task::Classification : ml::Task::Regression;
    // A forecast validates on rolling origins and featurizes by itself (lags, calendar): those
    // settings give way to the forecasting ones.
    m_forecasting->setVisible(forecasting);
    m_featureBox->setVisible(!forecasting);
    for (QWidget *w : {static_cast<QWidget *>(m_validation), m_validationRow, m_exportRow, static_cast<QWidget *>(m_stack), static_cast<QWidget *>(m_onnx),
                       static_cast<QWidget *>(m_earlyStopping)})
        if (w)
            w->setVisible(!forecasting);
    if (forecasting) {
        m_folds->setVisible(false);
        m_fraction->setVisible(false);
    } else {
        m_folds->setVisible(m_validation->currentData() == QLatin1String("cv"));
        m_fraction->setVisible(m_validation->currentData() == QLatin1String("split"));
    }
    m_metric->clear();
    m_metric->addItems(forecasting ? ml::forecasting::forecastingPrimaryMetrics() : ml::primaryMetrics(task));
    m_algorithms->clear();
    for (const QString &name : forecasting ? ml::forecasting::forecastingAlgorithms() : ml::learnerNames(task)) {
        auto *item = new QListWidgetItem(name, m_algorithms);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    check();
}

void AutoMLSettingsPage::fill(ml::AutoMLConfig &c) const
{
    c.task = m_task->currentIndex() == 0 ? ml::Task::Classification : ml::Task::Regression;
    c.primaryMetric = m_metric->currentText();
    c.featurization = m_featurization->isChecked() ? ml::Featurizer::Mode::Auto : ml::Featurizer::Mode::Off;
    c.columnPurposes.clear();
    for (int row = 0; row < m_columns->rowCount(); ++row) {
        const QString purpose = static_cast<QComboBox *>(m_columns->cellWidget(row, 2))->currentData().toString();
        if (!purpose.isEmpty())
            c.columnPurposes.insert(m_columns->item(row, 0)->text(), purpose);
    }
    c.blockedAlgorithms.clear();
    for (int i = 0; i < m_algorithms->count(); ++i)
        if (m_algorithms->item(i)->checkState() != Qt::Checked)
            c.blockedAlgorithms << m_algorithms->item(i)->text();
    c.experimentTimeoutSeconds = m_timeout->value();
    c.trialTimeoutSeconds = m_trialTimeout->value();
    c.maxTrials = m_maxTrials->value();
    c.exitScore = m_useExitScore->isChecked() ? std::optional<double>(m_exitScore->value()) : std::nullopt;
    c.maxConcurrentTrials = m_concurrency->value();
    c.crossValidations = m_validation->currentData() == QLatin1String("cv") ? m_folds->value() : 0;
    c.validationFraction = m_validation->currentData() == QLatin1String("split") ? m_fraction->value() / 100.0 : 0;
    c.votingEnsemble = m_voting->isChecked();
    c.stackEnsemble = m_stack->isChecked();
    c.onnxCompatible = m_onnx->isChecked();
    c.earlyStopping = m_earlyStopping->isChecked();
    c.seed = quint64(m_seed->value());
    if (isForecasting()) { // what a forecasting run reads of the common settings
        c.task = ml::Task::Regression;
        c.featurization = ml::Featurizer::Mode::Auto;
        c.columnPurposes.clear();
        c.crossValidations = m_forecasting->folds();
        c.validationFraction = 0;
        c.stackEnsemble = false;
        c.onnxCompatible = false;
    }
}

QString AutoMLSettingsPage::problem() const
{
    if (m_algorithms->count() > 0) {
        int allowed = 0;
        for (int i = 0; i < m_algorithms->count(); ++i)
            allowed += m_algorithms->item(i)->checkState() == Qt::Checked ? 1 : 0;
        if (allowed == 0)
            return tr("Allow at least one algorithm.");
    }
    if (isForecasting() && !m_forecasting->problem().isEmpty())
        return m_forecasting->problem();
    const Status s = isForecasting() ? ml::forecasting::ForecastingRun::validate(m_wizard.config(), m_forecasting->parameters())
                                     : m_wizard.config().validate();
    return s ? QString() : s.message();
}

void AutoMLSettingsPage::check()
{
    const QString p = problem();
    m_message->setText(p);
    const bool exit = p.contains(QLatin1String("timeout")) || p.contains(QLatin1String("trials"));
    style::markField(m_timeout, exit ? p : QString());
    style::markField(m_maxTrials, exit ? p : QString());
    style::markField(m_algorithms, p.contains(QLatin1String("algorithm")) ? p : QString());
    emit completeChanged();
}

bool AutoMLSettingsPage::isComplete() const
{
    return problem().isEmpty();
}

} // namespace stratus
