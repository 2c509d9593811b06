#include "models/RegisterModelDialog.h"

#include "data/store/DatasetStore.h"
#include "ml/automl/ModelRegistration.h"
#include "shared/Style.h"
#include "workspace/Names.h"
#include "workspace/Workspace.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>

namespace stratus {

RegisterModelDialog::RegisterModelDialog(Workspace &workspace, const QString &runId, const QString &suggestedName, QWidget *parent)
    : QDialog(parent), m_ws(workspace), m_runId(runId)
{
    setWindowTitle(tr("Register model"));
    m_name = new QLineEdit(suggestedName, this);
    m_name->setObjectName(QStringLiteral("modelName"));
    m_description = new QPlainTextEdit(this);
    m_description->setMaximumHeight(90);
    m_tags = new QLineEdit(this);
    m_tags->setPlaceholderText(tr("key=value, key2=value2"));
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Register"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("Run"), new QLabel(runId, this));
    form->addRow(tr("Model name"), m_name);
    form->addRow(tr("Description"), m_description);
    form->addRow(tr("Tags"), m_tags);
    form->addRow(m_message);
    form->addRow(m_buttons);
    connect(m_name, &QLineEdit::textChanged, this, &RegisterModelDialog::check);
    connect(m_tags, &QLineEdit::textChanged, this, &RegisterModelDialog::check);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RegisterModelDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    check();
}

QString RegisterModelDialog::problem() const
{
    if (Status s = names::checkModelName(m_name->text().trimmed()); !s)
        return s.message();
    if (auto tags = parseTags(m_tags->text()); !tags)
        return tr("Tags: %1").arg(tags.message());
    return {};
}

void RegisterModelDialog::check()
{
    const QString p = problem();
    style::markField(m_name, p.startsWith(tr("Tags")) ? QString() : p);
    style::markField(m_tags, p.startsWith(tr("Tags")) ? p : QString());
    m_message->setStyleSheet(QStringLiteral("color: #c42b1c;"));
    m_message->setText(p);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(p.isEmpty());
}

void RegisterModelDialog::submit()
{
    if (!problem().isEmpty())
        return;
    m_buttons->setEnabled(false);
    m_message->setStyleSheet(QString());
    m_message->setText(tr("Training the model on every row and registering it..."));
    Workspace *ws = &m_ws;
    const QString run = m_runId, name = m_name->text().trimmed(), description = m_description->toPlainText();
    const QVariantMap tags = parseTags(m_tags->text()).value_or(QVariantMap());
    auto *watcher = new QFutureWatcher<Result<ModelVersion>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_buttons->setEnabled(true);
        const auto result = watcher->result();
        if (!result) {
            m_message->setStyleSheet(QStringLiteral("color: #c42b1c;"));
            m_message->setText(result.message());
            return;
        }
        m_registered = result->reference();
        emit registeredModel(m_registered);
        accept();
    });
    watcher->setFuture(QtConcurrent::run([ws, run, name, description, tags] {
        return ml::registerRunModel(*ws, run, name, description, tags);
    }));
}

} // namespace stratus
