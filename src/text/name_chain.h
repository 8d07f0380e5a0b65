// Name structure: a full name split into its chain (given, father,
// grandfather, family), with kunya, aliases and placeholder flags.
//
// Rules, in order (docs/names.md has examples):
//  1. Split on spaces, commas, semicolons, slashes, parentheses and the Arabic
//     comma; hyphens and apostrophes stay inside tokens ("al-Khatib"). Tokens
//     inside parentheses are aliases.
//  2. Join compounds written with spaces: a detached article with the next
//     token (ال خطيب, al Khatib); عبد/Abd/Abdul/Abdel, أبو/Abu and أم/Umm with
//     the next token; الدين/Eddine/al-Din and الله/Allah/Ullah with the
//     previous one.
//  3. Connectors بن/ابن/bin/ibn/ben and بنت/ابنة/bint mark the next token as
//     the previous one's father and are dropped. A name that starts with a
//     connector, or with "son/daughter/child of", is a placeholder for an
//     unnamed child: its tokens name the parent, not the child.
//     Placeholder words (طفل, رضيع, مجهول, baby, infant, unknown, ...) flag it too.
//  4. أبو X / Abu X is a kunya (an alias, not a given name) unless it ends a
//     chain of three or more names, where it is a family name (أحمد محمد أبو زيد).
//  5. Order: a comma means family name first ("Nasser, Rami Ali"); so does a
//     first token in capitals among mixed-case ones ("NASSER Rami Ali"), or a
//     first token with the article when no other has one (الخطيب محمد أحمد).
//     Otherwise given name first. A caller that knows the order passes it.
//  6. Positions, given-first: 1 token = given; 2 = given, family; 3 = given,
//     father, family; 4 = given, father, grandfather, family; more = given,
//     father, grandfather, the rest as extra ancestors, family last. When the
//     last token follows a connector there is no family name (علي بن حسين بن
//     محمد = given, father, grandfather).
//
// Thread-safety: ParseChain only calls TokenTable::Intern (thread-safe); a
// NameChain is a plain value.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "text/token_table.h"

namespace reckon::text {

enum class NameOrder : uint8_t { kAuto, kGivenFirst, kFamilyFirst };

std::string_view NameOrderName(NameOrder order);

enum ChainFlag : uint32_t {
  kChainPlaceholder = 1u << 0,  // an unnamed child ("son of X", ابن X, طفل, baby)
  kChainConnector = 1u << 1,    // بن/bin/ibn used
  kChainFemale = 1u << 2,       // بنت/ابنة/bint used
  kChainKunya = 1u << 3,        // a kunya was found
  kChainAlias = 1u << 4,        // an alias in parentheses
  kChainNoFamily = 1u << 5,     // a pure patronymic chain, no family name
  kChainCommaOrder = 1u << 6,   // family-first decided by a comma
  kChainUnknown = 1u << 7,      // "unknown"/مجهول: no name at all
};

struct NameChain {
  TokenId given = kNoToken;
  TokenId father = kNoToken;
  TokenId grandfather = kNoToken;
  TokenId family = kNoToken;
  std::vector<TokenId> extra;     // ancestors beyond the grandfather, nearest first
  std::vector<TokenId> sequence;  // the chain's tokens given-first (given, father, ..., family)
  TokenId kunya = kNoToken;       // أبو علي / Abu Ali
  std::vector<TokenId> aliases;   // other names in parentheses
  std::vector<TokenId> parent;    // placeholder: the named parent's chain, given-first
  uint32_t flags = 0;
  NameOrder order = NameOrder::kGivenFirst;  // the order detected (or given)

  bool has(ChainFlag flag) const { return (flags & flag) != 0; }
};

// Parses a full name. Errors: DataError for invalid UTF-8.
[[nodiscard]] Result<NameChain> ParseChain(TokenTable& table, std::string_view full_name,
                                           NameOrder order = NameOrder::kAuto);

// The chain given as separate fields (any may be empty; each may hold a
// compound written with spaces). Errors: DataError for invalid UTF-8.
struct NameFields {
  std::string_view given;
  std::string_view father;
  std::string_view grandfather;
  std::string_view family;
};
[[nodiscard]] Result<NameChain> ChainFromFields(TokenTable& table, const NameFields& fields);

}  // namespace reckon::text
