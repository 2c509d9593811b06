#pragma once
// DatasetPage: one dataset — its versions, and for the chosen version the
// details, a Preview of the rows, the Profile of every column with a
// histogram, and the list of Versions.

#include "data/store/DatasetVersion.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTabWidget;
class QTableView;
class QTableWidget;

namespace stratus {

class DatasetPreviewModel;
class HistogramPlot;
class ProfileModel;
class Workspace;

class DatasetPage : public QWidget {
    Q_OBJECT
public:
    explicit DatasetPage(Workspace &workspace, QWidget *parent = nullptr);

    // Shows the dataset's latest version (or `version`).
    void showDataset(const QString &name, int version = 0);
    // Re-reads the versions; the page is redrawn only when they changed.
    void refresh();
    QString datasetName() const { return m_name; }
    const DatasetVersion &currentVersion() const { return m_version; }

    QTabWidget *tabs() const { return m_tabs; }
    QTableView *previewView() const { return m_preview; }
    QTableView *profileView() const { return m_profile; }
    HistogramPlot *histogram() const { return m_histogram; }

signals:
    void backRequested();

private:
    void showVersion(int version);
    void selectProfileColumn(int row);

    Workspace &m_ws;
    QString m_name;
    DatasetVersion m_version;
    QList<DatasetVersion> m_versions;
    QLabel *m_title;
    QLabel *m_details;
    QComboBox *m_versionCombo;
    QTabWidget *m_tabs;
    QTableView *m_preview;
    DatasetPreviewModel *m_previewModel;
    QTableView *m_profile;
    ProfileModel *m_profileModel;
    HistogramPlot *m_histogram;
    QLabel *m_columnDetails;
    QTableWidget *m_versionTable;
    bool m_updating = false;
};

} // namespace stratus
