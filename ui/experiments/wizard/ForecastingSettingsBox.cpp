#include "shared/Style.h"
#include "experiments/wizard/ForecastingSettingsBox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QSpinBox>

namespace stratus {

namespace {

bool namedLikeTime(const QString &name)
{
    const QString n = name.toLower();
    return n == QLatin1String("date") || n == QLatin1String("time") || n == QLatin1String("timestamp") || n == QLatin1String("datetime")
           || n == QLatin1String("ds") || n == QLatin1String("period") || n == QLatin1String("week") || n == QLatin1String("month")
           || n == QLatin1String("year") || n.endsWith(QLatin1String("_date")) || n.endsWith(QLatin1String("_time"));
}

} // namespace

ForecastingSettingsBox::ForecastingSettingsBox(QWidget *parent) : QGroupBox(tr("Forecasting"), parent)
{
    m_time = new QComboBox(this);
    m_time->setObjectName(QStringLiteral("forecastTimeColumn"));
    m_ids = new QListWidget(this);
    m_ids->setObjectName(QStringLiteral("forecastSeriesIds"));
    m_ids->setMaximumHeight(90);
    m_horizon = style::spinBox(0, 100000, 0, tr("auto"), this);
    m_horizon->setObjectName(QStringLiteral("forecastHorizon"));
    m_horizon->setSuffix(tr(" periods"));
    m_frequency = new QComboBox(this);
    m_frequency->setObjectName(QStringLiteral("forecastFrequency"));
    m_frequency->addItem(tr("auto (inferred from the time column)"), QString());
    const QList<QPair<QString, QString>> frequencies = {
        {QStringLiteral("min"), tr("minutes (min)")},          {QStringLiteral("h"), tr("hours (h)")},
        {QStringLiteral("D"), tr("days (D)")},                 {QStringLiteral("B"), tr("business days (B)")},
        {QStringLiteral("W-SUN"), tr("weeks ending Sunday (W-SUN)")}, {QStringLiteral("MS"), tr("month starts (MS)")},
        {QStringLiteral("M"), tr("month ends (M)")},           {QStringLiteral("QS-JAN"), tr("quarter starts (QS-JAN)")},
        {QStringLiteral("Q-DEC"), tr("quarter ends (Q-DEC)")}, {QStringLiteral("YS-JAN"), tr("year starts (YS-JAN)")},
        {QStringLiteral("Y-DEC"), tr("year ends (Y-DEC)")}};
    for (const auto &[alias, text] : frequencies)
        m_frequency->addItem(text, alias);
    m_seasonality = style::spinBox(0, 100000, 0, tr("auto"), this);
    m_seasonality->setSuffix(tr(" periods"));
    m_shortSeries = new QComboBox(this);
    m_shortSeries->addItem(tr("auto (drop when others are long enough, else pad)"), QStringLiteral("auto"));
    m_shortSeries->addItem(tr("pad"), QStringLiteral("pad"));
    m_shortSeries->addItem(tr("drop"), QStringLiteral("drop"));
    m_shortSeries->addItem(tr("none (an error)"), QStringLiteral("none"));
    m_aggregation = new QComboBox(this);
    m_aggregation->addItem(tr("none (duplicates are an error)"), QStringLiteral("none"));
    for (const char *a : {"sum", "mean", "min", "max"})
        m_aggregation->addItem(QString::fromLatin1(a), QString::fromLatin1(a));
    m_folds = style::spinBox(2, 20, 3, QString(), this);
    m_folds->setSuffix(tr(" folds"));
    m_step = style::spinBox(0, 100000, 0, tr("auto (the horizon)"), this);
    m_step->setSuffix(tr(" periods"));
    m_targetLags = new QLineEdit(QStringLiteral("auto"), this);
    m_targetLags->setObjectName(QStringLiteral("forecastTargetLags"));
    m_targetLags->setToolTip(tr("auto, none, or lags in periods such as 1,2,7 (target_lags)"));
    m_featureLags = new QCheckBox(tr("Lag the features too (feature_lags)"), this);
    m_featureLags->setObjectName(QStringLiteral("forecastFeatureLags"));
    m_unknown = new QListWidget(this);
    m_unknown->setObjectName(QStringLiteral("forecastUnknownFeatures"));
    m_unknown->setMaximumHeight(70);
    m_unknown->setToolTip(tr("Features not known for the periods to forecast: left out, or read only before the origin when the "
                             "features are lagged (features_unknown_at_forecast_time)"));

    auto *form = new QFormLayout(this);
    form->addRow(tr("Time column"), m_time);
    form->addRow(tr("Time series ids"), m_ids);
    form->addRow(tr("Forecast horizon"), m_horizon);
    form->addRow(tr("Frequency"), m_frequency);
    form->addRow(tr("Seasonality"), m_seasonality);
    form->addRow(tr("Short series"), m_shortSeries);
    form->addRow(tr("Duplicate timestamps"), m_aggregation);
    form->addRow(tr("Rolling-origin validation"), m_folds);
    form->addRow(tr("Step between origins"), m_step);
    form->addRow(tr("Target lags"), m_targetLags);
    form->addRow(tr("Unknown at forecast time"), m_unknown);
    form->addRow(QString(), m_featureLags);

    for (QComboBox *c : {m_time, m_frequency, m_shortSeries, m_aggregation})
        connect(c, &QComboBox::currentIndexChanged, this, &ForecastingSettingsBox::changed);
    for (QSpinBox *s : {m_horizon, m_seasonality, m_folds, m_step})
        connect(s, &QSpinBox::valueChanged, this, &ForecastingSettingsBox::changed);
    connect(m_ids, &QListWidget::itemChanged, this, &ForecastingSettingsBox::changed);
    connect(m_unknown, &QListWidget::itemChanged, this, &ForecastingSettingsBox::changed);
    connect(m_targetLags, &QLineEdit::textChanged, this, &ForecastingSettingsBox::changed);
    connect(m_featureLags, &QCheckBox::toggled, this, &ForecastingSettingsBox::changed);
}

void ForecastingSettingsBox::setDataset(const DatasetVersion &dataset, const QString &label)
{
    const QSignalBlocker blockTime(m_time), blockIds(m_ids), blockUnknown(m_unknown);
    m_time->clear();
    m_ids->clear();
    m_unknown->clear();
    const QString tagged = dataset.tags.value(QStringLiteral("time_column")).toString();
    int suggested = -1;
    for (const DatasetColumn &c : dataset.columns) {
        if (c.name == label)
            continue;
        const bool timeLike = c.type == ColumnType::DateTime || namedLikeTime(c.name);
        if (timeLike || c.type == ColumnType::Text || c.type == ColumnType::Categorical || c.type == ColumnType::Integer) {
            m_time->addItem(c.name);
            if (c.name == tagged || (suggested < 0 && c.type == ColumnType::DateTime))
                suggested = m_time->count() - 1;
            else if (suggested < 0 && timeLike && tagged.isEmpty())
                suggested = m_time->count() - 1;
        }
    }
    if (suggested >= 0)
        m_time->setCurrentIndex(suggested);
    // Series ids: categorical, text and integer columns with few distinct values.
    const qint64 rows = std::max<qint64>(1, dataset.rows);
    for (const DatasetColumn &c : dataset.columns) {
        if (c.name == label || c.type == ColumnType::DateTime || c.type == ColumnType::Decimal || c.type == ColumnType::Boolean)
            continue;
        auto *item = new QListWidgetItem(c.name, m_ids);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        const bool few = c.profile.unique > 1 && c.profile.unique <= std::min<qint64>(1000, rows / 10);
        item->setCheckState(few && c.type != ColumnType::Integer && !namedLikeTime(c.name) ? Qt::Checked : Qt::Unchecked);
    }
    // Features that may be unknown at forecast time: the numeric and boolean columns.
    for (const DatasetColumn &c : dataset.columns) {
        if (c.name == label || !(c.type == ColumnType::Integer || c.type == ColumnType::Decimal || c.type == ColumnType::Boolean))
            continue;
        auto *item = new QListWidgetItem(c.name, m_unknown);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    emit changed();
}

ml::forecasting::ForecastingParameters ForecastingSettingsBox::parameters() const
{
    ml::forecasting::ForecastingParameters p;
    p.timeColumnName = m_time->currentText();
    for (int i = 0; i < m_ids->count(); ++i)
        if (m_ids->item(i)->checkState() == Qt::Checked && m_ids->item(i)->text() != p.timeColumnName)
            p.timeSeriesIdColumnNames << m_ids->item(i)->text();
    p.forecastHorizon = m_horizon->value();
    p.freq = m_frequency->currentData().toString();
    p.seasonality = m_seasonality->value();
    p.shortSeriesHandling = ml::forecasting::shortSeriesFromName(m_shortSeries->currentData().toString()).value_or(ml::forecasting::ShortSeries::Auto);
    p.targetAggregation = ml::forecasting::aggregationFromName(m_aggregation->currentData().toString()).value_or(ml::forecasting::Aggregation::None);
    p.cvStepSize = m_step->value();
    (void)p.setTargetLags(m_targetLags->text().trimmed().isEmpty() ? QStringLiteral("auto") : m_targetLags->text().trimmed()); // problem() tells
    p.featureLags = m_featureLags->isChecked();
    for (int i = 0; i < m_unknown->count(); ++i)
        if (m_unknown->item(i)->checkState() == Qt::Checked && m_unknown->item(i)->text() != p.timeColumnName
            && !p.timeSeriesIdColumnNames.contains(m_unknown->item(i)->text()))
            p.featuresUnknownAtForecastTime << m_unknown->item(i)->text();
    return p;
}

QString ForecastingSettingsBox::problem() const
{
    ml::forecasting::ForecastingParameters p;
    const QString lags = m_targetLags->text().trimmed();
    if (const Status s = p.setTargetLags(lags.isEmpty() ? QStringLiteral("auto") : lags); !s)
        return tr("Target lags: %1").arg(s.message());
    return QString();
}

int ForecastingSettingsBox::folds() const
{
    return m_folds->value();
}

} // namespace stratus
