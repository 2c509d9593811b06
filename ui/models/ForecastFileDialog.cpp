#include "models/ForecastFileDialog.h"

#include "data/import/DatasetImport.h"
#include "export/BatchScoring.h"
#include "ml/forecasting/ForecastingData.h"
#include "ml/forecasting/ForecastingModel.h"
#include "shared/ChartView.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <map>

namespace stratus {

namespace {

using namespace ml::forecasting;

struct Outcome {
    QString error;
    QJsonArray series;
    QByteArray csv;
};

Outcome forecastFile(Workspace &ws, const QString &reference, const QString &path)
{
    Outcome out;
    auto model = ForecastingModel::fromModel(ws, reference);
    if (!model) {
        out.error = model.message();
        return out;
    }
    auto read = readForImport(path, CsvReadOptions());
    if (!read) {
        out.error = read.message();
        return out;
    }
    const std::vector<double> levels = {0.1, 0.5, 0.9};
    auto f = model->forecastTable(read->table, levels);
    if (!f) {
        out.error = QStringLiteral("%1: %2").arg(read->sourceName, f.message());
        return out;
    }
    const DataTable &t = read->table;
    std::vector<int> ids;
    for (const QString &c : model->idColumns)
        ids.push_back(t.indexOf(c));
    const auto times = timeValues(t, t.indexOf(model->timeColumn));
    // The CSV, as the CLI writes it.
    QStringList header{batch::csvField(model->timeColumn)};
    for (const QString &c : model->idColumns)
        header << batch::csvField(c);
    header << QStringLiteral("forecast");
    for (double q : levels)
        header << quantileColumn(q);
    out.csv = header.join(QLatin1Char(',')).toUtf8() + '\n';
    std::map<QStringList, QJsonArray> forecasts;
    for (size_t r = 0; r < t.rowCount; ++r) {
        if (!f->forecast[r])
            continue;
        QStringList fields{batch::csvField(t.columns[size_t(t.indexOf(model->timeColumn))].display(r))};
        for (int c : ids)
            fields << batch::csvField(t.columns[size_t(c)].display(r));
        fields << formatDecimal(f->mean[r]);
        for (size_t q = 0; q < levels.size(); ++q)
            fields << formatDecimal(f->quantiles[q][r]);
        out.csv += fields.join(QLatin1Char(',')).toUtf8() + '\n';
        forecasts[seriesKey(t, ids, r)].append(
            QJsonArray{double((*times)[r].seconds), f->mean[r], f->quantiles[0][r], f->quantiles[2][r]});
    }
    for (const auto &[key, points] : forecasts) {
        QJsonArray history;
        for (const auto &h : model->series)
            if (h.id == key) {
                const size_t from = h.values.size() > size_t(3 * model->horizon) ? h.values.size() - size_t(3 * model->horizon) : 0;
                for (size_t i = from; i < h.values.size(); ++i)
                    history.append(QJsonArray{double(model->frequency.advance(h.start, qint64(i)).seconds), h.values[i]});
            }
        QStringList named;
        for (int i = 0; i < key.size(); ++i)
            named << QStringLiteral("%1=%2").arg(model->idColumns.value(i), key[i]);
        out.series.append(QJsonObject{{QStringLiteral("series"), named.isEmpty() ? QStringLiteral("(all rows)") : named.join(QStringLiteral(", "))},
                                      {QStringLiteral("history"), history},
                                      {QStringLiteral("forecast"), points}});
    }
    return out;
}

} // namespace

ForecastFileDialog::ForecastFileDialog(Workspace &workspace, const QString &model, const QString &csvPath, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Forecast %1 with %2").arg(QFileInfo(csvPath).fileName(), model));
    m_series = new QComboBox(this);
    m_series->setObjectName(QStringLiteral("forecastSeries"));
    m_chart = new ChartView(this);
    m_chart->setMinimumSize(640, 360);
    m_status = new QLabel(tr("Forecasting..."), this);
    m_status->setWordWrap(true);
    m_save = new QPushButton(tr("Save as CSV..."), this);
    m_save->setEnabled(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_save, QDialogButtonBox::ActionRole);
    auto *picker = new QHBoxLayout;
    picker->addWidget(new QLabel(tr("Series:"), this));
    picker->addWidget(m_series, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addLayout(picker);
    layout->addWidget(m_chart, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &ForecastFileDialog::save);
    connect(m_series, &QComboBox::currentIndexChanged, this, &ForecastFileDialog::showSeries);

    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Outcome o = watcher->result();
        if (!o.error.isEmpty()) {
            m_status->setText(o.error);
            m_status->setStyleSheet(QStringLiteral("color: #c42b1c;"));
            emit forecastReady();
            return;
        }
        m_data = o.series;
        m_csv = o.csv;
        m_status->setText(tr("%n row(s) forecast, with the 80% band (0.1 and 0.9 quantiles).", nullptr, int(o.csv.count('\n') - 1)));
        const QSignalBlocker block(m_series);
        for (const QJsonValue &s : m_data)
            m_series->addItem(s[QStringLiteral("series")].toString());
        m_save->setEnabled(true);
        showSeries(0);
        emit forecastReady();
    });
    Workspace *ws = &workspace;
    watcher->setFuture(QtConcurrent::run([ws, model, csvPath] { return forecastFile(*ws, model, csvPath); }));
}

void ForecastFileDialog::showSeries(int index)
{
    m_chart->clearSeries();
    if (index < 0 || index >= m_data.size()) {
        m_chart->replot();
        return;
    }
    const QJsonObject s = m_data[index].toObject();
    std::vector<double> hx, hy;
    for (const QJsonValue &p : s[QStringLiteral("history")].toArray()) {
        hx.push_back(p[0].toDouble());
        hy.push_back(p[1].toDouble());
    }
    QVector<double> x, mean, low, high;
    for (const QJsonValue &p : s[QStringLiteral("forecast")].toArray()) {
        x << p[0].toDouble();
        mean << p[1].toDouble();
        low << p[2].toDouble();
        high << p[3].toDouble();
    }
    QCPGraph *lower = m_chart->addGraph();
    lower->setData(x, low);
    lower->setPen(Qt::NoPen);
    lower->removeFromLegend();
    QCPGraph *upper = m_chart->addGraph();
    upper->setData(x, high);
    upper->setPen(Qt::NoPen);
    upper->setBrush(QColor(0, 120, 212, 50));
    upper->setChannelFillGraph(lower);
    upper->setName(tr("80% band"));
    QCPGraph *line = m_chart->addGraph();
    line->setData(x, mean);
    line->setPen(QPen(QColor(0, 120, 212), 2));
    line->setName(tr("Forecast"));
    m_chart->addSeries(tr("History"), hx, hy, Qt::black);
    QSharedPointer<QCPAxisTickerDateTime> ticker(new QCPAxisTickerDateTime);
    ticker->setDateTimeSpec(Qt::UTC);
    ticker->setDateTimeFormat(QStringLiteral("yyyy-MM-dd"));
    m_chart->xAxis->setTicker(ticker);
    m_chart->setAxisLabels(tr("Time"), tr("Target"));
    m_chart->fitAxes();
    m_chart->replot();
}

void ForecastFileDialog::save()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the forecast"), QStringLiteral("forecast.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_csv) != m_csv.size() || !file.commit())
        QMessageBox::warning(this, tr("Save the forecast"), tr("%1: %2").arg(path, file.errorString()));
}

} // namespace stratus
