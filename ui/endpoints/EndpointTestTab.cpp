#include "endpoints/EndpointTestTab.h"

#include <QComboBox>
#include <QDoubleValidator>
#include <QElapsedTimer>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

namespace stratus {

EndpointTestTab::EndpointTestTab(QWidget *parent) : QWidget(parent), m_net(new QNetworkAccessManager(this))
{
    m_formPage = new QWidget;
    m_form = new QFormLayout(m_formPage);
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_formPage);
    scroll->setWidgetResizable(true);
    m_json = new QPlainTextEdit;
    m_json->setObjectName(QStringLiteral("testJson"));
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_mode = new QTabWidget(this);
    m_mode->addTab(scroll, tr("Form"));
    m_mode->addTab(m_json, tr("JSON"));
    m_method = new QComboBox(this);
    m_method->addItem(tr("predict"), QStringLiteral("predict"));
    m_method->addItem(tr("predict_proba"), QStringLiteral("predict_proba"));
    m_send = new QPushButton(tr("Send"), this);
    m_send->setObjectName(QStringLiteral("testSend"));
    m_status = new QLabel(this);
    m_response = new QPlainTextEdit(this);
    m_response->setObjectName(QStringLiteral("testResponse"));
    m_response->setReadOnly(true);
    m_response->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Method"), this));
    bar->addWidget(m_method);
    bar->addWidget(m_send);
    bar->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_mode, 3);
    layout->addLayout(bar);
    layout->addWidget(new QLabel(tr("Response"), this));
    layout->addWidget(m_response, 2);
    connect(m_mode, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 1)
            fillJsonFromForm();
    });
    connect(m_method, &QComboBox::currentIndexChanged, this, [this] {
        if (m_mode->currentIndex() == 1)
            fillJsonFromForm();
    });
    connect(m_send, &QPushButton::clicked, this, &EndpointTestTab::send);
}

void EndpointTestTab::setEndpoint(const Endpoint &endpoint, const QList<ColumnSpec> &columns, const QJsonObject &sample)
{
    const auto sameColumns = [&] {
        if (columns.size() != m_columns.size())
            return false;
        for (int i = 0; i < columns.size(); ++i)
            if (columns[i].name != m_columns[i].name || columns[i].type != m_columns[i].type || !(columns[i].spelling == m_columns[i].spelling))
                return false;
        return true;
    };
    const bool same = endpoint.name == m_endpoint.name && sameColumns();
    m_endpoint = endpoint;
    const bool healthy = endpoint.state == EndpointState::Healthy;
    m_send->setEnabled(healthy);
    m_send->setToolTip(healthy ? QString() : tr("Start the endpoint to test it."));
    if (same)
        return;
    m_columns = columns;
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_fields.clear();
    for (const ColumnSpec &column : columns) {
        const QString &name = column.name;
        const QJsonValue value = sample.value(name);
        QWidget *field;
        if (column.type == ColumnType::Boolean) {
            // The column's own two spellings, and a missing value.
            auto *combo = new QComboBox;
            combo->addItem(column.spelling.falseText, column.spelling.falseText);
            combo->addItem(column.spelling.trueText, column.spelling.trueText);
            combo->addItem(tr("(missing)"), QVariant());
            const bool yes = value.isBool() ? value.toBool() : value.toString() == column.spelling.trueText;
            combo->setCurrentIndex(value.isNull() ? 2 : yes ? 1 : 0);
            field = combo;
        } else {
            QString text = value.toString();
            if (value.isDouble()) {
                const qint64 whole = value.toInteger(std::numeric_limits<qint64>::min());
                text = whole != std::numeric_limits<qint64>::min() ? QString::number(whole) : formatDecimal(value.toDouble());
            }
            auto *edit = new QLineEdit(text);
            edit->setPlaceholderText(columnTypeLabel(column.type));
            field = edit;
        }
        field->setObjectName(QStringLiteral("field_") + name);
        m_fields << field;
        m_form->addRow(name, field);
    }
    m_response->clear();
    m_status->clear();
    fillJsonFromForm();
}

QByteArray EndpointTestTab::request() const
{
    if (m_mode->currentIndex() == 1)
        return m_json->toPlainText().toUtf8();
    QJsonObject row;
    for (int i = 0; i < m_columns.size(); ++i) {
        const QString &name = m_columns.at(i).name;
        // Every value as typed (the lesson's form): the endpoint reads it by the rules every path shares, and names a bad one.
        const auto *combo = qobject_cast<QComboBox *>(m_fields.at(i));
        const QString text = combo ? combo->currentData().toString() : qobject_cast<QLineEdit *>(m_fields.at(i))->text().trimmed();
        row.insert(name, text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text));
    }
    QJsonObject body{{QStringLiteral("data"), QJsonArray{row}}};
    if (m_method->currentData().toString() != QLatin1String("predict"))
        body.insert(QStringLiteral("method"), m_method->currentData().toString());
    return QJsonDocument(body).toJson(QJsonDocument::Indented);
}

void EndpointTestTab::fillJsonFromForm()
{
    const int mode = m_mode->currentIndex();
    m_mode->blockSignals(true);
    m_mode->setCurrentIndex(0);
    m_json->setPlainText(QString::fromUtf8(request()));
    m_mode->setCurrentIndex(mode);
    m_mode->blockSignals(false);
}

void EndpointTestTab::send()
{
    QNetworkRequest post{QUrl(m_endpoint.scoringUri())};
    post.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    if (m_endpoint.keyAuth)
        post.setRawHeader("Authorization", "Bearer " + m_endpoint.primaryKey.toLatin1());
    post.setTransferTimeout(30000);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    m_send->setEnabled(false);
    m_status->setText(tr("Sending..."));
    QNetworkReply *reply = m_net->post(post, request());
    connect(reply, &QNetworkReply::finished, this, [this, reply, timer] {
        reply->deleteLater();
        m_send->setEnabled(m_endpoint.state == EndpointState::Healthy);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        const QJsonDocument json = QJsonDocument::fromJson(body);
        m_response->setPlainText(json.isNull() ? QString::fromUtf8(body) : QString::fromUtf8(json.toJson(QJsonDocument::Indented)));
        m_status->setText(status == 0 ? reply->errorString()
                                      : tr("HTTP %1 in %2 ms").arg(status).arg(double(timer->nsecsElapsed()) / 1e6, 0, 'f', 1));
        m_status->setStyleSheet(status == 200 ? QStringLiteral("color: #107c10;") : QStringLiteral("color: #c42b1c;"));
        emit answered(status);
    });
}

} // namespace stratus
