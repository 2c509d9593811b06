#include "datasets/import/ImportWizard.h"

#include "datasets/import/ImportConfirmPage.h"
#include "datasets/import/ImportFilePage.h"
#include "datasets/import/ImportSchemaPage.h"
#include "datasets/import/ImportSettingsPage.h"

namespace stratus {

namespace {
constexpr qint64 kPreviewRows = 200;
}

ImportWizard::ImportWizard(Workspace &workspace, const QString &path, QWidget *parent)
    : QWizard(parent), m_ws(workspace)
{
    setWindowTitle(tr("Create dataset from file"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage, false);
    setOption(QWizard::HaveHelpButton, false);
    setPage(FilePage, new ImportFilePage(this));
    setPage(SettingsPage, new ImportSettingsPage(this));
    setPage(SchemaPage, new ImportSchemaPage(this));
    setPage(ConfirmPage, new ImportConfirmPage(this));
    setField(QStringLiteral("path"), path);
    resize(900, 640);
}

QString ImportWizard::filePath() const
{
    return field(QStringLiteral("path")).toString().trimmed();
}

void ImportWizard::refreshPreview()
{
    CsvReadOptions options = m_options;
    options.columns.clear(); // the schema page shows what is detected without choices
    options.maxRows = kPreviewRows;
    m_preview = readCsv(filePath(), options);
    emit previewChanged();
}

} // namespace stratus
