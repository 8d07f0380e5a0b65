#include "estimate/dga.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <numeric>

namespace reckon::estimate {
namespace {

// Index of the edge (a, b), a < b, in the order (0,1), (0,2), .., (p-2,p-1).
int EdgeIndex(int a, int b, int p) { return a * p - a * (a + 1) / 2 + (b - a - 1); }

bool IsComplete(uint32_t vertices, const std::vector<uint32_t>& adjacency) {
  for (uint32_t rest = vertices; rest != 0; rest &= rest - 1) {
    const int v = std::countr_zero(rest);
    const uint32_t others = vertices & ~(1u << v);
    if ((adjacency[static_cast<size_t>(v)] & others) != others) return false;
  }
  return true;
}

// Chordality by maximum cardinality search: in the visiting order, every
// vertex's already-visited neighbours must form a clique.
bool IsChordal(const std::vector<uint32_t>& adjacency, int p) {
  uint32_t visited = 0;
  for (int step = 0; step < p; ++step) {
    int best = -1;
    int best_count = -1;
    for (int v = 0; v < p; ++v) {
      if (visited >> v & 1u) continue;
      const int count = std::popcount(adjacency[static_cast<size_t>(v)] & visited);
      if (count > best_count) {
        best = v;
        best_count = count;
      }
    }
    if (!IsComplete(adjacency[static_cast<size_t>(best)] & visited, adjacency)) return false;
    visited |= 1u << best;
  }
  return true;
}

}  // namespace

std::vector<DecomposableGraph> DecomposableGraphs(int num_lists) {
  const int p = num_lists;
  const int edge_count = p * (p - 1) / 2;
  std::vector<DecomposableGraph> out;
  for (uint32_t edges = 0; edges < (1u << edge_count); ++edges) {
    std::vector<uint32_t> adjacency(static_cast<size_t>(p), 0);
    for (int a = 0; a < p; ++a) {
      for (int b = a + 1; b < p; ++b) {
        if (edges >> EdgeIndex(a, b, p) & 1u) {
          adjacency[static_cast<size_t>(a)] |= 1u << b;
          adjacency[static_cast<size_t>(b)] |= 1u << a;
        }
      }
    }
    if (!IsChordal(adjacency, p)) continue;
    DecomposableGraph graph;
    graph.edges = edges;
    // Maximal complete subsets.
    const uint32_t all = (1u << p) - 1;
    std::vector<uint32_t> complete;
    for (uint32_t subset = 1; subset <= all; ++subset) {
      if (IsComplete(subset, adjacency)) complete.push_back(subset);
    }
    for (const uint32_t c : complete) {
      bool maximal = true;
      for (const uint32_t d : complete) {
        if (d != c && (d & c) == c) maximal = false;
      }
      if (maximal) graph.cliques.push_back(c);
    }
    // A maximum-weight spanning tree of the cliques (weight = shared lists)
    // is a junction tree; its non-empty intersections are the separators.
    std::vector<bool> in_tree(graph.cliques.size(), false);
    in_tree[0] = true;
    for (size_t added = 1; added < graph.cliques.size(); ++added) {
      int best_weight = -1;
      size_t best_from = 0;
      size_t best_to = 0;
      for (size_t from = 0; from < graph.cliques.size(); ++from) {
        if (!in_tree[from]) continue;
        for (size_t to = 0; to < graph.cliques.size(); ++to) {
          if (in_tree[to]) continue;
          const int weight = std::popcount(graph.cliques[from] & graph.cliques[to]);
          if (weight > best_weight) {
            best_weight = weight;
            best_from = from;
            best_to = to;
          }
        }
      }
      in_tree[best_to] = true;
      const uint32_t separator = graph.cliques[best_from] & graph.cliques[best_to];
      if (separator != 0) graph.separators.push_back(separator);
    }
    out.push_back(std::move(graph));
  }
  return out;
}

std::string GraphName(const DecomposableGraph& graph) {
  std::vector<std::string> parts;
  for (const uint32_t clique : graph.cliques) {
    std::string digits;
    for (int v = 0; v < 32; ++v) {
      if (clique >> v & 1u) digits.push_back(static_cast<char>('1' + v));
    }
    parts.push_back(digits);
  }
  std::sort(parts.begin(), parts.end());
  std::string out = "[";
  for (size_t idx = 0; idx < parts.size(); ++idx) out += (idx ? "," : "") + parts[idx];
  return out + "]";
}

namespace {

struct GridPosterior {
  std::vector<double> posterior;  // over n0 = 0..max_missing
  std::vector<double> graph_weight;
};

GridPosterior ComputePosterior(const CaptureTable& table,
                               const std::vector<DecomposableGraph>& graphs, double delta,
                               PopulationPrior prior, int64_t max_missing) {
  const int p = table.num_lists();
  const uint32_t cells = table.num_cells();
  const double n = static_cast<double>(table.Observed());
  const double total_prior = delta * static_cast<double>(cells);
  const size_t grid = static_cast<size_t>(max_missing) + 1;

  // Terms shared by every graph: -log(N + T) normaliser parts are in the
  // margins; here the multinomial coefficient and the prior on N.
  std::vector<double> common(grid);
  for (size_t n0 = 0; n0 < grid; ++n0) {
    const double nd = static_cast<double>(n0);
    const double total = n + nd;
    common[n0] = std::lgamma(total + 1) - std::lgamma(nd + 1) +
                 (prior == PopulationPrior::kInverse ? -std::log(total) : 0.0);
  }
  // Log marginal likelihood of every margin S (bitmask) on the grid.
  std::vector<std::vector<double>> margin(cells);
  for (uint32_t subset = 1; subset < cells; ++subset) {
    const int size = std::popcount(subset);
    const double a = delta * std::ldexp(1.0, p - size);
    std::vector<double> m(size_t{1} << size, 0.0);
    for (uint32_t pattern = 1; pattern < cells; ++pattern) {
      uint32_t reduced = 0;
      int bit = 0;
      for (int list = 0; list < p; ++list) {
        if (!(subset >> list & 1u)) continue;
        if (pattern >> list & 1u) reduced |= 1u << bit;
        ++bit;
      }
      m[reduced] += static_cast<double>(table.count(pattern));
    }
    double fixed = std::lgamma(total_prior);
    for (size_t c = 1; c < m.size(); ++c) fixed += std::lgamma(a + m[c]) - std::lgamma(a);
    fixed -= std::lgamma(a);
    std::vector<double>& values = margin[subset];
    values.resize(grid);
    for (size_t n0 = 0; n0 < grid; ++n0) {
      const double nd = static_cast<double>(n0);
      values[n0] = fixed + std::lgamma(a + m[0] + nd) - std::lgamma(n + nd + total_prior);
    }
  }

  GridPosterior out;
  out.posterior.assign(grid, 0.0);
  out.graph_weight.assign(graphs.size(), 0.0);
  double scale = -std::numeric_limits<double>::infinity();  // log of the accumulators' unit
  std::vector<double> lw(grid);
  for (size_t g = 0; g < graphs.size(); ++g) {
    double best = -std::numeric_limits<double>::infinity();
    for (size_t n0 = 0; n0 < grid; ++n0) {
      double v = common[n0];
      for (const uint32_t c : graphs[g].cliques) v += margin[c][n0];
      for (const uint32_t s : graphs[g].separators) v -= margin[s][n0];
      lw[n0] = v;
      best = std::max(best, v);
    }
    if (best > scale) {
      const double shrink = std::isfinite(scale) ? std::exp(scale - best) : 0.0;
      for (double& x : out.posterior) x *= shrink;
      for (double& x : out.graph_weight) x *= shrink;
      scale = best;
    }
    double sum = 0;
    for (size_t n0 = 0; n0 < grid; ++n0) {
      const double w = std::exp(lw[n0] - scale);
      out.posterior[n0] += w;
      sum += w;
    }
    out.graph_weight[g] = sum;
  }
  const double total = std::accumulate(out.posterior.begin(), out.posterior.end(), 0.0);
  for (double& x : out.posterior) x /= total;
  for (double& x : out.graph_weight) x /= total;
  return out;
}

}  // namespace

Result<DgaResult> RunDga(const CaptureTable& table, const DgaOptions& options) {
  const int p = table.num_lists();
  if (p < 3 || p > 5) {
    return Status::InvalidArgument("dga averages over decomposable graphs for 3 to 5 lists, not " +
                                   std::to_string(p));
  }
  if (table.Observed() == 0) return Status::InvalidArgument("dga: the table is empty");
  if (options.delta < 0) return Status::InvalidArgument("dga: delta must be positive");
  if (options.max_missing < 0) return Status::InvalidArgument("dga: negative grid bound");
  DgaResult out;
  out.delta = options.delta > 0 ? options.delta : std::ldexp(1.0, -p);
  out.observed = table.Observed();
  const std::vector<DecomposableGraph> graphs = DecomposableGraphs(p);
  out.graphs = graphs.size();

  const bool automatic = options.max_missing == 0;
  int64_t max_missing =
      automatic ? std::max<int64_t>(1000, 10 * table.Observed()) : options.max_missing;
  GridPosterior posterior;
  for (int doubling = 0;; ++doubling) {
    posterior = ComputePosterior(table, graphs, out.delta, options.prior, max_missing);
    const size_t tail_start = static_cast<size_t>(max_missing - max_missing / 10);
    out.tail_mass = 0;
    for (size_t n0 = tail_start; n0 < posterior.posterior.size(); ++n0) {
      out.tail_mass += posterior.posterior[n0];
    }
    if (!automatic || out.tail_mass <= options.tail_tolerance || doubling == 6) break;
    max_missing *= 2;
  }
  out.max_missing = max_missing;
  if (out.tail_mass > options.tail_tolerance) {
    out.warnings.push_back("the grid of missing counts (0.." + std::to_string(max_missing) +
                           ") cuts off posterior mass (" + std::to_string(out.tail_mass) +
                           " in its top tenth): the estimate is unbounded or the grid too small");
  }
  const double n = static_cast<double>(out.observed);
  double cdf = 0;
  bool have_low = false;
  bool have_median = false;
  bool have_high = false;
  for (size_t n0 = 0; n0 < posterior.posterior.size(); ++n0) {
    const double w = posterior.posterior[n0];
    out.mean += w * (n + static_cast<double>(n0));
    cdf += w;
    const double value = n + static_cast<double>(n0);
    if (!have_low && cdf >= 0.025) {
      out.q025 = value;
      have_low = true;
    }
    if (!have_median && cdf >= 0.5) {
      out.median = value;
      have_median = true;
    }
    if (!have_high && cdf >= 0.975) {
      out.q975 = value;
      have_high = true;
    }
  }
  if (!have_high) out.q975 = n + static_cast<double>(max_missing);
  std::vector<size_t> order(graphs.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return posterior.graph_weight[a] > posterior.graph_weight[b];
  });
  for (size_t rank = 0; rank < order.size() && rank < options.report_top; ++rank) {
    out.top_graphs.push_back({GraphName(graphs[order[rank]]), posterior.graph_weight[order[rank]]});
  }
  out.posterior = std::move(posterior.posterior);
  return out;
}

}  // namespace reckon::estimate
