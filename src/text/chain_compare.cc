#include "text/chain_compare.h"

#include <algorithm>
#include <vector>

namespace reckon::text {
namespace {

constexpr int kExtraRole = 4;
constexpr std::array<double, 4> kWeights = {0.4, 0.25, 0.1, 0.25};

struct Slot {
  TokenId id = kNoToken;
  int role = kExtraRole;
};

// The chain's tokens given-first with their roles. Held inline when they fit
// (every usual chain): CompareChains runs for every candidate pair and must
// not allocate.
class Slots {
 public:
  explicit Slots(const NameChain& chain) {
    const size_t count = 4 + chain.extra.size();
    if (count > inline_.size()) overflow_.resize(count);
    data_ = count > inline_.size() ? overflow_.data() : inline_.data();
    if (chain.given != kNoToken) data_[size_++] = {chain.given, 0};
    if (chain.father != kNoToken) data_[size_++] = {chain.father, 1};
    if (chain.grandfather != kNoToken) data_[size_++] = {chain.grandfather, 2};
    for (TokenId id : chain.extra) data_[size_++] = {id, kExtraRole};
    if (chain.family != kNoToken) data_[size_++] = {chain.family, 3};
  }
  Slots(const Slots&) = delete;
  Slots& operator=(const Slots&) = delete;
  size_t size() const { return size_; }
  const Slot& operator[](size_t index) const { return data_[index]; }

