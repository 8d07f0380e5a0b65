// Convergence diagnostics for Markov chain Monte Carlo output: split R-hat
// (Gelman et al., Bayesian Data Analysis, 3rd ed., 11.4) and the effective
// sample size from multi-chain autocorrelations truncated by Geyer's initial
// monotone sequence (as Stan computes it).
//
// Thread-safety: free functions on values; safe to call concurrently.
#pragma once

#include <vector>

namespace reckon::estimate {

struct McmcDiagnostics {
  double rhat = 0;  // split R-hat; NaN with fewer than 4 draws per chain
  double ess = 0;   // effective sample size over all chains
};

// `chains` holds one vector of draws per chain, all the same length. Each
// chain is split in half, so a single chain still gets an R-hat. Chains of
// constant draws give R-hat 1 and ESS equal to the number of draws.
McmcDiagnostics Diagnose(const std::vector<std::vector<double>>& chains);

}  // namespace reckon::estimate
