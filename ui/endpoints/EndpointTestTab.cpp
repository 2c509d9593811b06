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
#include <QLocale>
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
    m_status->setObjectName(QStringLiteral("testStatus"));
    m_status->setWordWrap(true);
    m_reading = new QLabel(this);
    m_reading->setObjectName(QStringLiteral("testReading"));
    m_reading->setWordWrap(true);
    m_reading->setTextInteractionFlags(Qt::TextSelectableByMouse);
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
    layout->addWidget(m_reading);
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

void EndpointTestTab::setEndpoint(const Endpoint &endpoint, const QList<ColumnSpec> &columns, const QJsonObject &sample,
                                  const QStringList &classes)
{
    m_classes = classes;
    const auto sameColumns = [&] {
        if (columns.size() != m_columns.size())
            return false;
        for (int i = 0; i < columns.size(); ++i)
            if (columns[i].name != m_columns[i].name || columns[i].type != m_columns[i].type || !(columns[i].spelling == m_columns[i].spelling))
                return false;
        return true;
    };
    const bool same = endpoint.name == m_endpoint.name && sameColumns();
    const bool stateChanged = endpoint.name != m_endpoint.name || endpoint.state != m_endpoint.state;
    m_endpoint = endpoint;
    const bool healthy = endpoint.state == EndpointState::Healthy;
    m_send->setEnabled(healthy);
    m_send->setToolTip(healthy ? QString() : tr("Start the endpoint to test it."));
    if (stateChanged) {
        showState();
        if (!healthy) { // an answer from before the stop would read as the endpoint's
            m_response->clear();
            m_reading->clear();
        }
    }
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
    m_reading->clear();
    showState();
    fillJsonFromForm();
}

void EndpointTestTab::showState()
{
    m_status->setStyleSheet(QString());
    switch (m_endpoint.state) {
    case EndpointState::Healthy: m_status->clear(); break;
    case EndpointState::Stopped: m_status->setText(tr("The endpoint is stopped: start it to test it.")); break;
    case EndpointState::Transitioning: m_status->setText(tr("The endpoint is starting.")); break;
    case EndpointState::Unhealthy:
    case EndpointState::Failed:
        m_status->setText(tr("The endpoint is %1: its Logs tab says why.").arg(endpointStateLabel(m_endpoint.state)));
        break;
    }
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
        readOut(status == 200 ? json : QJsonDocument());
        const QNetworkReply::NetworkError error = reply->error();
        const bool nobody = error == QNetworkReply::ConnectionRefusedError || error == QNetworkReply::RemoteHostClosedError;
        m_status->setText(status != 0 ? tr("HTTP %1 in %2 ms").arg(status).arg(double(timer->nsecsElapsed()) / 1e6, 0, 'f', 1)
                          : nobody    ? tr("Nothing answers at %1: the endpoint is stopped. Start it to test it.").arg(m_endpoint.baseUri())
                                      : tr("No answer from %1: %2").arg(m_endpoint.baseUri(), reply->errorString()));
        m_status->setStyleSheet(status == 200 ? QStringLiteral("color: #107c10;") : QStringLiteral("color: #c42b1c;"));
        emit answered(status);
    });
}

void EndpointTestTab::readOut(const QJsonDocument &answer)
{
    // {"result": [...]} (or "Results" / "predictions"; a forecasting endpoint's "forecast"): each
    // row's class, its probabilities named by class, or its value.
    const QJsonObject o = answer.object();
    QJsonArray rows;
    for (const char *key : {"result", "Results", "predictions", "forecast"})
        if (o.value(QLatin1String(key)).isArray())
            rows = o.value(QLatin1String(key)).toArray();
    QStringList lines;
    const auto number = [](double v) { return QLocale().toString(v, 'g', 4); };
    for (qsizetype r = 0; r < rows.size() && r < 20; ++r) {
        const QJsonValue v = rows.at(r);
        QString text;
        if (v.isArray()) {
            const QJsonArray p = v.toArray();
            QStringList parts;
            for (qsizetype c = 0; c < p.size(); ++c)
                parts << QStringLiteral("<b>%1</b> %2").arg(m_classes.value(c, QString::number(c)).toHtmlEscaped(), number(p.at(c).toDouble()));
            text = parts.join(QStringLiteral(" · "));
        } else if (v.isBool()) {
            text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        } else if (v.isDouble()) {
            text = number(v.toDouble());
        } else {
            text = v.toString().toHtmlEscaped();
        }
        lines << tr("Row %1: %2").arg(r + 1).arg(text);
    }
    if (rows.size() > 20)
        lines << tr("... and %1 more rows").arg(rows.size() - 20);
    m_reading->setText(lines.join(QStringLiteral("<br>")));
}

} // namespace stratus
