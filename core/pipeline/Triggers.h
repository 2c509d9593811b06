#pragma once
// Triggers: making a pipeline's triggers (TriggerStore.h) from what a user
// gives — the CLI's `pipeline schedule` and `publish`, and the studio's
// Triggers tab. Whatever every firing would refuse is refused now: a
// parameter the pipeline lacks or of the wrong type, a parameter for the
// trigger to fill that is not a text parameter, a schedule that does not
// parse, a folder that is not one. Errors name the field as the CLI's option.

#include "common/Result.h"
#include "registry/TriggerStore.h"

#include <QMap>

namespace stratus::pipeline {

struct TriggerRequest {
    QString pipeline;                   // NAME (its latest version runs)
    QString kind;                       // schedule, dataset, folder
    QString every, at, missed;          // schedule: "1d", "02:00,14:30", run_once|skip
    QString dataset;                    // dataset
    QString folder, pattern = QStringLiteral("*.csv"); // folder
    QString parameterName;              // dataset, folder: the text parameter given the new version or file
    QMap<QString, QString> parameters;  // values for every run it starts
    QString experiment;
};

// `note` (may be null) gets a remark for the user (a dataset that does not exist yet).
Result<PipelineTrigger> createTrigger(Workspace &workspace, const TriggerRequest &request, QString *note = nullptr);

struct Publication {
    PipelineTrigger trigger;
    QString uri; // http://host:port (POST /run, GET /runs/ID)
    QString key; // empty: no authentication
};
// port 0: a free one, kept.
Result<Publication> publishPipeline(Workspace &workspace, const QString &pipeline, const QString &host = QStringLiteral("127.0.0.1"), int port = 0,
                                    bool keyAuth = true);

// One line a user reads: "every 1d at 02:00, next ...", "on a new version of X", "POST http://...".
QString describeTrigger(const PipelineTrigger &trigger);

} // namespace stratus::pipeline
