#include "endpoints/DeployDialog.h"

#include "data/store/DatasetStore.h"
#include "registry/EndpointStore.h"
#include "registry/ModelStore.h"
#include "serve/EndpointSupervisor.h"
#include "shared/Style.h"
#include "workspace/Names.h"
#include "workspace/Workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>

namespace stratus {


DeployDialog::DeployDialog(Workspace &workspace, serve::EndpointSupervisor &supervisor, const QString &model, QWidget *parent)
    : QDialog(parent), m_ws(workspace), m_supervisor(supervisor)
{
    setWindowTitle(tr("Deploy model"));
    m_model = new QComboBox(this);
    m_model->setObjectName(QStringLiteral("deployModel"));
    for (const ModelVersion &v : ModelStore(m_ws).list().value_or(QList<ModelVersion>()))
        m_model->addItem(QStringLiteral("%1  (%2)").arg(v.reference(), v.properties.value(QStringLiteral("algorithm")).toString()),
                         v.reference());
    m_model->setCurrentIndex(qMax(0, m_model->findData(model)));
    QStringList taken;
    for (const Endpoint &e : EndpointStore(m_ws).list().value_or(QList<Endpoint>()))
        taken << e.name;
    m_name = new QLineEdit(names::endpointNameForModel(m_model->currentData().toString(), taken), this);
    // Another model, another suggestion, unless the user wrote a name of their own.
    connect(m_model, &QComboBox::currentIndexChanged, this, [this, taken, suggested = m_name->text()]() mutable {
        if (m_name->text() != suggested)
            return;
        suggested = names::endpointNameForModel(m_model->currentData().toString(), taken);
        m_name->setText(suggested);
    });
    m_name->setObjectName(QStringLiteral("endpointName"));
    m_description = new QPlainTextEdit(this);
    m_description->setMaximumHeight(70);
    m_tags = new QLineEdit(this);
    m_tags->setPlaceholderText(tr("key=value, key2=value2"));
    m_host = new QComboBox(this);
    m_host->setEditable(true);
    m_host->addItems({QStringLiteral("127.0.0.1"), QStringLiteral("::1"), QStringLiteral("0.0.0.0")});
    m_host->setToolTip(tr("127.0.0.1 serves this machine only; 0.0.0.0 every network this machine is on."));
    m_port = new QSpinBox(this);
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("a free port"));
    m_threads = new QSpinBox(this);
    m_threads->setRange(1, 256);
    m_threads->setValue(qMax(1, QThread::idealThreadCount()));
    m_threads->setToolTip(tr("Requests scored at once (Azure's cpu_cores)."));
    m_memory = new QSpinBox(this);
    m_memory->setRange(0, 1024 * 1024);
    m_memory->setSingleStep(256);
    m_memory->setSuffix(tr(" MB"));
    m_memory->setSpecialValueText(tr("no limit"));
    m_memory->setToolTip(tr("Over this resident memory the endpoint is restarted (Azure's memory_gb)."));
    m_keys = new QCheckBox(tr("Key-based authentication (a primary and a secondary key)"), this);
    m_keys->setChecked(true);
    m_warning = new QLabel(this);
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("color: #9d5d00;"));
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #c42b1c;"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Deploy"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("Model"), m_model);
    form->addRow(tr("Endpoint name"), m_name);
    form->addRow(tr("Description"), m_description);
    form->addRow(tr("Tags"), m_tags);
    form->addRow(tr("Address"), m_host);
    form->addRow(tr("Port"), m_port);
    form->addRow(tr("Worker threads"), m_threads);
    form->addRow(tr("Memory limit"), m_memory);
    form->addRow(m_keys);
    form->addRow(m_warning);
    form->addRow(m_message);
    form->addRow(m_buttons);
    connect(m_name, &QLineEdit::textChanged, this, &DeployDialog::check);
    connect(m_tags, &QLineEdit::textChanged, this, &DeployDialog::check);
    connect(m_host, &QComboBox::currentTextChanged, this, &DeployDialog::check);
    connect(m_keys, &QCheckBox::toggled, this, &DeployDialog::check);
    connect(m_model, &QComboBox::currentIndexChanged, this, &DeployDialog::check);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &DeployDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    check();
}

QString DeployDialog::endpointName() const
{
    return m_name->text().trimmed();
}

DeployDialog::Problem DeployDialog::problem() const
{
    if (m_model->count() == 0)
        return {tr("No model is registered yet: register one from a run's page first."), m_model};
    if (Status s = names::checkEndpointName(endpointName()); !s)
        return {s.message(), m_name};
    if (EndpointStore(m_ws).get(endpointName()))
        return {tr("An endpoint named '%1' exists already.").arg(endpointName()), m_name};
    if (auto tags = parseTags(m_tags->text()); !tags)
        return {tr("Tags: %1").arg(tags.message()), m_tags};
    if (QHostAddress address; !address.setAddress(m_host->currentText().trimmed()))
        return {tr("Address: '%1' is not an IP address.").arg(m_host->currentText()), m_host};
    return {};
}

void DeployDialog::check()
{
    const Problem p = problem();
    for (QWidget *field : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_tags), static_cast<QWidget *>(m_host)})
        style::markField(field, field == p.field ? p.message : QString());
    m_message->setText(p.message);
    const QHostAddress address(m_host->currentText().trimmed());
    QStringList warnings;
    if (!address.isNull() && !address.isLoopback())
        warnings << tr("%1 can be reached from other machines.").arg(m_host->currentText().trimmed());
    if (!m_keys->isChecked())
        warnings << tr("Without keys, anyone who can reach the endpoint can use it.");
    m_warning->setText(warnings.join(QLatin1Char(' ')));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(p.message.isEmpty());
}

void DeployDialog::submit()
{
    if (!problem().message.isEmpty())
        return;
    EndpointRequest r;
    r.name = endpointName();
    r.model = m_model->currentData().toString();
    r.description = m_description->toPlainText();
    r.tags = parseTags(m_tags->text()).value_or(QVariantMap());
    r.host = QHostAddress(m_host->currentText().trimmed()).toString();
    r.port = m_port->value();
    r.threads = m_threads->value();
    r.memoryMb = m_memory->value();
    r.keyAuth = m_keys->isChecked();
    auto e = EndpointStore(m_ws).create(r);
    if (!e) {
        m_message->setText(e.message());
        return;
    }
    if (Status s = m_supervisor.start(e->name); !s) {
        m_message->setText(s.message());
        return;
    }
    emit deployed(e->name);
    accept();
}

} // namespace stratus
