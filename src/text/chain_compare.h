// Comparing two name chains position by position.
//
// The chains are aligned in one of three ways and the alignment with the most
// agreeing positions wins (positional first on ties):
//   positional  given~given, father~father, grandfather~grandfather,
//               family~family; a position missing on one side is "missing".
//   dropped     when one chain has one token more, each of its tokens except
//               the given name is tried as the dropped one (a grandfather or
//               father left out, or a family name missing).
//   merged      when one chain has one token more, two adjacent tokens whose
//               folded forms concatenate to the other chain's token
//               (عبد + الله vs عبدالله when not recognised as a compound).
// Tokens agree when CompareTokens says they match (token_compare.h).
// The relation read from the winning alignment:
//   kSamePerson   the given names agree and no position disagrees.
//   kSiblings     the given names disagree, the fathers agree, nothing else
//                 disagrees (brothers killed together: same father,
//                 grandfather and family name).
//   kParentChild  a's father agrees with b's given name, a's grandfather (if
//                 both known) with b's father, family names do not disagree:
//                 a is b's child. kChildParent is the mirror.
//   kInsufficient one side has no given name (empty, or a placeholder for an
//                 unnamed child) and the two cannot be told apart; two
//                 placeholders with agreeing parents are kInsufficient too,
//                 since twins share parents.
//   kDifferent    anything else.
// Only kSamePerson is a match. The score in [0, 1] weighs the token scores of
// the aligned positions (given 0.4, father 0.25, grandfather 0.1, family 0.25)
// and is capped at 0.6 for any relation other than kSamePerson.
//
// Thread-safety: pure function of immutable table entries; safe from any
// thread.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "text/name_chain.h"
#include "text/token_compare.h"

namespace reckon::text {

enum class ChainRole : uint8_t { kGiven = 0, kFather = 1, kGrandfather = 2, kFamily = 3 };
enum class Agreement : uint8_t { kAgree, kDisagree, kMissing };
enum class ChainRelation : uint8_t {
  kSamePerson,
  kSiblings,
  kParentChild,  // a is b's child
  kChildParent,  // a is b's parent
  kInsufficient,
  kDifferent,
};
enum class AlignmentKind : uint8_t { kPositional, kDropped, kMerged, kShifted };

std::string_view ChainRoleName(ChainRole role);
std::string_view AgreementName(Agreement agreement);
std::string_view ChainRelationName(ChainRelation relation);
std::string_view AlignmentKindName(AlignmentKind kind);

struct PositionResult {
  TokenId a = kNoToken;
  TokenId b = kNoToken;
  Agreement agreement = Agreement::kMissing;
  TokenComparison comparison;  // meaningful when both tokens are present
};

struct ChainComparison {
  std::array<PositionResult, 4> positions;  // indexed by ChainRole
  AlignmentKind alignment = AlignmentKind::kPositional;
  std::string alignment_note;  // e.g. "b omits a's grandfather"
  ChainRelation relation = ChainRelation::kInsufficient;
  double score = 0.0;
  bool matches() const { return relation == ChainRelation::kSamePerson; }
};

ChainComparison CompareChains(const TokenTable& table, const NameChain& a, const NameChain& b);

}  // namespace reckon::text
