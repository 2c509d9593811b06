#pragma once
// Last page of the import wizard: name, description and tags, a summary,
// and the import itself, in the background with a progress bar and Cancel.

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace stratus {

class ImportJob;

class ImportConfirmPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportConfirmPage(QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    void cleanupPage() override;

private:
    void checkName();
    void startImport();
    void importFinished();
    void setBusy(bool busy);

    QLineEdit *m_name;
    QLineEdit *m_description;
    QLineEdit *m_tags;
    QLabel *m_nameProblem;
    QLabel *m_summary;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QLabel *m_problem;
    ImportJob *m_job = nullptr;
    bool m_done = false;
};

} // namespace stratus
