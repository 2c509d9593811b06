#pragma once
// EndpointTestTab: tries an endpoint as Azure's Test tab does. A form built
// from the model's input schema (one field per column, prefilled with a
// sample row; a boolean offers the column's own two spellings and
// "(missing)"; every value is sent as typed, for the endpoint to read by the
// same rules as every path) or the raw JSON request; predict or
// predict_proba; Send posts it with the primary key and shows the status, the
// time taken, the answer as sent and, read out, each row's class or its
// probabilities named by class. An endpoint that is not running says so.

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

    // The model's input columns, a sample row and, for a classifier, its
    // classes in predict_proba's order (TrainedPipeline::classes()).
    void setEndpoint(const Endpoint &endpoint, const QList<ColumnSpec> &columns, const QJsonObject &sample,
                     const QStringList &classes = {});
    // The request the form or the JSON editor holds now.
    QByteArray request() const;
    QPushButton *sendButton() const { return m_send; }
    QPlainTextEdit *response() const { return m_response; }
    // The answer read out: "Row 1: false 0.8123 · true 0.1877" per row.
    QLabel *reading() const { return m_reading; }
    QLabel *statusLabel() const { return m_status; }

signals:
    void answered(int status);

private:
    void fillJsonFromForm();
    void send();
    void readOut(const QJsonDocument &answer);
    void showState();

    Endpoint m_endpoint;
    QList<ColumnSpec> m_columns;
    QStringList m_classes;
    QList<QWidget *> m_fields;
    QWidget *m_formPage;
    QFormLayout *m_form;
    QTabWidget *m_mode;
    QPlainTextEdit *m_json, *m_response;
    QComboBox *m_method;
    QPushButton *m_send;
    QLabel *m_status, *m_reading;
    QNetworkAccessManager *m_net;
};

} // namespace stratus
