#include "endpoints/EndpointsScreen.h"

#include "endpoints/DeployDialog.h"
#include "endpoints/EndpointConsumeTab.h"
#include "endpoints/EndpointMonitorTab.h"
#include "endpoints/EndpointTestTab.h"
#include "ml/model/TrainedPipeline.h"
#include "registry/EndpointStore.h"
#include "registry/ModelStore.h"
#include "serve/EndpointSupervisor.h"
#include "serve/Scorer.h"
#include "shared/Reloader.h"
#include "shared/Style.h"
#include "workspace/Workspace.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace stratus {

namespace {

QColor stateColor(EndpointState s)
{
    switch (s) {
    case EndpointState::Healthy: return QColor(0x10, 0x7c, 0x10);
    case EndpointState::Transitioning: return QColor(0x00, 0x5a, 0x9e);
    case EndpointState::Unhealthy: return QColor(0x9d, 0x5d, 0x00);
    case EndpointState::Failed: return QColor(0xc4, 0x2b, 0x1c);
    case EndpointState::Stopped: break;
    }
    return QColor(0x60, 0x60, 0x60);
}

// "(VotingEnsemble, AUC_weighted 0.9051; run ..., experiment ..., trained on heart-failure:1)"
QString lineage(const QJsonObject &p)
{
    if (p.isEmpty())
        return {};
    const QString metric = p.value(QStringLiteral("primary_metric")).toString();
    const QJsonValue score = p.value(QStringLiteral("metrics")).toObject().value(metric);
    return EndpointsScreen::tr("<br>%1%2<br>run %3, experiment %4, trained on %5")
        .arg(p.value(QStringLiteral("algorithm")).toString(),
             score.isDouble() ? QStringLiteral(", %1 %2").arg(metric).arg(score.toDouble(), 0, 'f', 4) : QString(),
             p.value(QStringLiteral("run_id")).toString(), p.value(QStringLiteral("experiment")).toString().toHtmlEscaped(),
             p.value(QStringLiteral("dataset_version")).toString().toHtmlEscaped());
}

} // namespace

EndpointsScreen::EndpointsScreen(Workspace &workspace, serve::EndpointSupervisor &supervisor, QWidget *parent)
    : QWidget(parent), m_ws(workspace), m_supervisor(supervisor), m_reloader(new Reloader(this, 200)),
      m_schemaLoader(new Reloader(this, 0))
{
    m_table = style::table({tr("Endpoint"), tr("State"), tr("Model"), tr("Scoring URI")}, this);
    m_table->setObjectName(QStringLiteral("endpointTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    auto *deployButton = new QPushButton(tr("Deploy model..."), this);
    m_start = new QPushButton(tr("Start"), this);
    m_stop = new QPushButton(tr("Stop"), this);
    m_start->setObjectName(QStringLiteral("startEndpoint"));
    m_stop->setObjectName(QStringLiteral("stopEndpoint"));
    m_restart = new QPushButton(tr("Restart"), this);
    m_delete = new QPushButton(tr("Delete..."), this);
    auto *actions = new QHBoxLayout;
    for (QPushButton *b : {deployButton, m_start, m_stop, m_restart, m_delete})
        actions->addWidget(b);
    actions->addStretch();

    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("endpointDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_test = new EndpointTestTab(this);
    m_consume = new EndpointConsumeTab(m_ws, m_supervisor, this);
    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("endpointLog"));
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setMaximumBlockCount(5000);
    m_monitor = new EndpointMonitorTab(this);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_details, tr("Details"));
    m_tabs->addTab(m_test, tr("Test"));
    m_tabs->addTab(m_consume, tr("Consume"));
    m_tabs->addTab(m_log, tr("Logs"));
    m_tabs->addTab(m_monitor, tr("Monitoring"));

    auto *split = new QSplitter(this);
    split->addWidget(m_table);
    split->addWidget(m_tabs);
    split->setSizes({480, 620});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(style::title(tr("Endpoints"), this));
    auto *about = new QLabel(tr("A registered model served over HTTP by its own process on this machine. "
                                "Clients written for Azure ML (/score) or MLflow (/invocations) work unchanged."),
                             this);
    about->setWordWrap(true);
    layout->addWidget(about);
    layout->addLayout(actions);
    layout->addWidget(split, 1);

    connect(&m_ws, &Workspace::endpointsChanged, this, &EndpointsScreen::refresh);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const int row = m_table->currentRow();
        m_current = row >= 0 && row < m_endpoints.size() ? m_endpoints.at(row).name : QString();
        showCurrent();
    });
    connect(deployButton, &QPushButton::clicked, this, [this] { deploy(); });
    connect(m_start, &QPushButton::clicked, this, [this] { act(QStringLiteral("start")); });
    connect(m_stop, &QPushButton::clicked, this, [this] { act(QStringLiteral("stop")); });
    connect(m_restart, &QPushButton::clicked, this, [this] { act(QStringLiteral("restart")); });
    connect(m_delete, &QPushButton::clicked, this, [this] { act(QStringLiteral("delete")); });
    connect(m_details, &QLabel::linkActivated, this, &EndpointsScreen::openModel);
    connect(&m_supervisor, &serve::EndpointSupervisor::logAppended, this, [this](const QString &name, const QString &text) {
        if (name != m_current || m_logShown != name)
            return;
        const bool atEnd = m_log->verticalScrollBar()->value() == m_log->verticalScrollBar()->maximum();
        m_log->moveCursor(QTextCursor::End);
        m_log->insertPlainText(text);
        if (atEnd)
            m_log->verticalScrollBar()->setValue(m_log->verticalScrollBar()->maximum());
    });
    connect(&m_supervisor, &serve::EndpointSupervisor::sampled, this, [this](const QString &name) {
        if (name == m_current && m_tabs->currentWidget() == m_monitor)
            m_monitor->setHistory(m_supervisor.history(name));
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentWidget() == m_monitor)
            m_monitor->setHistory(m_supervisor.history(m_current));
    });
    refresh();
}

