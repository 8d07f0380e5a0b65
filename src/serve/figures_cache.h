// The dashboard's figures and charts, computed once and kept: /api/stats is
// exactly report::CaseFiguresJson(report::ComputeCaseFigures(store)) — the
// figures of `reckon stats --json` and `reckon report` — and the three charts
// are the report's chart code (report/svg_chart.h). The server computes them
// at startup and again after every change it makes that moves a figure (a
// review decision, a verification, an incident; evidence counts in none), so a
// GET only copies a string.
//
// Thread-safety: Current() from any thread; Refresh calls are serialised, so
// the newest refresh is the one kept.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "report/case_figures.h"
#include "report/person_summary.h"
#include "store/store.h"

namespace reckon::serve {

struct CachedFigures {
  std::string stats_json;                     // CaseFiguresJson, serialised
  std::map<std::string, std::string> charts;  // "timeline.svg" -> a standalone SVG document
};

// The cached form of `figures` (pure; used by FiguresCache::Refresh).
CachedFigures RenderFigures(const report::CaseFigures& figures);

class FiguresCache {
 public:
  // Recomputes from `store` (the latest register) and replaces the cache.
  Status Refresh(Store& store);
  // After a change that leaves the register as it was (a verification, an
  // incident): reuses the person summaries of the last Refresh and
  // recomputes the rest (statuses, incidents). The summaries are the costly
  // part (a scan of every record: about 2 s at 100,000 persons).
  Status RefreshCasework(Store& store);
  // The figures last computed (empty before the first Refresh).
  std::shared_ptr<const CachedFigures> Current() const;

 private:
  std::mutex refresh_mutex_;
  mutable std::mutex mutex_;
  std::shared_ptr<const CachedFigures> current_ = std::make_shared<CachedFigures>();
  // The last full refresh's person summaries; empty until one succeeds.
  std::optional<std::vector<report::PersonSummary>> persons_;  // GUARDED_BY(refresh_mutex_)
  // Summarises the persons if needed, then statuses and figures.
  Status Publish(Store& store);
};

}  // namespace reckon::serve
