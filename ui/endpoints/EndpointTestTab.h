#pragma once
// EndpointTestTab: tries an endpoint as Azure's Test tab does. A form built
// from the model's input schema (one field per column, prefilled with a
// sample row; a boolean offers the column's own two spellings and
// "(missing)"; every value is sent as typed, for the endpoint to read by the
// same rules as every path) or the raw JSON request; predict or predict_proba; Send posts it with the primary key
// and shows the status, the time taken and the answer.

#include "data/InputSchema.h"
#include "registry/Endpoint.h"

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QNetworkAccessManager;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace stratus {

class EndpointTestTab : public QWidget {
    Q_OBJECT
public:
    explicit EndpointTestTab(QWidget *parent = nullptr);

    // The model's input columns and a sample row.
    void setEndpoint(const Endpoint &endpoint, const QList<ColumnSpec> &columns, const QJsonObject &sample);
    // The request the form or the JSON editor holds now.
    QByteArray request() const;
    QPushButton *sendButton() const { return m_send; }
    QPlainTextEdit *response() const { return m_response; }

signals:
    void answered(int status);

private:
    void fillJsonFromForm();
    void send();

    Endpoint m_endpoint;
    QList<ColumnSpec> m_columns;
    QList<QWidget *> m_fields;
    QWidget *m_formPage;
    QFormLayout *m_form;
    QTabWidget *m_mode;
    QPlainTextEdit *m_json, *m_response;
    QComboBox *m_method;
    QPushButton *m_send;
    QLabel *m_status;
    QNetworkAccessManager *m_net;
};

} // namespace stratus
