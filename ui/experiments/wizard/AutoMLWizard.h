#pragma once
// AutoMLWizard: "New Automated ML run", as in Azure ML Studio. (1) choose a
// dataset, with its preview; (2) configure the run: a new or existing
// experiment, the label column, the compute profile; (3) task and settings:
// task type, primary metric, featurization with per-column overrides,
// allowed/blocked algorithms, exit criteria, concurrency, validation,
// ensembles, seed; (4) review and submit. Every field starts from a sensible
// default; a field that is wrong is marked in place and blocks Next.
// config() is what the wizard built; the caller submits it.

#include "data/store/DatasetVersion.h"
#include "ml/automl/AutoMLConfig.h"

#include <QWizard>

namespace stratus {

class Workspace;
class AutoMLDatasetPage;
class AutoMLRunPage;
class AutoMLSettingsPage;
class AutoMLReviewPage;

class AutoMLWizard : public QWizard {
    Q_OBJECT
public:
    enum Page { DatasetPage, RunPage, SettingsPage, ReviewPage };

    // dataset: preselected (name), or empty.
    AutoMLWizard(Workspace &workspace, const QString &dataset = {}, QWidget *parent = nullptr);

    Workspace &workspace() { return m_ws; }
    // The dataset version chosen on the first page.
    const DatasetVersion &dataset() const { return m_dataset; }
    void setDataset(const DatasetVersion &version) { m_dataset = version; }
    ml::AutoMLConfig config() const;

    AutoMLDatasetPage *datasetPage() const { return m_datasetPage; }
    AutoMLRunPage *runPage() const { return m_runPage; }
    AutoMLSettingsPage *settingsPage() const { return m_settingsPage; }

private:
    Workspace &m_ws;
    DatasetVersion m_dataset;
    AutoMLDatasetPage *m_datasetPage;
    AutoMLRunPage *m_runPage;
    AutoMLSettingsPage *m_settingsPage;
    AutoMLReviewPage *m_reviewPage;
};

} // namespace stratus