void EndpointsScreen::refresh()
{
    Workspace *ws = &m_ws;
    m_reloader->request([this, ws]() -> Reloader::Apply {
        auto list = EndpointStore(*ws).list();
        QHash<QString, QJsonObject> models;
        for (const Endpoint &e : list.value_or(QList<Endpoint>()))
            if (auto v = ModelStore(*ws).resolve(e.modelReference()))
                models.insert(e.modelReference(), v->properties);
        return [this, list, models] {
            m_endpoints = list.value_or(QList<Endpoint>());
            m_models = models;
            const QString keep = m_current;
            m_table->blockSignals(true);
            m_table->setRowCount(int(m_endpoints.size()));
            for (int r = 0; r < m_endpoints.size(); ++r) {
                const Endpoint &e = m_endpoints.at(r);
                const QStringList cells{e.name, endpointStateLabel(e.state), e.modelReference(), e.scoringUri()};
                for (int c = 0; c < cells.size(); ++c) {
                    auto *item = new QTableWidgetItem(cells.at(c));
                    if (c == 1) {
                        item->setForeground(stateColor(e.state));
                        item->setToolTip(e.stateReason);
                    }
                    m_table->setItem(r, c, item);
                }
            }
            m_table->resizeColumnsToContents();
            m_table->blockSignals(false);
            select(keep.isEmpty() && !m_endpoints.isEmpty() ? m_endpoints.first().name : keep);
            showCurrent();
        };
    });
}

void EndpointsScreen::select(const QString &name)
{
    m_current = name;
    for (int r = 0; r < m_endpoints.size(); ++r)
        if (m_endpoints.at(r).name == name) {
            m_table->blockSignals(true);
            m_table->selectRow(r);
            m_table->blockSignals(false);
        }
    showCurrent();
}

const Endpoint *EndpointsScreen::current() const
{
    for (const Endpoint &e : m_endpoints)
        if (e.name == m_current)
            return &e;
    return nullptr;
}

