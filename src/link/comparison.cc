#include "link/comparison.h"

#include <algorithm>
#include <cstdlib>

#include "link/cause.h"
#include "text/similarity.h"
#include "text/token_compare.h"

namespace reckon::link {
namespace {

// A "different" token comparison scores 0.8 x Jaro-Winkler (of the cores, or
// of the skeletons across scripts): 0.68 is Jaro-Winkler 0.85.
constexpr double kSimilarScore = 0.68;

uint8_t NameLevel(const text::TokenTable& tokens, const text::PositionResult& position) {
  if (position.agreement == text::Agreement::kMissing) return 0;
  switch (position.comparison.level) {
    case text::TokenMatch::kExact:
    case text::TokenMatch::kFolded:
    case text::TokenMatch::kVariant:
    case text::TokenMatch::kPhonetic:
      return 1;
    case text::TokenMatch::kClose:
      return 2;
    case text::TokenMatch::kDifferent:
      break;
  }
  // Two known names a dot apart (ديب / ذيب): one name misread, or two.
  if (position.comparison.dot_apart) return kDotApartLevel;
  // Names that differ but look alike (حداد / حدادين) have their own level:
  // EM learns how often one person's names differ so, and random pairs how
  // often different people's do (about -1 to -3 bits instead of -7;
  // realistic pairwise F1 +0.0001 to +0.0015 on four cases).
  if (position.comparison.score >= kSimilarScore) return kSimilarLevel;
  const text::Script x = tokens.Info(position.a).analysis.script;
  const text::Script y = tokens.Info(position.b).analysis.script;
  const bool across = (x == text::Script::kArabic && y == text::Script::kLatin) ||
                      (x == text::Script::kLatin && y == text::Script::kArabic);
  return across ? 4 : 3;
}

// Both ages exact and at most `years` apart.
bool ExactAgesWithin(const LinkRecord& a, const LinkRecord& b, int years) {
  return a.age_min >= 0 && b.age_min >= 0 && a.age_exact && b.age_exact &&
         std::abs(a.age_min - b.age_min) <= years;
}

// Exact ages and bands get levels of their own: one person's two exact ages
// are mostly equal (a year apart is 6 times less likely, 4 to 6 years 60
// times), while an age inside the other record's band says less, and one
// just outside it says little either way. Sharing levels blurred all three.
uint8_t AgeLevel(const LinkRecord& a, const LinkRecord& b) {
  if (a.age_min < 0 || b.age_min < 0) return 0;
  if (a.age_exact && b.age_exact) {
    const int diff = std::abs(a.age_min - b.age_min);
    return diff == 0 ? 1 : diff <= 3 ? 2 : diff <= 6 ? 3 : diff <= 15 ? 4 : 5;
  }
  // Distance between the two intervals (an open band has no upper end).
  const int a_max = a.age_max < 0 ? 200 : a.age_max;
  const int b_max = b.age_max < 0 ? 200 : b.age_max;
  const int gap = std::max({0, a.age_min - b_max, b.age_min - a_max});
  return gap == 0 ? kAgeInBandLevel : gap <= 3 ? 7 : gap <= 15 ? 4 : 5;
}

uint8_t DateLevel(const LinkRecord& a, const LinkRecord& b) {
  if (a.death_precision == DatePrecision::kNone || b.death_precision == DatePrecision::kNone) {
    return 0;
  }
  if (a.death_precision == DatePrecision::kDay && b.death_precision == DatePrecision::kDay) {
    const int diff = std::abs(a.death_day - b.death_day);
    return diff == 0 ? 1 : diff <= 2 ? 2 : diff <= 7 ? 3 : 4;
  }
  // A month against a day in it: weaker than a week apart between two days.
  const int gap = std::max({0, a.death_day - b.death_last_day, b.death_day - a.death_last_day});
  return gap <= 2 ? 5 : 4;
}

// Unresolved places are keyed by their name's skeleton: a gazetteer code and
// a name the gazetteer does not know may still be one place.
bool BothResolved(uint32_t x, uint32_t y) { return ((x | y) & kUnresolvedPlace) == 0; }

uint8_t PlaceLevel(const LinkRecord& a, const LinkRecord& b) {
  bool any_pair = false;
  bool finer_differs = false;  // both name a finer place, and not the same one
  for (size_t level = 0; level < 3; ++level) {
    const uint32_t x = a.place[level];
    const uint32_t y = b.place[level];
    if (x == 0 || y == 0) continue;
    if (x == y) {
      if (level == 0 || !finer_differs) return static_cast<uint8_t>(level + 1);
      return static_cast<uint8_t>(level + 4);
    }
    any_pair = true;
    if (BothResolved(x, y)) finer_differs = true;
  }
  return any_pair ? 4 : 0;
}

uint8_t CauseLevel(const LinkRecord& a, const LinkRecord& b) {
  if (a.cause == 0 || b.cause == 0) return 0;
  if (a.cause == b.cause) return 1;
  return IsCategory(a.cause) && IsCategory(b.cause) ? 2 : 3;
}

// A given name a typo apart: the "close" level, or (short and well-known
// names, which CompareTokens keeps apart) one edit in the same script.
bool GivenTypoApart(const text::TokenTable& tokens, uint8_t level, text::TokenId a,
                    text::TokenId b) {
  if (level == 2) return true;
  if (level < 3 || a == text::kNoToken || b == text::kNoToken) return false;
  const text::TokenAnalysis& x = tokens.Info(a).analysis;
  const text::TokenAnalysis& y = tokens.Info(b).analysis;
  if (level == 4) {  // across scripts (Malsk / مالك): one slip in the consonant skeleton
    if (x.compound != y.compound || std::min(x.skeleton.size(), y.skeleton.size()) < 3) {
      return false;
    }
    return text::BoundedDamerauLevenshtein(std::string_view(x.skeleton),
                                           std::string_view(y.skeleton), 1) <= 1;
  }
  if (x.script != y.script || x.compound != y.compound) return false;
  if (std::min(x.core.size(), y.core.size()) < 3) return false;
  return text::BoundedDamerauLevenshtein(x.core, y.core, 1) <= 1;
}

// Father and grandfather in each other's place: tried only when both
// disagree as parsed and each agrees with the other's other ancestor.
void TrySwappedAncestors(const text::TokenTable& tokens, const LinkRecord& a, const LinkRecord& b,
                         ChosenChains& out) {
  const auto& parsed = out.comparison.positions;
  // A given or family name that disagrees keeps the chains apart whatever
  // the ancestors say: most candidate pairs stop here, before two more token
  // comparisons (a million records: about 170 million pairs).
  if (parsed[1].agreement != text::Agreement::kDisagree ||
      parsed[2].agreement != text::Agreement::kDisagree ||
      parsed[0].agreement == text::Agreement::kDisagree ||
      parsed[3].agreement == text::Agreement::kDisagree) {
    return;
  }
  const text::NameChain& x = a.chain;
  const text::NameChain& y = b.chain;
  if (x.father == text::kNoToken || x.grandfather == text::kNoToken || y.father == text::kNoToken ||
      y.grandfather == text::kNoToken ||
      !text::CompareTokens(tokens, x.father, y.grandfather).matches() ||
      !text::CompareTokens(tokens, x.grandfather, y.father).matches()) {
    return;
  }
  text::NameChain swapped = x;
  std::swap(swapped.father, swapped.grandfather);
  text::ChainComparison c = text::CompareChains(tokens, swapped, y);
  if (c.relation != text::ChainRelation::kSamePerson) return;
  c.alignment_note = "a father and grandfather swapped; " + c.alignment_note;
  out.comparison = std::move(c);
  out.reading = std::move(swapped);
  out.a_reread = true;
  out.ancestors_swapped = true;
}

}  // namespace

std::string_view FieldName(size_t field) {
  static constexpr std::array<std::string_view, kFieldCount> kNames = {
      "given name", "father", "grandfather", "family name", "mother",
      "sex",        "age",    "death date",  "place",       "cause"};
  return kNames[field];
}

std::string_view LevelName(size_t field, uint8_t level) {
  if (level == 0) return "missing";
  switch (field) {
    case kSex:
      return level == 1 ? "same" : "different";
    case kAge: {
      static constexpr std::array<std::string_view, 8> kAge = {
          "missing",   "same age",  "within 3 years", "within 6 years",
          "different", "far apart", "in the band",    "near the band"};
      return kAge[level];
    }
    case kDate: {
      static constexpr std::array<std::string_view, 6> kDate = {
          "missing", "same day", "within 2 days", "within a week", "different", "compatible"};
      return kDate[level];
    }
    case kPlace: {
      static constexpr std::array<std::string_view, 7> kPlace = {
          "missing",
          "same locality",
          "same district",
          "same governorate",
          "different",
          "same district, other locality",
          "same governorate, other district"};
      return kPlace[level];
    }
    case kCause: {
      static constexpr std::array<std::string_view, 4> kCauseLevels = {
          "missing", "same cause", "different cause", "other wording"};
      return kCauseLevels[level];
    }
    default: {
      static constexpr std::array<std::string_view, 7> kName = {
          "missing", "same name",  "close (typo)", "different", "different across scripts",
          "similar", "a dot apart"};
      return kName[level];
    }
  }
}

uint32_t ComparisonVector::Pattern() const {
  uint32_t pattern = 0;
  for (size_t field = 0; field < kFieldCount; ++field) {
    pattern |= static_cast<uint32_t>(level[field]) << (3 * field);
  }
  return pattern;
}

std::array<uint8_t, kFieldCount> LevelsOfPattern(uint32_t pattern) {
  std::array<uint8_t, kFieldCount> levels{};
  for (size_t field = 0; field < kFieldCount; ++field) {
    levels[field] = static_cast<uint8_t>((pattern >> (3 * field)) & 7u);
  }
  return levels;
}

ChosenChains ChooseChains(const text::TokenTable& tokens, const LinkRecord& a,
                          const LinkRecord& b) {
  ChosenChains out;
  out.comparison = text::CompareChains(tokens, a.chain, b.chain);
  // Read family name first only when, as parsed, the given names disagree
  // and the family names do not agree: the signature of a rotated name, and
  // it spares a second comparison for most candidate pairs.
  const auto& parsed = out.comparison.positions;
  if (out.comparison.relation == text::ChainRelation::kSamePerson) return out;
  if (parsed[0].agreement != text::Agreement::kDisagree ||
      parsed[3].agreement == text::Agreement::kAgree) {
    TrySwappedAncestors(tokens, a, b, out);
    return out;
  }
  auto reading = [](const LinkRecord& r) {
    text::NameChain chain;
    chain.given = r.family_first[0];
    chain.father = r.family_first[1];
    chain.grandfather = r.family_first[2];
    chain.family = r.family_first[3];
    return chain;
  };
  for (const bool flip_a : {true, false}) {
    const LinkRecord& flipped = flip_a ? a : b;
    if (flipped.family_first[0] == text::kNoToken) continue;
    const text::NameChain other = reading(flipped);
    text::ChainComparison c = flip_a ? text::CompareChains(tokens, other, b.chain)
                                     : text::CompareChains(tokens, a.chain, other);
    if (c.relation != text::ChainRelation::kSamePerson) continue;
    c.alignment_note =
        std::string(flip_a ? "a" : "b") + " read family name first; " + c.alignment_note;
    out.comparison = std::move(c);
    out.reading = other;
    (flip_a ? out.a_reread : out.b_reread) = true;
    return out;
  }
  return out;
}

ComparisonVector CompareRecords(const text::TokenTable& tokens, const LinkRecord& a,
                                const LinkRecord& b) {
  return CompareRecords(tokens, a, b, ChooseChains(tokens, a, b));
}

ComparisonVector CompareRecords(const text::TokenTable& tokens, const LinkRecord& a,
                                const LinkRecord& b, const ChosenChains& chosen) {
  ComparisonVector v;
  const text::ChainComparison& chains = chosen.comparison;
  const text::NameChain& chain_a = chosen.ChainA(a);
  const text::NameChain& chain_b = chosen.ChainB(b);
  v.relation = chains.relation;
  v.alignment = chains.alignment;
  // An alignment other than the positional one is a hypothesis (a name
  // dropped, two tokens written as one) that only stands when it explains the
  // two chains as one person: otherwise it merely lines up agreeing tokens of
  // different people (عبدالله حسن محمد ذيب and عبدالله محمد اليونس agree on
  // "محمد" only by taking one's father for the other's grandfather), and the
  // names are compared position by position.
  std::array<text::PositionResult, 4> positions = chains.positions;
  const std::array<std::pair<text::TokenId, text::TokenId>, 4> tokens_at = {
      std::pair{chain_a.given, chain_b.given}, std::pair{chain_a.father, chain_b.father},
      std::pair{chain_a.grandfather, chain_b.grandfather},
      std::pair{chain_a.family, chain_b.family}};
  auto positional = [&](size_t role) {
    text::PositionResult& position = positions[role];
    position = {};
    position.a = tokens_at[role].first;
    position.b = tokens_at[role].second;
    if (position.a == text::kNoToken || position.b == text::kNoToken) return;
    position.comparison = text::CompareTokens(tokens, position.a, position.b);
    position.agreement =
        position.comparison.matches() ? text::Agreement::kAgree : text::Agreement::kDisagree;
  };
  if (chains.alignment != text::AlignmentKind::kPositional &&
      chains.relation == text::ChainRelation::kDifferent) {
    for (size_t role = 0; role < 4; ++role) positional(role);
  }
  // A name dropped from one chain (a grandfather written in the father's
  // place; a family name that is also a personal name, الأحمد, read as a
  // grandfather) may explain the names as one person, so they are not a
  // household; but names both chains give and the alignment passes over
  // still disagree as written, and that counts. Scored as missing, a man's
  // daughter (فاطمة عيسى أحمد) merged with his granddaughter (Fatima Hasan
  // Isa al-Ahmad), and علي محمد الأحمد with علي محمد أحمد داود.
  if (chains.alignment == text::AlignmentKind::kDropped) {
    for (size_t role = 0; role < 4; ++role) {
      if (positions[role].agreement == text::Agreement::kMissing &&
          tokens_at[role].first != text::kNoToken && tokens_at[role].second != text::kNoToken) {
        positional(role);
      }
    }
  }
  for (size_t role = 0; role < 4; ++role) v.level[role] = NameLevel(tokens, positions[role]);
  // Swapped columns are a hypothesis that cousins fit too (خديجة محمد علي
  // ديب / خديجة علي محمد ديب): the two names count as close, not the same
  // (F1 +0.0001 to +0.0033 on five cases).
  if (chosen.ancestors_swapped) {
    for (const size_t role : {kFather, kGrandfather}) {
      if (v.level[role] == 1) v.level[role] = 2;
    }
  }
  const auto& given = positions[static_cast<size_t>(text::ChainRole::kGiven)];
  const auto& family = positions[static_cast<size_t>(text::ChainRole::kFamily)];
  if (v.level[kGiven] == 1) v.given_token = given.a;
  if (v.level[kFamily] == 1) v.family_token = family.a;
  if (a.mother != text::kNoToken && b.mother != text::kNoToken) {
    text::PositionResult mother;
    mother.agreement = text::Agreement::kAgree;
    mother.a = a.mother;
    mother.b = b.mother;
    mother.comparison = text::CompareTokens(tokens, a.mother, b.mother);
    v.level[kMother] = NameLevel(tokens, mother);
  }
  if (a.sex != 0 && b.sex != 0) v.level[kSex] = a.sex == b.sex ? 1 : 2;
  v.level[kAge] = AgeLevel(a, b);
  v.level[kDate] = DateLevel(a, b);
  v.level[kPlace] = PlaceLevel(a, b);
  v.level[kCause] = CauseLevel(a, b);
  // Brothers differ in the given name, not by a typo: a given name one slip
  // apart (مخمد / محمد, Malsk / مالك) with ages that agree is one person
  // misspelt, and stays an ordinary name disagreement, not a household.
  // Ages must agree within a year: names one letter apart (سامر / سامي) are
  // also given to brothers, and wider ages merged them on the clean profile.
  // So is a given name that merely looks alike (Ghias / غياث, Alg / علي).
  // An exact age inside the other's band cannot tell brothers apart either
  // way: the pair is left to its score (and to competition with the brother's
  // own record) instead of being forbidden (F1 +0.0006 to +0.0027; within 3
  // years instead cost the clean profile 0.0005).
  const bool ages_agree = ExactAgesWithin(a, b, 1) || v.level[kAge] == kAgeInBandLevel;
  if (v.relation == text::ChainRelation::kSiblings && ages_agree &&
      (v.level[kGiven] == kSimilarLevel ||
       GivenTypoApart(tokens, v.level[kGiven], chain_a.given, chain_b.given))) {
    v.relation = text::ChainRelation::kDifferent;
  }
  return v;
}

}  // namespace reckon::link
