#pragma once
// Third page of the import wizard: the columns, their inferred types, and
// the user's choices — another type, or leave a column out.

#include <QWizardPage>

class QTableWidget;

namespace stratus {

class ImportSchemaPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportSchemaPage(QWidget *parent = nullptr);
    void initializePage() override;
    bool validatePage() override;

    enum Column { IncludeColumn, NameColumn, DetectedColumn, TypeColumn, SampleColumn };

private:
    QTableWidget *m_table;
};

} // namespace stratus
