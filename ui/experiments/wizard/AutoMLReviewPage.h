#pragma once
// The wizard's last page: the run's settings, as they will be submitted.

#include <QWizardPage>

class QTextBrowser;

namespace stratus {

class AutoMLWizard;

class AutoMLReviewPage : public QWizardPage {
    Q_OBJECT
public:
    explicit AutoMLReviewPage(AutoMLWizard &wizard);
    void initializePage() override;

private:
    AutoMLWizard &m_wizard;
    QTextBrowser *m_text;
};

} // namespace stratus
