#include "models/ModelsScreen.h"

#include "export/ModelPackage.h"
#include "export/onnx/OnnxExport.h"
#include "models/ForecastFileDialog.h"
#include "models/ScoreDatasetDialog.h"
#include "registry/ModelStore.h"
#include "shared/Format.h"
#include "shared/Reloader.h"
#include "shared/Style.h"
#include "workspace/Workspace.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace stratus {

namespace {

enum { NameColumn, AlgorithmColumn, ScoreColumn, TagsColumn, CreatedColumn };
constexpr int kReferenceRole = Qt::UserRole;
constexpr int kVersionRole = Qt::UserRole + 1;

} // namespace

ModelsScreen::ModelsScreen(Workspace &workspace, QWidget *parent)
    : QWidget(parent), m_ws(workspace), m_reloader(new Reloader(this, 200))
{
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("modelTree"));
    m_tree->setHeaderLabels({tr("Model / version"), tr("Algorithm"), tr("Primary metric"), tr("Tags"), tr("Registered")});
    m_tree->setRootIsDecorated(true);
    m_tree->setAlternatingRowColors(true);
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("modelDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_metrics = new QTableWidget(0, 2, this);
    m_metrics->setHorizontalHeaderLabels({tr("Metric"), tr("Value")});
    m_metrics->verticalHeader()->hide();
    m_metrics->horizontalHeader()->setStretchLastSection(true);
    m_metrics->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_metrics->verticalHeader()->setDefaultSectionSize(m_metrics->fontMetrics().height() + 6);
    m_openRun = new QPushButton(tr("Open run"), this);
    m_deploy = new QPushButton(tr("Deploy..."), this);
    m_deploy->setObjectName(QStringLiteral("deployModel"));
    m_export = new QPushButton(tr("Export package..."), this);
    m_exportOnnx = new QPushButton(tr("Export ONNX..."), this);
    m_score = new QPushButton(tr("Score dataset..."), this);
    m_forecast = new QPushButton(tr("Forecast a file..."), this);
    m_forecast->setObjectName(QStringLiteral("forecastFile"));
    m_forecast->setVisible(false);
    m_delete = new QPushButton(tr("Delete version..."), this);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_openRun);
    actions->addWidget(m_deploy);
    actions->addWidget(m_export);
    actions->addWidget(m_exportOnnx);
    actions->addWidget(m_score);
    actions->addWidget(m_forecast);
    actions->addWidget(m_delete);
    actions->addStretch();
    // The actions above both panes (as on the Endpoints screen), so that
    // their row does not squeeze the list of models at small widths.
    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_details);
    sideLayout->addWidget(m_metrics, 1);
    auto *split = new QSplitter(this);
    split->addWidget(m_tree);
    split->addWidget(side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({600, 400});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(style::title(tr("Models"), this));
    auto *intro = new QHBoxLayout;
    auto *about = new QLabel(tr("Register a model from a run's page (Experiments). Registering under an existing name adds a version."), this);
    about->setWordWrap(true);
    intro->addWidget(about, 1);
    auto *import = new QPushButton(tr("Import package..."), this);
    intro->addWidget(import);
    layout->addLayout(intro);
    layout->addLayout(actions);
    layout->addWidget(split, 1);

    connect(&m_ws, &Workspace::modelsChanged, this, &ModelsScreen::refresh);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &ModelsScreen::showDetails);
    connect(m_openRun, &QPushButton::clicked, this, [this] {
        if (QTreeWidgetItem *item = m_tree->currentItem())
            emit openRun(item->data(0, kVersionRole).value<QVariantMap>().value(QStringLiteral("run_id")).toString());
    });
    connect(m_delete, &QPushButton::clicked, this, &ModelsScreen::deleteVersion);
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString reference = selectedReference();
        exportTo(tr("Export model"), tr("Export model %1").arg(reference), QStringLiteral(".stratus-model"),
                 tr("Stratus model packages (*.stratus-model)"), &ModelsScreen::exportPackage);
    });
    connect(m_exportOnnx, &QPushButton::clicked, this, [this] {
        const QString reference = selectedReference();
        exportTo(tr("Export ONNX"), tr("Export model %1 as ONNX").arg(reference), QStringLiteral(".onnx"), tr("ONNX models (*.onnx)"),
                 &ModelsScreen::exportOnnx);
    });
    connect(import, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import a model package"), QString(),
                                                          tr("Stratus model packages (*.stratus-model);;All files (*)"));
        if (path.isEmpty())
            return;
        auto package = package::read(path);
        if (!package) {
            QMessageBox::warning(this, tr("Import model"), package.message());
            return;
        }
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Import model"), tr("Register it as a new version of the model:"),
                                                   QLineEdit::Normal, package->name, &ok);
        if (!ok)
            return;
        auto report = importPackage(path, name.trimmed());
        if (!report)
            QMessageBox::warning(this, tr("Import model"), report.message());
    });
    connect(m_score, &QPushButton::clicked, this, [this] { scoreDataset(); });
    connect(m_forecast, &QPushButton::clicked, this, [this] {
        const QString reference = selectedReference();
        if (reference.isEmpty())
            return;
        const QString path = QFileDialog::getOpenFileName(this, tr("Future rows to forecast"), QString(),
                                                          tr("CSV files (*.csv *.tsv *.txt);;All files (*)"));
        if (!path.isEmpty())
            forecastFile(path);
    });
    connect(m_deploy, &QPushButton::clicked, this, [this] {
        QTreeWidgetItem *item = m_tree->currentItem();
        if (item && !item->parent() && item->childCount() > 0)
            item = item->child(0);
        if (item)
            emit deployRequested(item->data(0, kReferenceRole).toString());
    });
    refresh();
}

