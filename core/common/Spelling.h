#pragma once
// Spelling: the "did you mean" of error messages.

#include <QString>
#include <QStringList>

namespace stratus {

// Levenshtein distance between a and b, letters compared without case.
int editDistance(const QString &a, const QString &b);
// The candidate closest to `name` within a third of its length (at least 1,
// at most 2 edits), or empty when none is that close.
QString closestName(const QString &name, const QStringList &candidates);

} // namespace stratus
