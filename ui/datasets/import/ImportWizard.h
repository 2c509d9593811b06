#pragma once
// ImportWizard: "Create dataset from file", as in Azure ML Studio — file,
// settings and preview (the detected dialect, which the user may change),
// schema (types and ignored columns), then confirm (name, description, tags)
// and import in the background with progress and Cancel.

#include "data/csv/CsvReader.h"

#include <QWizard>

namespace stratus {

class Workspace;
struct DatasetVersion;

class ImportWizard : public QWizard {
    Q_OBJECT
public:
    enum Page { FilePage, SettingsPage, SchemaPage, ConfirmPage };

    ImportWizard(Workspace &workspace, const QString &path = {}, QWidget *parent = nullptr);

    Workspace &workspace() { return m_ws; }
    QString filePath() const;

    // The dialect choices of the settings page (unset: detected).
    CsvReadOptions &options() { return m_options; }
    // The first rows, read with the current options (types inferred from them).
    const Result<CsvReadResult> &preview() const { return m_preview; }
    void refreshPreview();

signals:
    void previewChanged();
    void imported(const stratus::DatasetVersion &version, const QString &sameDataAs);

private:
    Workspace &m_ws;
    CsvReadOptions m_options;
    Result<CsvReadResult> m_preview{Error{}};
};

} // namespace stratus