void ModelsScreen::refresh()
{
    Workspace *ws = &m_ws;
    m_reloader->request([this, ws]() -> Reloader::Apply {
        auto list = ModelStore(*ws).list();
        return [this, list] {
            const QString current = m_tree->currentItem() ? m_tree->currentItem()->data(0, kReferenceRole).toString() : QString();
            m_tree->clear();
            if (!list) {
                m_details->setText(list.message());
                return;
            }
            QHash<QString, QTreeWidgetItem *> models;
            for (const ModelVersion &v : *list) {
                QTreeWidgetItem *model = models.value(v.name);
                if (!model) {
                    model = new QTreeWidgetItem(m_tree, {v.name});
                    QFont bold = model->font(0);
                    bold.setBold(true);
                    model->setFont(0, bold);
                    model->setData(0, kReferenceRole, v.reference()); // the newest version
                    models.insert(v.name, model);
                }
                const QString metric = v.properties.value(QStringLiteral("primary_metric")).toString();
                const double score = v.properties.value(QStringLiteral("metrics")).toObject().value(metric).toDouble(std::nan(""));
                QStringList tags;
                for (auto it = v.tags.begin(); it != v.tags.end(); ++it)
                    tags << QStringLiteral("%1=%2").arg(it.key(), it.value().toString());
                auto *item = new QTreeWidgetItem(model, {tr("Version %1").arg(v.version), v.properties.value(QStringLiteral("algorithm")).toString(),
                                                         QStringLiteral("%1 %2").arg(metric, format::metric(score)), tags.join(QStringLiteral(", ")),
                                                         QLocale().toString(v.createdAt.toLocalTime(), QLocale::ShortFormat)});
                item->setData(0, kReferenceRole, v.reference());
                QVariantMap details = v.properties.toVariantMap();
                details.insert(QStringLiteral("description"), v.description);
                details.insert(QStringLiteral("reference"), v.reference());
                details.insert(QStringLiteral("run_id"), v.runId);
                item->setData(0, kVersionRole, details);
                if (model->childCount() == 1) {
                    for (int c = 1; c < 5; ++c)
                        model->setText(c, item->text(c));
                }
            }
            m_tree->expandAll();
            for (int c = 0; c < 5; ++c)
                m_tree->resizeColumnToContents(c);
            select(m_pendingSelection.isEmpty() ? current : m_pendingSelection);
            m_pendingSelection.clear();
            showDetails();
        };
    });
}

