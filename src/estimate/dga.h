// Bayesian model averaging over decomposable graphical models for
// capture-recapture (Madigan and York 1997, Biometrika 84: 19-31), the model
// of the R package dga.
//
// Each decomposable graph on the p lists is a log-linear model whose cell
// probabilities get a hyper-Dirichlet prior: every clique (and separator)
// margin is Dirichlet with delta * 2^(p - |C|) per cell, so that every
// margin carries the same total prior weight delta * 2^p. The marginal
// likelihood of the complete table, with the unobserved cell set to each
// value of a grid of missing counts, is the product over cliques divided by
// the product over separators of Dirichlet-multinomial terms. Times the
// multinomial coefficient and the prior on N, normalised over graphs and the
// grid, this is the joint posterior of (graph, N); its margins are the
// posterior of N (model-averaged) and the posterior weight of each graph.
//
// Thread-safety: free functions on values; safe to call concurrently.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "estimate/capture_table.h"

namespace reckon::estimate {

// A decomposable graph given by its maximal cliques and the separators of a
// junction tree (as bitmasks of lists). Separators may repeat; empty ones
// (between disconnected components) are left out.
struct DecomposableGraph {
  uint32_t edges = 0;  // bit e for edge e in the order (0,1), (0,2), .., (p-2,p-1)
  std::vector<uint32_t> cliques;
  std::vector<uint32_t> separators;
};

// Every decomposable (chordal) graph on `num_lists` labelled vertices: 8 for
// 3 lists, 61 for 4, 822 for 5. Requires 2 <= num_lists <= 6.
std::vector<DecomposableGraph> DecomposableGraphs(int num_lists);

// "[12,23]"-style name of a graph: its cliques with 1-based list numbers.
std::string GraphName(const DecomposableGraph& graph);

enum class PopulationPrior {
  kInverse,  // p(N) proportional to 1/N (dga's default)
  kUniform,  // p(N) flat on the grid
};

struct DgaOptions {
  // Prior cell weight delta; 0 means the default 2^-p.
  double delta = 0;
  PopulationPrior prior = PopulationPrior::kInverse;
  // The grid of missing counts is 0..max_missing; 0 means automatic: start
  // at max(1000, 10 n) and double while more than tail_tolerance of the
  // posterior lies in the grid's top tenth (up to 6 doublings).
  int64_t max_missing = 0;
  double tail_tolerance = 1e-6;
  // Graphs reported by weight.
  size_t report_top = 5;
};

struct DgaResult {
  double delta = 0;
  int64_t observed = 0;
  int64_t max_missing = 0;
  size_t graphs = 0;
  double mean = 0;
  double median = 0;  // quantiles of N: the smallest N whose CDF reaches q
  double q025 = 0;
  double q975 = 0;
  double tail_mass = 0;  // posterior mass in the top tenth of the grid
  struct GraphWeight {
    std::string name;
    double weight;
  };
  std::vector<GraphWeight> top_graphs;  // by posterior weight, descending
  std::vector<double> posterior;        // P(n0 = i) for i = 0..max_missing
  std::vector<std::string> warnings;
};

// Errors (kInvalidArgument): fewer than 3 or more than 5 lists, an empty
// table, delta <= 0 when given, a negative grid bound.
Result<DgaResult> RunDga(const CaptureTable& table, const DgaOptions& options = {});

}  // namespace reckon::estimate
