#include "link/explain.h"

#include <cmath>
#include <limits>

#include "link/comparison.h"
#include "text/chain_compare.h"

namespace reckon::link {

Explanation ExplainPair(const LinkContext& context, size_t a, size_t b,
                        const LinkSettings& settings) {
  const bool term_frequency = settings.term_frequency;
  Explanation out;
  const ChosenChains chosen = ChooseChains(*context.tokens, context.records[a], context.records[b]);
  const ComparisonVector v =
      CompareRecords(*context.tokens, context.records[a], context.records[b], chosen);
  const text::ChainComparison& chains = chosen.comparison;
  out.relation = std::string(text::ChainRelationName(chains.relation));
  out.alignment = std::string(text::AlignmentKindName(chains.alignment)) +
                  (chains.alignment_note.empty() ? "" : " (" + chains.alignment_note + ")");
  out.lines.push_back(
      {"prior", "match probability before looking at the pair", context.model.PriorWeight()});
  double total = context.model.PriorWeight();
  for (size_t field = 0; field < kFieldCount; ++field) {
    const double w = context.model.LevelWeight(field, v.level[field]);
    out.lines.push_back(
        {std::string(FieldName(field)), std::string(LevelName(field, v.level[field])), w});
    total += w;
  }
  if (term_frequency) {
    const auto& u = context.model.population_u();
    auto add_tf = [&](const char* label, text::TokenId token, const TermFrequencies& tf,
                      size_t field) {
      if (token == text::kNoToken) return;
      const double frequency = tf.Frequency(NameKey(*context.tokens, token));
      const double adjustment =
          tf.Adjustment(NameKey(*context.tokens, token), u[field][v.level[field]]);
      char detail[160];
      std::snprintf(detail, sizeof detail, "'%s' is on %.2f%% of records",
                    context.tokens->Info(token).analysis.strict.c_str(), 100 * frequency);
      out.lines.push_back({label, detail, adjustment});
      total += adjustment;
    };
    if (v.level[kGiven] == 1 && v.level[kFather] == 1 && v.level[kFamily] == 1) {
      const double penalty = ChainPenalty(context, a, b);
      if (penalty > 0) {
        out.lines.push_back({"term frequency: name chain",
                             "given, father and family name shared by many records", -penalty});
        total -= penalty;
      }
    }
    add_tf("term frequency: given name", v.given_token, context.given_frequencies, kGiven);
    add_tf("term frequency: family name", v.family_token, context.family_frequencies, kFamily);
    auto add_share = [&](const char* label, const char* what, double share, double adjustment) {
      char detail[160];
      std::snprintf(detail, sizeof detail, "%s of %.2f%% of the records that give one", what,
                    100 * share);
      out.lines.push_back({label, detail, adjustment});
      total += adjustment;
    };
    const LinkRecord& record_a = context.records[a];
    if (v.level[kDate] == kSameDayLevel) {
      add_share("term frequency: death date", "the day of death",
                context.day_frequencies.Frequency(static_cast<uint32_t>(record_a.death_day)),
                DayAdjustment(context, a));
    }
    if (v.level[kPlace] == kSameLocalityLevel) {
      add_share("term frequency: locality", "the locality",
                context.locality_frequencies.Frequency(record_a.place[0]),
                LocalityAdjustment(context, a));
    }
  }
  out.household = v.IsHousehold();
  if (!out.household) {
    int competitors = 0;
    const double penalty = CompetitionPenaltyFor(context, a, b, settings, &competitors);
    if (penalty > 0) {
      out.lines.push_back(
          {"competing candidates",
           std::to_string(competitors) + " other strong candidates from the two records' lists",
           -penalty});
      total -= penalty;
    }
  }
  if (out.household) {
    out.lines.push_back({"household rule", out.relation + ": different people",
                         -std::numeric_limits<double>::infinity()});
    total = -std::numeric_limits<double>::infinity();
  }
  out.total_weight = total;
  out.probability = out.household ? 0.0 : FellegiSunterModel::Probability(total);
  return out;
}

}  // namespace reckon::link
