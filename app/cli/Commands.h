#pragma once
// The command groups of stratus-cli. Each gets the parsed arguments (after
// the group and command words) and an open workspace, and returns an exit code.

#include "CliArgs.h"

#include <QMap>
#include <QString>

namespace stratus {
class Workspace;
}

namespace stratus::cli {

enum ExitCode { Ok = 0, Failed = 1, Usage = 2 };

int datasetCommand(Workspace &ws, const QString &command, const CliArgs &args);
int computeCommand(Workspace &ws, const QString &command, const CliArgs &args);
// `worker trial DIR` and `worker score DIR`: what a Slurm job runs on its node (no workspace).
int workerCommand(const CliArgs &args);
int experimentCommand(Workspace &ws, const QString &command, const CliArgs &args);
int automlCommand(Workspace &ws, const CliArgs &args);
int forecastingAutomlCommand(Workspace &ws, const CliArgs &args); // automl --task forecasting
int forecastCommand(Workspace *ws, const CliArgs &args); // ws may be null with --package
int predictCommand(Workspace &ws, const CliArgs &args);
int runsCommand(Workspace &ws, const QString &command, const CliArgs &args);
int modelCommand(Workspace &ws, const QString &command, const CliArgs &args);
int serveCommand(Workspace *ws, const CliArgs &args); // ws may be null with --package
int predictPackageCommand(const CliArgs &args);
int scoreCommand(Workspace &ws, const CliArgs &args);
int endpointCommand(Workspace &ws, const QString &command, const CliArgs &args);
int demoCommand(Workspace &ws, const CliArgs &args);
int pipelineCommand(Workspace &ws, const QString &command, const CliArgs &args);
// --param NAME=VALUE, as often as given; sets *error for a value without '='.
QMap<QString, QString> pipelineParameters(const CliArgs &args, QString *error);
int pipelineTriggerCommand(Workspace &ws, const QString &command, const CliArgs &args); // schedule, publish, triggers, unschedule, scheduler

// Prints "stratus-cli: message" to stderr and returns code.
int fail(const QString &message, int code = Failed);
// Checks that only `allowed` options (besides the global ones) were given.
bool onlyOptions(const CliArgs &args, const QStringList &allowed);

} // namespace stratus::cli
