#pragma once
// The wizard's first page: the registered datasets and a preview of the
// chosen one's first rows.

#include <QWizardPage>

class QLabel;
class QTableView;
class QListWidget;

namespace stratus {

class AutoMLWizard;
class DatasetPreviewModel;

class AutoMLDatasetPage : public QWizardPage {
    Q_OBJECT
public:
    AutoMLDatasetPage(AutoMLWizard &wizard, const QString &preselected);
    bool isComplete() const override;
    bool validatePage() override;
    QListWidget *list() const { return m_list; }

private:
    void choose();
    AutoMLWizard &m_wizard;
    QListWidget *m_list;
    QTableView *m_preview;
    DatasetPreviewModel *m_model;
    QLabel *m_info;
};

} // namespace stratus
