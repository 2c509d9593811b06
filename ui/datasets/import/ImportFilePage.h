#pragma once
// First page of the import wizard: which file.

#include <QWizardPage>

class QLineEdit;
class QLabel;

namespace stratus {

class ImportFilePage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportFilePage(QWidget *parent = nullptr);
    bool isComplete() const override;
    bool validatePage() override;

private:
    void browse();
    QLineEdit *m_path;
    QLabel *m_info;
};

} // namespace stratus