void EndpointsScreen::showCurrent()
{
    const Endpoint *e = current();
    const bool running = e && m_supervisor.isRunning(e->name);
    m_start->setEnabled(e && !running);
    m_stop->setEnabled(e && (running || e->shouldRun));
    m_restart->setEnabled(running);
    m_delete->setEnabled(e);
    if (!e) {
        m_details->setText(m_endpoints.isEmpty() ? tr("No endpoint yet: deploy a registered model (Deploy model..., or Deploy on the Models screen).")
                                                 : QString());
        return;
    }
    const QString reason = e->stateReason.isEmpty() ? QString() : QStringLiteral(" — %1").arg(e->stateReason.toHtmlEscaped());
    m_details->setText(
        tr("<h3>%1</h3><p>%2</p><table cellspacing=4>"
           "<tr><td><b>State</b></td><td><span style='color:%3'>%4</span>%5</td></tr>"
           "<tr><td><b>Scoring URI</b></td><td>%6</td></tr>"
           "<tr><td><b>Swagger URI</b></td><td>%7</td></tr>"
           "<tr><td><b>Model</b></td><td><a href='%8'>%8</a> %14</td></tr>"
           "<tr><td><b>Authentication</b></td><td>%9</td></tr>"
           "<tr><td><b>Worker threads</b></td><td>%10</td></tr>"
           "<tr><td><b>Memory limit</b></td><td>%11</td></tr>"
           "<tr><td><b>Created</b></td><td>%12</td></tr>"
           "<tr><td><b>Log file</b></td><td>%13</td></tr></table>")
            .arg(e->name.toHtmlEscaped(), e->description.toHtmlEscaped(), stateColor(e->state).name(), endpointStateLabel(e->state), reason,
                 e->scoringUri(), e->swaggerUri(), e->modelReference().toHtmlEscaped(),
                 e->keyAuth ? tr("key-based (primary and secondary)") : tr("none"))
            .arg(e->threads)
            .arg(e->memoryMb ? tr("%1 MB").arg(e->memoryMb) : tr("none"),
                 QLocale().toString(e->createdAt.toLocalTime(), QLocale::ShortFormat),
                 m_supervisor.logPath(e->name).toHtmlEscaped())
            .arg(lineage(m_models.value(e->modelReference())))
        + (e->tags.contains(QStringLiteral("pipeline_run"))
               ? tr("<p>Deployed by pipeline run %1, step %2.</p>")
                     .arg(e->tags.value(QStringLiteral("pipeline_run")).toString().toHtmlEscaped(),
                          e->tags.value(QStringLiteral("pipeline_step")).toString().toHtmlEscaped())
               : QString()));
    if (m_logShown != e->name) {
        m_logShown = e->name;
        m_log->setPlainText(m_supervisor.log(e->name));
        m_log->verticalScrollBar()->setValue(m_log->verticalScrollBar()->maximum());
        m_monitor->setHistory(m_supervisor.history(e->name));
    }
    const auto schema = m_schemas.constFind(e->modelReference());
    if (schema == m_schemas.constEnd()) {
        loadSchema(e->modelReference());
        m_consume->setEndpoint(*e, {});
        return;
    }
    m_test->setEndpoint(*e, schema->columns, schema->sample, schema->classes);
    m_consume->setEndpoint(*e, schema->request);
}

void EndpointsScreen::loadSchema(const QString &model)
{
    Workspace *ws = &m_ws;
    m_schemaLoader->request([this, ws, model]() -> Reloader::Apply {
        Schema schema;
        if (auto pipeline = ml::TrainedPipeline::fromModel(*ws, model)) {
            const serve::Scorer scorer(std::make_shared<const ml::TrainedPipeline>(std::move(*pipeline)));
            schema.columns = scorer.pipeline().inputSchema().columns;
            const QJsonObject request = scorer.sampleRequest();
            schema.sample = request.value(QStringLiteral("data")).toArray().at(0).toObject();
            schema.request = QJsonDocument(request).toJson(QJsonDocument::Compact);
            if (scorer.pipeline().task() != ml::Task::Regression)
                schema.classes = scorer.pipeline().classes();
        } else if (auto forecaster = ml::forecasting::ForecastingModel::fromModel(*ws, model)) {
            // A forecasting model's endpoint: the future row's time, series ids and known features.
            const serve::Scorer scorer(std::make_shared<const ml::forecasting::ForecastingModel>(std::move(*forecaster)));
            for (const auto &[name, type] : scorer.schema()) {
                ColumnSpec c;
                c.name = name;
                c.type = type == ColumnType::DateTime ? ColumnType::Text : type; // the period, as written: 2025-01-31
                schema.columns.append(c);
            }
            const QJsonObject request = scorer.sampleRequest();
            schema.sample = request.value(QStringLiteral("data")).toArray().at(0).toObject();
            schema.request = QJsonDocument(request).toJson(QJsonDocument::Compact);
        }
        return [this, model, schema] {
            m_schemas.insert(model, schema);
            showCurrent();
        };
    });
}

void EndpointsScreen::act(const QString &action)
{
    const Endpoint *e = current();
    if (!e)
        return;
    const QString name = e->name;
    Status s;
    if (action == QLatin1String("start"))
        s = m_supervisor.start(name);
    else if (action == QLatin1String("stop"))
        s = m_supervisor.stop(name);
    else if (action == QLatin1String("restart"))
        s = m_supervisor.restart(name);
    else if (QMessageBox::question(this, tr("Delete endpoint"),
                                   tr("Stop and delete endpoint %1? Its clients lose it; the model stays registered.").arg(name))
             == QMessageBox::Yes)
        s = m_supervisor.remove(name);
    if (!s)
        QMessageBox::warning(this, tr("Endpoint %1").arg(name), s.message());
    refresh();
}

void EndpointsScreen::deploy(const QString &model)
{
    auto *dialog = new DeployDialog(m_ws, m_supervisor, model, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DeployDialog::deployed, this, [this](const QString &name) {
        m_current = name;
        refresh();
    });
    dialog->open();
}

} // namespace stratus