 private:
  std::array<Slot, 8> inline_;
  std::vector<Slot> overflow_;
  Slot* data_ = nullptr;
  size_t size_ = 0;
};

// The number of Slots(chain) without building them.
size_t SlotCount(const NameChain& chain) {
  return static_cast<size_t>(chain.given != kNoToken) + (chain.father != kNoToken) +
         (chain.grandfather != kNoToken) + chain.extra.size() + (chain.family != kNoToken);
}

struct Candidate {
  std::array<PositionResult, 4> positions;
  int extra_disagreements = 0;
  AlignmentKind kind = AlignmentKind::kPositional;
  // kDropped: which side is longer and the role of the token it drops (the
  // note is only written for the alignment that wins).
  bool longer_is_a = false;
  int dropped_role = 0;
};

std::string Note(const Candidate& c) {
  static constexpr std::array<std::string_view, 5> kNames = {"given name", "father", "grandfather",
                                                             "family name", "ancestor"};
  switch (c.kind) {
    case AlignmentKind::kDropped:
      return std::string(c.longer_is_a ? "b" : "a") + " omits " + (c.longer_is_a ? "a" : "b") +
             "'s " + std::string(kNames[static_cast<size_t>(c.dropped_role)]);
    case AlignmentKind::kMerged:
      return "two tokens written as one";
    default:
      return "positional";
  }
}

void Set(const TokenTable& table, PositionResult& position, TokenId a, TokenId b) {
  position.a = a;
  position.b = b;
  if (a == kNoToken || b == kNoToken) {
    position.agreement = Agreement::kMissing;
    return;
  }
  position.comparison = CompareTokens(table, a, b);
  position.agreement = position.comparison.matches() ? Agreement::kAgree : Agreement::kDisagree;
}

int Value(const Candidate& c) {
  int value = 0;
  for (const PositionResult& p : c.positions) {
    if (p.agreement == Agreement::kAgree) value += 2;
    if (p.agreement == Agreement::kDisagree) value -= 1;
  }
  return value - c.extra_disagreements;
}

Candidate Positional(const TokenTable& table, const NameChain& a, const NameChain& b) {
  Candidate c;
  Set(table, c.positions[0], a.given, b.given);
  Set(table, c.positions[1], a.father, b.father);
  Set(table, c.positions[2], a.grandfather, b.grandfather);
  Set(table, c.positions[3], a.family, b.family);
  return c;
}

// Aligns `shorter` with `longer` minus its token at `dropped`; roles follow
// `longer`. `longer_is_a` says which side is a.
Candidate Dropped(const TokenTable& table, const Slots& longer, const Slots& shorter,
                  size_t dropped, bool longer_is_a) {
  Candidate c;
  c.kind = AlignmentKind::kDropped;
  c.longer_is_a = longer_is_a;
  c.dropped_role = longer[dropped].role;
  size_t s_idx = 0;
  for (size_t l_idx = 0; l_idx < longer.size(); ++l_idx) {
    const Slot& l = longer[l_idx];
    const TokenId other = l_idx == dropped ? kNoToken : shorter[s_idx++].id;
    if (l.role == kExtraRole) {
      if (other != kNoToken && !CompareTokens(table, l.id, other).matches()) {
        ++c.extra_disagreements;
      }
      continue;
    }
    PositionResult& p = c.positions[static_cast<size_t>(l.role)];
    if (longer_is_a) {
      Set(table, p, l.id, other);
    } else {
      Set(table, p, other, l.id);
    }
  }
  return c;
}

// Two adjacent tokens of `longer` written as one token in `shorter`.
bool Merged(const TokenTable& table, const Slots& longer, const Slots& shorter, size_t first,
            bool longer_is_a, Candidate* out) {
  // folded(first) + folded(first + 1) == folded(shorter's), without joining.
  const std::string_view head = table.Info(longer[first].id).analysis.folded;
  const std::string_view tail = table.Info(longer[first + 1].id).analysis.folded;
  const std::string_view whole = table.Info(shorter[first].id).analysis.folded;
  if (whole.size() != head.size() + tail.size() || !whole.starts_with(head) ||
      !whole.ends_with(tail)) {
    return false;
  }
  Candidate c;
  c.kind = AlignmentKind::kMerged;
  size_t s_idx = 0;
  for (size_t l_idx = 0; l_idx < longer.size(); ++l_idx) {
    const Slot& l = longer[l_idx];
    const TokenId other = shorter[s_idx].id;
    if (l_idx != first) ++s_idx;
    if (l.role == kExtraRole) continue;
    PositionResult& p = c.positions[static_cast<size_t>(l.role)];
    if (l_idx == first || l_idx == first + 1) {
      p.a = longer_is_a ? l.id : other;
      p.b = longer_is_a ? other : l.id;
      p.agreement = Agreement::kAgree;
      p.comparison = {TokenMatch::kFolded, 0.98};
      continue;
    }
    if (longer_is_a) {
      Set(table, p, l.id, other);
    } else {
      Set(table, p, other, l.id);
    }
  }
  *out = c;
  return true;
}

bool Agrees(const TokenTable& table, TokenId x, TokenId y) {
  return x != kNoToken && y != kNoToken && CompareTokens(table, x, y).matches();
}
bool Disagrees(const TokenTable& table, TokenId x, TokenId y) {
  return x != kNoToken && y != kNoToken && !CompareTokens(table, x, y).matches();
}

// True when `child`'s chain continues `parent`'s: child's father = parent's
// given name, child's grandfather = parent's father when both are known.
double Score(const std::array<PositionResult, 4>& positions);

// A kunya in place of the given name (أبو علي محمد عيسى زيدان, "Abu Ali"
// son of محمد): the parser reads the next name as the given name, so the
// record looks like the father of the same man named in full elsewhere.
// Read the kunya side with its names shifted one place up (given unknown,
// father = the parsed given name, ...); when every position that both give
// then agrees, on father and family at least, the pair is one person whose
// given name one record does not give. Writes the reading into `result`.
bool KunyaReading(const TokenTable& table, const NameChain& a, const NameChain& b,
                  ChainComparison* result) {
  auto shifted = [](const NameChain& chain) {
    NameChain out;
    out.father = chain.given;
    out.grandfather = chain.father;
    out.family = chain.family;
    return out;
  };
  for (const bool a_has_kunya : {true, false}) {
    const NameChain& kunya_side = a_has_kunya ? a : b;
    if (!kunya_side.has(kChainKunya) || kunya_side.given == kNoToken ||
        kunya_side.kunya == kNoToken) {
      continue;
    }
    // "Abu Ali" next to a man named Ali is Ali's father, not Ali: the kunya's
    // skeleton is أبو/أم (one letter) followed by the son's.
    const std::string& kunya = table.Info(kunya_side.kunya).analysis.skeleton;
    const TokenId other_given = a_has_kunya ? b.given : a.given;
    if (other_given != kNoToken && kunya.size() > 1) {
      const std::string& son = table.Info(other_given).analysis.skeleton;
      if (!son.empty() && kunya.compare(1, std::string::npos, son) == 0) continue;
    }
    const NameChain reading = shifted(kunya_side);
    const Candidate c = a_has_kunya ? Positional(table, reading, b) : Positional(table, a, reading);
    bool disagree = c.extra_disagreements > 0;
    for (const PositionResult& position : c.positions) {
      disagree = disagree || position.agreement == Agreement::kDisagree;
    }
    if (disagree || c.positions[1].agreement != Agreement::kAgree ||
        c.positions[3].agreement != Agreement::kAgree) {
      continue;
    }
    result->positions = c.positions;
    result->alignment = AlignmentKind::kShifted;
    result->alignment_note =
        a_has_kunya ? "a's kunya stands for its given name" : "b's kunya stands for its given name";
    result->relation = ChainRelation::kInsufficient;
    result->score = Score(c.positions);
    return true;
  }
  return false;
}

// Brothers' given names are two names, not one name misspelt: both known
// names, or spellings that do not look alike (a score below 0.5: Jaro-Winkler
// below 0.625). A spelling we do not know that looks like the other name
// (حسيت / حسبن, Alg / علي, Moha / منى) may be that name misspelt; the model,
// not the household rule, then weighs the pair (realistic pairwise F1 +0.0004
// to +0.0018 on six cases, hard +0.004; 0.4 and 0.6 a little lower).
bool ClearlyDifferentGivenNames(const TokenTable& table, const PositionResult& given) {
  constexpr double kLookAlikeScore = 0.5;
  return (table.Info(given.a).known() && table.Info(given.b).known()) ||
         given.comparison.score < kLookAlikeScore;
}

bool ParentOf(const TokenTable& table, const NameChain& parent, const NameChain& child) {
  if (!Agrees(table, child.father, parent.given)) return false;
  if (Agrees(table, child.given, parent.given)) return false;
  if (Disagrees(table, child.grandfather, parent.father)) return false;
  if (Disagrees(table, child.family, parent.family)) return false;
  return true;
}

double Score(const std::array<PositionResult, 4>& positions) {
  double total = 0.0;
  double weight = 0.0;
  for (size_t role = 0; role < positions.size(); ++role) {
    if (positions[role].agreement == Agreement::kMissing) continue;
    total += kWeights[role] * positions[role].comparison.score;
    weight += kWeights[role];
  }
  return weight > 0.0 ? total / weight : 0.0;
}

}  // namespace

std::string_view ChainRoleName(ChainRole role) {
  switch (role) {
    case ChainRole::kGiven:
      return "given";
    case ChainRole::kFather:
      return "father";
    case ChainRole::kGrandfather:
      return "grandfather";
    case ChainRole::kFamily:
      return "family";
  }
  return "given";
}

std::string_view AgreementName(Agreement agreement) {
  switch (agreement) {
    case Agreement::kAgree:
      return "agree";
    case Agreement::kDisagree:
      return "disagree";
    case Agreement::kMissing:
      return "missing";
  }
  return "missing";
}

std::string_view ChainRelationName(ChainRelation relation) {
  switch (relation) {
    case ChainRelation::kSamePerson:
      return "same-person";
    case ChainRelation::kSiblings:
      return "siblings";
    case ChainRelation::kParentChild:
      return "a-child-of-b";
    case ChainRelation::kChildParent:
      return "a-parent-of-b";
    case ChainRelation::kInsufficient:
      return "insufficient";
    case ChainRelation::kDifferent:
      return "different";
  }
  return "different";
}

std::string_view AlignmentKindName(AlignmentKind kind) {
  switch (kind) {
    case AlignmentKind::kPositional:
      return "positional";
    case AlignmentKind::kDropped:
      return "dropped";
    case AlignmentKind::kMerged:
      return "merged";
    case AlignmentKind::kShifted:
      return "shifted";
  }
  return "positional";
}

ChainComparison CompareChains(const TokenTable& table, const NameChain& a, const NameChain& b) {
  ChainComparison result;
  // Placeholders for unnamed children: compare the parents only.
  if (a.has(kChainPlaceholder) || b.has(kChainPlaceholder)) {
    result.relation = ChainRelation::kInsufficient;
    result.alignment_note = "placeholder for an unnamed child";
    if (a.has(kChainPlaceholder) && b.has(kChainPlaceholder) && !a.parent.empty() &&
        a.parent.size() == b.parent.size()) {
      bool all = true;
      for (size_t idx = 0; idx < a.parent.size(); ++idx) {
        all = all && Agrees(table, a.parent[idx], b.parent[idx]);
      }
      if (all) result.alignment_note = "both unnamed children of the same parent";
    }
    return result;
  }

  Candidate best = Positional(table, a, b);
  // The other alignments need one chain a token longer (most pairs are not).
  const size_t na = SlotCount(a);
  const size_t nb = SlotCount(b);
  if (na >= 2 && nb >= 2 && (na == nb + 1 || nb == na + 1)) {
    const Slots sa(a);
    const Slots sb(b);
    const bool a_longer = sa.size() > sb.size();
    const Slots& longer = a_longer ? sa : sb;
    const Slots& shorter = a_longer ? sb : sa;
    for (size_t dropped = 1; dropped < longer.size(); ++dropped) {
      Candidate c = Dropped(table, longer, shorter, dropped, a_longer);
      if (Value(c) > Value(best)) best = std::move(c);
    }
    for (size_t first = 0; first + 1 < longer.size(); ++first) {
      Candidate c;
      if (Merged(table, longer, shorter, first, a_longer, &c) && Value(c) > Value(best)) {
        best = std::move(c);
      }
    }
  }
  result.positions = best.positions;
  result.alignment = best.kind;
  result.alignment_note = Note(best);
  result.score = Score(best.positions);

  // Kunya-only records compare on the kunya.
  TokenId given_a = a.given;
  TokenId given_b = b.given;
  if (given_a == kNoToken && given_b == kNoToken && a.kunya != kNoToken && b.kunya != kNoToken) {
    Set(table, result.positions[0], a.kunya, b.kunya);
    given_a = a.kunya;
    given_b = b.kunya;
  }
  const auto& p = result.positions;
  bool any_disagree = best.extra_disagreements > 0;
  for (const PositionResult& position : p) {
    any_disagree = any_disagree || position.agreement == Agreement::kDisagree;
  }
  const Agreement given = p[0].agreement;
  if (given_a == kNoToken || given_b == kNoToken) {
    result.relation = ChainRelation::kInsufficient;
  } else if (given == Agreement::kAgree && !any_disagree) {
    result.relation = ChainRelation::kSamePerson;
  } else if (KunyaReading(table, a, b, &result)) {
    // Set by KunyaReading; before siblings, whose given names a kunya's
    // shifted chain would read one place off.
  } else if (given == Agreement::kDisagree && p[1].agreement == Agreement::kAgree &&
             p[2].agreement != Agreement::kDisagree && p[3].agreement != Agreement::kDisagree &&
             best.extra_disagreements == 0 && ClearlyDifferentGivenNames(table, p[0])) {
    result.relation = ChainRelation::kSiblings;
  } else if (ParentOf(table, b, a)) {
    result.relation = ChainRelation::kParentChild;
    result.alignment = AlignmentKind::kShifted;
    result.alignment_note = "a's father is b's given name";
  } else if (ParentOf(table, a, b)) {
    result.relation = ChainRelation::kChildParent;
    result.alignment = AlignmentKind::kShifted;
    result.alignment_note = "b's father is a's given name";
  } else {
    result.relation = ChainRelation::kDifferent;
  }
  if (result.relation != ChainRelation::kSamePerson) result.score = std::min(result.score, 0.6);
  return result;
}

}  // namespace reckon::text
