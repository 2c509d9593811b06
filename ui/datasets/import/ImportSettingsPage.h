#pragma once
// Second page of the import wizard: what was detected (delimiter, header,
// decimal comma, byte order mark), which the user may override, and a
// preview of the first rows read with those settings.

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QTableView;

namespace stratus {

class TablePreviewModel;

class ImportSettingsPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportSettingsPage(QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;

private:
    void applyChoices();
    void showPreview();

    QComboBox *m_delimiter;
    QCheckBox *m_header;
    QCheckBox *m_decimalComma;
    QLabel *m_detected;
    QLabel *m_problem;
    QTableView *m_view;
    TablePreviewModel *m_model;
    bool m_updating = false;
};

} // namespace stratus
