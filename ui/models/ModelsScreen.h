#pragma once
// ModelsScreen: the model registry. Models and their versions (newest
// first) with tags and key properties; the selected version's details:
// description, metrics, lineage (the run, the experiment, the dataset
// version it was trained on) and actions: open its run, deploy it as an
// endpoint, export its package, score a dataset with it, delete the version;
// and import a package.

#include "common/Result.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class QTreeWidget;

namespace stratus {

class Reloader;
class ForecastFileDialog;
class ScoreDatasetDialog;
class Workspace;

class ModelsScreen : public QWidget {
    Q_OBJECT
public:
    explicit ModelsScreen(Workspace &workspace, QWidget *parent = nullptr);

    void refresh();
    // Writes the selected version's package to `path`; returns the report shown (or the error).
    Result<QString> exportPackage(const QString &path);
    // Writes the selected version as ONNX to `path`; returns the report shown (or why it cannot).
    Result<QString> exportOnnx(const QString &path);
    // Imports a package as a new version of `name` (empty: the package's name) and selects it.
    Result<QString> importPackage(const QString &path, const QString &name = {});
    // Opens "Score dataset" for the selected version.
    ScoreDatasetDialog *scoreDataset();
    // A forecasting version: forecasts the future rows of the CSV at `path` and plots them.
    ForecastFileDialog *forecastFile(const QString &path);
    QString selectedReference() const;
    // Selects a version ("name:version").
    void select(const QString &reference);
    QTreeWidget *tree() const { return m_tree; }
    Reloader *reloader() const { return m_reloader; }

signals:
    void openRun(const QString &runId);
    void deployRequested(const QString &reference);

private:
    // Asks for a file (suggesting the selected version's name + suffix), runs
    // `exporter` on it and shows its report or error under `title`.
    void exportTo(const QString &title, const QString &caption, const QString &suffix, const QString &filter,
                  Result<QString> (ModelsScreen::*exporter)(const QString &));
    void showDetails();
    void deleteVersion();

    Workspace &m_ws;
    Reloader *m_reloader;
    QTreeWidget *m_tree;
    QLabel *m_details;
    QTableWidget *m_metrics;
    QPushButton *m_openRun, *m_deploy, *m_export, *m_exportOnnx, *m_score, *m_forecast, *m_delete;
    QString m_pendingSelection;
};

} // namespace stratus
