#pragma once
// Ensemble selection (Caruana et al., 2004) for the VotingEnsemble: starting
// from the best of up to `initial` models (sorted initialisation), models are
// added greedily, with replacement, whichever improves the blended
// out-of-fold predictions most; the best ensemble seen along the way wins.
// A model's weight is how often it was chosen.

#include <functional>
#include <vector>

namespace stratus::ml {

struct EnsembleMember {
    int candidate = 0; // index into the candidates
    double weight = 0;
};

// requires: candidates sorted best first, all of the same length; score:
//           higher is better.
std::vector<EnsembleMember> selectEnsemble(const std::vector<const std::vector<double> *> &candidates,
                                           const std::function<double(const std::vector<double> &)> &score,
                                           int initial = 5, int iterations = 30);

// The weighted average of the members' predictions.
std::vector<double> blend(const std::vector<EnsembleMember> &members,
                          const std::vector<const std::vector<double> *> &candidates);

} // namespace stratus::ml
