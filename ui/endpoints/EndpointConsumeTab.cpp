#include "endpoints/EndpointConsumeTab.h"

#include "registry/EndpointStore.h"
#include "serve/EndpointSupervisor.h"
#include "serve/Snippets.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

namespace stratus {

namespace {

QWidget *withButtons(QWidget *field, const QList<QPushButton *> &buttons)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field, 1);
    for (QPushButton *b : buttons)
        layout->addWidget(b);
    return row;
}

QPushButton *copyButton(QLineEdit *field)
{
    auto *b = new QPushButton(QObject::tr("Copy"));
    QObject::connect(b, &QPushButton::clicked, field, [field] { QApplication::clipboard()->setText(field->text()); });
    return b;
}

} // namespace

EndpointConsumeTab::EndpointConsumeTab(Workspace &workspace, serve::EndpointSupervisor &supervisor, QWidget *parent)
    : QWidget(parent), m_ws(workspace), m_supervisor(supervisor)
{
    auto readOnly = [this](const QString &name) {
        auto *e = new QLineEdit(this);
        e->setReadOnly(true);
        e->setObjectName(name);
        return e;
    };
    m_uri = readOnly(QStringLiteral("consumeUri"));
    m_swagger = readOnly(QStringLiteral("consumeSwagger"));
    m_primary = readOnly(QStringLiteral("primaryKey"));
    m_secondary = readOnly(QStringLiteral("secondaryKey"));
    for (QLineEdit *key : {m_primary, m_secondary})
        key->setEchoMode(QLineEdit::Password);
    auto *show = new QPushButton(tr("Show keys"), this);
    show->setCheckable(true);
    show->setObjectName(QStringLiteral("showKeys"));
    connect(show, &QPushButton::toggled, this, [this](bool on) {
        for (QLineEdit *key : {m_primary, m_secondary})
            key->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        m_keysShown = on;
        showCode();
    });
    m_regeneratePrimary = new QPushButton(tr("Regenerate..."), this);
    m_regenerateSecondary = new QPushButton(tr("Regenerate..."), this);
    m_regeneratePrimary->setObjectName(QStringLiteral("regeneratePrimary"));
    connect(m_regeneratePrimary, &QPushButton::clicked, this, [this] { regenerate(true); });
    connect(m_regenerateSecondary, &QPushButton::clicked, this, [this] { regenerate(false); });
    auto *form = new QFormLayout;
    form->addRow(tr("Scoring URI"), withButtons(m_uri, {copyButton(m_uri)}));
    form->addRow(tr("Swagger URI"), withButtons(m_swagger, {copyButton(m_swagger)}));
    form->addRow(tr("Primary key"), withButtons(m_primary, {copyButton(m_primary), m_regeneratePrimary}));
    form->addRow(tr("Secondary key"), withButtons(m_secondary, {copyButton(m_secondary), m_regenerateSecondary}));
    form->addRow(QString(), show);
    m_snippets = new QTabWidget(this);
    for (const QString &language : {tr("curl"), tr("Python"), tr("C++ (Qt)")}) {
        auto *code = new QPlainTextEdit(this);
        code->setReadOnly(true);
        code->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        code->setLineWrapMode(QPlainTextEdit::NoWrap);
        m_code << code;
        m_snippets->addTab(code, language);
    }
    auto *copyCode = new QPushButton(tr("Copy code"), this);
    copyCode->setObjectName(QStringLiteral("copyCode"));
    copyCode->setToolTip(tr("Copies the code with the real key in it."));
    connect(copyCode, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(snippet(m_snippets->currentIndex())); });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_snippets, 1);
    layout->addWidget(copyCode, 0, Qt::AlignRight);
}

QString EndpointConsumeTab::snippet(int language) const
{
    return m_realCode.value(language);
}

QString EndpointConsumeTab::shownSnippet(int language) const
{
    return m_code.value(language) ? m_code.value(language)->toPlainText() : QString();
}

void EndpointConsumeTab::showCode()
{
    // The key masked with the character the key fields use.
    const QChar dot(style()->styleHint(QStyle::SH_LineEdit_PasswordCharacter, nullptr, m_primary));
    const QString masked(m_key.size(), dot);
    for (int i = 0; i < m_code.size() && i < m_realCode.size(); ++i) {
        QString code = m_realCode.at(i);
        if (!m_keysShown && !m_key.isEmpty())
            code.replace(m_key, masked);
        m_code.at(i)->setPlainText(code);
    }
}

void EndpointConsumeTab::setEndpoint(const Endpoint &endpoint, const QByteArray &sampleRequest)
{
    m_endpoint = endpoint;
    m_sample = sampleRequest;
    m_uri->setText(endpoint.scoringUri());
    m_swagger->setText(endpoint.swaggerUri());
    m_primary->setText(endpoint.keyAuth ? endpoint.primaryKey : tr("(no authentication)"));
    m_secondary->setText(endpoint.keyAuth ? endpoint.secondaryKey : tr("(no authentication)"));
    m_regeneratePrimary->setEnabled(endpoint.keyAuth);
    m_regenerateSecondary->setEnabled(endpoint.keyAuth);
    const QString key = endpoint.keyAuth ? endpoint.primaryKey : QString();
    const QByteArray body = sampleRequest.isEmpty() ? QByteArray("{\"data\": []}") : sampleRequest;
    m_key = key;
    m_realCode = {serve::snippets::curl(endpoint.scoringUri(), key, body), serve::snippets::python(endpoint.scoringUri(), key, body),
                  serve::snippets::cppQt(endpoint.scoringUri(), key, body)};
    showCode();
}

void EndpointConsumeTab::regenerate(bool primary)
{
    if (QMessageBox::question(this, tr("Regenerate key"),
                              tr("Regenerate the %1 key of %2? Clients using the old key get 401 from now on.")
                                  .arg(primary ? tr("primary") : tr("secondary"), m_endpoint.name))
        != QMessageBox::Yes)
        return;
    auto key = EndpointStore(m_ws).regenerateKey(m_endpoint.name, primary ? EndpointStore::Key::Primary : EndpointStore::Key::Secondary);
    if (!key) {
        QMessageBox::warning(this, tr("Regenerate key"), key.message());
        return;
    }
    if (Status s = m_supervisor.refreshKeys(m_endpoint.name); !s)
        QMessageBox::warning(this, tr("Regenerate key"), s.message());
}

} // namespace stratus