void ModelsScreen::select(const QString &reference)
{
    if (reference.isEmpty())
        return;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->parent() && (*it)->data(0, kReferenceRole).toString() == reference) {
            m_tree->setCurrentItem(*it);
            return;
        }
    }
    m_pendingSelection = reference; // not loaded yet
}

void ModelsScreen::showDetails()
{
    QTreeWidgetItem *item = m_tree->currentItem();
    if (item && !item->parent() && item->childCount() > 0)
        item = item->child(0);
    const QVariantMap d = item ? item->data(0, kVersionRole).toMap() : QVariantMap();
    m_openRun->setEnabled(!d.value(QStringLiteral("run_id")).toString().isEmpty());
    m_delete->setEnabled(!d.isEmpty());
    m_deploy->setEnabled(!d.isEmpty());
    m_export->setEnabled(!d.isEmpty());
    m_exportOnnx->setEnabled(!d.isEmpty());
    m_score->setEnabled(!d.isEmpty());
    // A forecasting model forecasts a file of future rows; it scores no dataset and exports to no ONNX.
    const bool forecasting = d.value(QStringLiteral("task")).toString() == QLatin1String("forecasting");
    m_forecast->setVisible(forecasting);
    m_score->setVisible(!forecasting);
    m_exportOnnx->setVisible(!forecasting);
    m_metrics->setRowCount(0);
    if (d.isEmpty()) {
        m_details->setText(m_tree->topLevelItemCount() == 0 ? tr("No model is registered yet.") : QString());
        return;
    }
    m_details->setText(tr("<h3>%1</h3><p>%2</p><table cellspacing=4>"
                          "<tr><td><b>Algorithm</b></td><td>%3</td></tr>"
                          "<tr><td><b>Task</b></td><td>%4 of <i>%5</i></td></tr>"
                          "<tr><td><b>Run</b></td><td>%6</td></tr>"
                          "<tr><td><b>AutoML run</b></td><td>%7</td></tr>"
                          "<tr><td><b>Experiment</b></td><td>%8</td></tr>"
                          "<tr><td><b>Trained on</b></td><td>%9</td></tr></table>")
                           .arg(d.value(QStringLiteral("reference")).toString().toHtmlEscaped(),
                                d.value(QStringLiteral("description")).toString().toHtmlEscaped(),
                                d.value(QStringLiteral("algorithm")).toString(), format::settingValue(d.value(QStringLiteral("task")).toString()),
                                d.value(QStringLiteral("label")).toString().toHtmlEscaped(),
                                d.value(QStringLiteral("run_id")).toString().isEmpty() ? tr("(deleted)") : d.value(QStringLiteral("run_id")).toString(),
                                d.value(QStringLiteral("parent_run_id")).toString(),
                                d.value(QStringLiteral("experiment")).toString().toHtmlEscaped(),
                                d.value(QStringLiteral("dataset_version")).toString().toHtmlEscaped()));
    const QVariantMap metrics = d.value(QStringLiteral("metrics")).toMap();
    for (auto it = metrics.begin(); it != metrics.end(); ++it) {
        const int row = m_metrics->rowCount();
        m_metrics->insertRow(row);
        m_metrics->setItem(row, 0, new QTableWidgetItem(format::metricTitle(it.key())));
        const double v = it.value().toDouble();
        m_metrics->setItem(row, 1, new QTableWidgetItem(format::metricValue(it.key(), v)));
    }
    m_metrics->resizeColumnToContents(0);
}

