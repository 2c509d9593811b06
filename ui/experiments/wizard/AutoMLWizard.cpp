#include "experiments/wizard/AutoMLWizard.h"

#include "experiments/wizard/AutoMLDatasetPage.h"
#include "experiments/wizard/AutoMLReviewPage.h"
#include "experiments/wizard/AutoMLRunPage.h"
#include "experiments/wizard/AutoMLSettingsPage.h"

namespace stratus {

AutoMLWizard::AutoMLWizard(Workspace &workspace, const QString &dataset, QWidget *parent)
    : QWizard(parent), m_ws(workspace)
{
    setWindowTitle(tr("New Automated ML run"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    m_datasetPage = new AutoMLDatasetPage(*this, dataset);
    m_runPage = new AutoMLRunPage(*this);
    m_settingsPage = new AutoMLSettingsPage(*this);
    m_reviewPage = new AutoMLReviewPage(*this);
    setPage(DatasetPage, m_datasetPage);
    setPage(RunPage, m_runPage);
    setPage(SettingsPage, m_settingsPage);
    setPage(ReviewPage, m_reviewPage);
    setButtonText(QWizard::FinishButton, tr("Submit"));
    resize(900, 640);
}

ml::AutoMLConfig AutoMLWizard::config() const
{
    ml::AutoMLConfig c;
    c.dataset = m_dataset.reference();
    m_runPage->fill(c);
    m_settingsPage->fill(c);
    return c;
}

} // namespace stratus
