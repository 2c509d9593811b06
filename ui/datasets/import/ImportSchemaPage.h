#pragma once
// Third page of the import wizard: the columns, their inferred types, and
// the user's choices — another type, or leave a column out. A column whose
// values did not all fit a type says so in its note (from the preview's
// rows; the import reports the whole file): how many, which, and what the
// choice of type does with them.

#include <QWizardPage>

class QTableWidget;

namespace stratus {

class ImportSchemaPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportSchemaPage(QWidget *parent = nullptr);
    void initializePage() override;
    bool validatePage() override;

    enum Column { IncludeColumn, NameColumn, DetectedColumn, TypeColumn, SampleColumn, NoteColumn };

private:
    QTableWidget *m_table;
};

} // namespace stratus
