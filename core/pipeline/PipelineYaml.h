#pragma once
// PipelineYaml: a pipeline file (Pipeline.h's form, Azure ML's v2 pipeline
// job YAML) read and written with yaml-cpp. Reading keeps the steps in the
// file's order and each step's line; a YAML syntax error or a field of the
// wrong shape is an error naming the file, line and column. Writing gives a
// file that reads back to the same pipeline (readPipelineYaml(writePipelineYaml(p))
// has p's JSON form).
//
// Scalars: plain true/false, integers and decimals become booleans and
// numbers, null and ~ nothing; quoted scalars stay text.

#include "pipeline/Pipeline.h"

#include <QByteArray>

namespace stratus::pipeline {

Result<Pipeline> readPipelineYaml(const QByteArray &text, const QString &source);
Result<Pipeline> readPipelineFile(const QString &path);
QByteArray writePipelineYaml(const Pipeline &pipeline);

} // namespace stratus::pipeline