QString ModelsScreen::selectedReference() const
{
    QTreeWidgetItem *item = m_tree->currentItem();
    if (item && !item->parent() && item->childCount() > 0)
        item = item->child(0);
    return item ? item->data(0, kReferenceRole).toString() : QString();
}

Result<QString> ModelsScreen::exportPackage(const QString &path)
{
    const QString reference = selectedReference();
    if (reference.isEmpty())
        return Error{tr("Select a model version first.")};
    if (Status s = package::exportModel(m_ws, reference, path); !s)
        return s.error();
    auto p = package::read(path);
    if (!p)
        return p.error();
    return tr("Exported %1 (%2) to %3 (%4 KB): the featurization and the model, the input schema with a sample row, "
              "the metrics and the lineage (run, experiment, dataset %5). It runs without this workspace: "
              "stratus-cli predict --package or serve --package.")
        .arg(reference, p->properties.value(QStringLiteral("algorithm")).toString(), QDir::toNativeSeparators(path))
        .arg(QFileInfo(path).size() / 1024)
        .arg(p->lineage.value(QStringLiteral("dataset_version")).toString());
}

void ModelsScreen::exportTo(const QString &title, const QString &caption, const QString &suffix, const QString &filter,
                            Result<QString> (ModelsScreen::*exporter)(const QString &))
{
    const QString suggested = selectedReference().replace(QLatin1Char(':'), QLatin1Char('-')) + suffix;
    const QString path = QFileDialog::getSaveFileName(this, caption, suggested, filter);
    if (path.isEmpty())
        return;
    auto report = (this->*exporter)(path);
    if (report)
        QMessageBox::information(this, title, *report);
    else
        QMessageBox::warning(this, title, report.message());
}

Result<QString> ModelsScreen::exportOnnx(const QString &path)
{
    const QString reference = selectedReference();
    if (reference.isEmpty())
        return Error{tr("Select a model version first.")};
    auto exported = onnx::exportModel(m_ws, reference, path);
    if (!exported)
        return exported.error();
    return tr("Exported %1 to %2 (%3 KB) as ONNX, for ONNX Runtime.\n\nInputs, one per column, shape [rows, 1]: %4. "
              "Numbers, whole numbers and booleans (1 true, 0 false) are doubles, NaN when missing; categories and text "
              "are strings, empty when missing.\n\nOutputs: %5.")
        .arg(reference, QDir::toNativeSeparators(path))
        .arg(exported->bytes.size() / 1024)
        .arg(onnx::Exported::describe(exported->inputs), onnx::Exported::describe(exported->outputs));
}

Result<QString> ModelsScreen::importPackage(const QString &path, const QString &name)
{
    auto v = package::importPackage(m_ws, path, name);
    if (!v)
        return v.error();
    select(v->reference());
    refresh();
    return v->reference();
}

ScoreDatasetDialog *ModelsScreen::scoreDataset()
{
    const QString reference = selectedReference();
    if (reference.isEmpty())
        return nullptr;
    auto *dialog = new ScoreDatasetDialog(m_ws, reference, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void ModelsScreen::deleteVersion()
{
    QTreeWidgetItem *item = m_tree->currentItem();
    if (item && !item->parent() && item->childCount() > 0)
        item = item->child(0);
    if (!item)
        return;
    const QString reference = item->data(0, kReferenceRole).toString();
    if (QMessageBox::question(this, tr("Delete version"), tr("Delete model version %1? Its run is kept.").arg(reference))
        != QMessageBox::Yes)
        return;
    if (Status s = ModelStore(m_ws).remove(reference); !s)
        QMessageBox::warning(this, tr("Delete version"), s.message());
    refresh();
}

} // namespace stratus

namespace stratus {

ForecastFileDialog *ModelsScreen::forecastFile(const QString &path)
{
    auto *dialog = new ForecastFileDialog(m_ws, selectedReference(), path, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

} // namespace stratus
