#include "experiments/wizard/AutoMLReviewPage.h"

#include "experiments/wizard/AutoMLSettingsPage.h"
#include "experiments/wizard/AutoMLWizard.h"

#include <QRegularExpression>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace stratus {

AutoMLReviewPage::AutoMLReviewPage(AutoMLWizard &wizard) : m_wizard(wizard)
{
    setTitle(tr("Review and submit"));
    setSubTitle(tr("The run starts on the chosen compute profile; its page opens and follows it live."));
    m_text = new QTextBrowser(this);
    m_text->setObjectName(QStringLiteral("wizardReview"));
    m_text->setMinimumHeight(440);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
}

void AutoMLReviewPage::initializePage()
{
    const ml::AutoMLConfig c = m_wizard.config();
    auto row = [](const QString &name, const QString &value) {
        return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    };
    auto orNone = [this](int v, const QString &unit) { return v > 0 ? QString::number(v) + unit : tr("none"); };
    QStringList purposes;
    for (auto it = c.columnPurposes.begin(); it != c.columnPurposes.end(); ++it)
        purposes << QStringLiteral("%1: %2").arg(it.key(), it.value());
    const QString validation = c.crossValidations > 0    ? tr("%1-fold cross-validation").arg(c.crossValidations)
                               : c.validationFraction > 0 ? tr("%1% held out").arg(c.validationFraction * 100)
                                                          : tr("Auto");
    QString html = QStringLiteral("<table cellspacing=6>");
    html += row(tr("Dataset"), c.dataset);
    html += row(tr("Experiment"), c.experiment);
    html += row(tr("Label column"), c.label);
    html += row(tr("Compute profile"), c.computeProfile);
    const bool forecasting = m_wizard.settingsPage()->isForecasting();
    html += row(tr("Task"), forecasting ? tr("Time series forecasting") : c.task == ml::Task::Classification ? tr("Classification") : tr("Regression"));
    html += row(tr("Primary metric"), forecasting && c.primaryMetric.isEmpty() ? QStringLiteral("normalized_root_mean_squared_error") : c.metric());
    if (forecasting) {
        const auto p = m_wizard.settingsPage()->forecastingParameters();
        auto orAuto = [this](int v, const QString &unit) { return v > 0 ? QString::number(v) + unit : tr("auto"); };
        html += row(tr("Time column"), p.timeColumnName);
        html += row(tr("Time series ids"), p.timeSeriesIdColumnNames.isEmpty() ? tr("none (one series)") : p.timeSeriesIdColumnNames.join(QStringLiteral(", ")));
        html += row(tr("Forecast horizon"), orAuto(p.forecastHorizon, tr(" periods")));
        html += row(tr("Frequency"), p.freq.isEmpty() ? tr("auto") : p.freq);
        html += row(tr("Seasonality"), orAuto(p.seasonality, tr(" periods")));
        html += row(tr("Validation"), tr("rolling origin, %1 folds, step %2").arg(c.crossValidations).arg(orAuto(p.cvStepSize, tr(" periods"))));
    }
    if (!forecasting)
        html += row(tr("Featurization"), c.featurization == ml::Featurizer::Mode::Auto ? tr("Auto") : tr("Off"));
    html += row(tr("Column purposes"), purposes.isEmpty() ? tr("Auto for every column") : purposes.join(QStringLiteral(", ")));
    html += row(tr("Blocked algorithms"), c.blockedAlgorithms.isEmpty() ? tr("none") : c.blockedAlgorithms.join(QStringLiteral(", ")));
    html += row(tr("Experiment timeout"), orNone(c.experimentTimeoutSeconds, tr(" s")));
    html += row(tr("Max trials"), c.maxTrials > 0 ? QString::number(c.maxTrials) : tr("no limit"));
    html += row(tr("Exit score"), c.exitScore ? QString::number(*c.exitScore) : tr("none"));
    html += row(tr("Trial timeout"), orNone(c.trialTimeoutSeconds, tr(" s")));
    html += row(tr("Concurrent trials"), c.maxConcurrentTrials > 0 ? QString::number(c.maxConcurrentTrials) : tr("the profile's"));
    if (!forecasting)
        html += row(tr("Validation"), validation);
    html += row(tr("Ensembles"), QStringList{c.votingEnsemble ? tr("voting") : QString(), c.stackEnsemble ? tr("stack") : QString()}
                                     .filter(QRegularExpression(QStringLiteral(".")))
                                     .join(QStringLiteral(", ")));
    html += row(tr("Early stopping"), c.earlyStopping ? tr("on") : tr("off"));
    html += row(tr("Seed"), QString::number(c.seed));
    html += QStringLiteral("</table>");
    m_text->setHtml(html);
}

} // namespace stratus
