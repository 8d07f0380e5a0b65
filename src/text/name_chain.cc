#include "text/name_chain.h"

#include <string>

namespace reckon::text {
namespace {

struct RawToken {
  std::string_view text;
  bool in_parens = false;
  bool after_comma = false;
};

// Byte length of a separator at the start of `s`, or 0. Sets *kind to the
// separator's first byte for ASCII separators, ',' for the Arabic comma.
size_t SeparatorLength(std::string_view s, char* kind) {
  const auto c0 = static_cast<unsigned char>(s[0]);
  switch (c0) {
    case ' ':
    case '\t':
    case '\r':
    case '\n':
    case ',':
    case ';':
    case '/':
    case '|':
    case '"':
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
      *kind = static_cast<char>(c0);
      return 1;
    default:
      break;
  }
  if (s.size() >= 2) {
    const auto c1 = static_cast<unsigned char>(s[1]);
    if (c0 == 0xC2 && c1 == 0xA0) {  // NBSP
      *kind = ' ';
      return 2;
    }
    if (c0 == 0xD8 && (c1 == 0x8C || c1 == 0x9B)) {  // Arabic comma, semicolon
      *kind = c1 == 0x8C ? ',' : ';';
      return 2;
    }
  }
  return 0;
}

std::vector<RawToken> SplitRaw(std::string_view name) {
  std::vector<RawToken> out;
  int depth = 0;
  bool comma = false;
  size_t start = 0;
  size_t pos = 0;
  auto flush = [&](size_t end) {
    if (end > start) out.push_back({name.substr(start, end - start), depth > 0, comma});
  };
  while (pos < name.size()) {
    char kind = 0;
    const size_t len = SeparatorLength(name.substr(pos), &kind);
    if (len == 0) {
      ++pos;
      continue;
    }
    flush(pos);
    if (kind == '(' || kind == '[' || kind == '{') ++depth;
    if ((kind == ')' || kind == ']' || kind == '}') && depth > 0) --depth;
    if (kind == ',' && depth == 0 && !out.empty()) comma = true;
    pos += len;
    start = pos;
  }
  flush(pos);
  return out;
}

struct Item {
  std::string raw;
  TokenId id = kNoToken;
  TokenRole role = TokenRole::kName;
  bool in_parens = false;
  bool after_comma = false;
  bool after_connector = false;
};

bool SameGroup(const Item& a, const Item& b) {
  return a.in_parens == b.in_parens && a.after_comma == b.after_comma;
}

// Interns `item.raw` and refreshes its id and role. Tokens without letters
// are marked with kNoToken.
Status InternItem(TokenTable& table, Item& item) {
  Result<TokenId> id = table.Intern(item.raw);
  if (!id.ok()) return id.status();
  const TokenInfo& info = table.Info(*id);
  if (info.analysis.script == Script::kNone) {
    item.id = kNoToken;
    return Status::Ok();
  }
  item.id = *id;
  item.role = info.analysis.role;
  return Status::Ok();
}

// Rule 2: joins compounds written with spaces; re-interns joined items.
Status JoinCompounds(TokenTable& table, std::vector<Item>& items) {
  auto join = [&table](Item& into, const Item& next, bool next_first, TokenRole role) -> Status {
    into.raw = next_first ? next.raw + " " + into.raw : into.raw + " " + next.raw;
    RECKON_RETURN_IF_ERROR(InternItem(table, into));
    into.role = role;
    return Status::Ok();
  };
  // Articles join the next token; the result keeps a suffix role (al + Din).
  for (size_t idx = 0; idx + 1 < items.size(); ++idx) {
    if (items[idx].role == TokenRole::kArticle && SameGroup(items[idx], items[idx + 1]) &&
        (items[idx + 1].role == TokenRole::kName || items[idx + 1].role == TokenRole::kSuffix)) {
      const TokenRole role =
          items[idx + 1].role == TokenRole::kSuffix ? TokenRole::kSuffix : TokenRole::kName;
      RECKON_RETURN_IF_ERROR(join(items[idx], items[idx + 1], false, role));
      items.erase(items.begin() + static_cast<std::ptrdiff_t>(idx) + 1);
    }
  }
  // Prefixes join the next token, right to left so that a prefix before
  // another joins the compound the other makes (أبو عبد الله, Abu Abd
  // al-Latif: a kunya, not أبو and a family name عبد الله).
  for (size_t idx = items.size() < 2 ? 0 : items.size() - 1; idx-- > 0;) {
    const TokenRole role = items[idx].role;
    if ((role == TokenRole::kAbdPrefix || role == TokenRole::kAbuPrefix ||
         role == TokenRole::kUmmPrefix) &&
        SameGroup(items[idx], items[idx + 1]) &&
        (items[idx + 1].role == TokenRole::kName || items[idx + 1].role == TokenRole::kSuffix)) {
      RECKON_RETURN_IF_ERROR(join(items[idx], items[idx + 1], false, TokenRole::kName));
      items.erase(items.begin() + static_cast<std::ptrdiff_t>(idx) + 1);
    }
  }
  // Suffixes join the previous token.
  for (size_t idx = 1; idx < items.size(); ++idx) {
    if (items[idx].role == TokenRole::kSuffix && items[idx - 1].role == TokenRole::kName &&
        SameGroup(items[idx - 1], items[idx])) {
      RECKON_RETURN_IF_ERROR(join(items[idx - 1], items[idx], false, TokenRole::kName));
      items.erase(items.begin() + static_cast<std::ptrdiff_t>(idx));
      --idx;
    }
  }
  // Whatever is left over (a lone article, prefix or suffix) counts as a name.
  for (Item& item : items) {
    if (item.role == TokenRole::kArticle || item.role == TokenRole::kAbdPrefix ||
        item.role == TokenRole::kSuffix || item.role == TokenRole::kAbuPrefix ||
        item.role == TokenRole::kUmmPrefix) {
      item.role = TokenRole::kName;
    }
  }
  return Status::Ok();
}

bool IsKunya(const TokenTable& table, TokenId id) {
  const CompoundKind kind = table.Info(id).analysis.compound;
  return kind == CompoundKind::kAbu || kind == CompoundKind::kUmm;
}

// Rule 6: fills positions from given-first names.
void AssignPositions(std::vector<const Item*> names, bool family_first, NameChain& chain) {
  if (names.empty()) return;
  std::vector<TokenId> ancestors;  // given, father, grandfather, ...
  if (family_first) {
    chain.family = names.front()->id;
    for (size_t idx = 1; idx < names.size(); ++idx) ancestors.push_back(names[idx]->id);
  } else if (names.size() == 1) {
    ancestors.push_back(names.front()->id);
  } else {
    const bool patronymic_only = names.back()->after_connector;
    const size_t count = patronymic_only ? names.size() : names.size() - 1;
    for (size_t idx = 0; idx < count; ++idx) ancestors.push_back(names[idx]->id);
    if (patronymic_only) {
      chain.flags |= kChainNoFamily;
    } else {
      chain.family = names.back()->id;
    }
  }
  if (!ancestors.empty()) chain.given = ancestors[0];
  if (ancestors.size() > 1) chain.father = ancestors[1];
  if (ancestors.size() > 2) chain.grandfather = ancestors[2];
  for (size_t idx = 3; idx < ancestors.size(); ++idx) chain.extra.push_back(ancestors[idx]);
  chain.sequence = ancestors;
  if (chain.family != kNoToken) chain.sequence.push_back(chain.family);
}

Result<NameChain> BuildChain(TokenTable& table, std::vector<Item> items, NameOrder order) {
  NameChain chain;
  RECKON_RETURN_IF_ERROR(JoinCompounds(table, items));

  // Rule 3: connectors, placeholders, fillers.
  std::vector<Item> kept;
  kept.reserve(items.size() + 1);  // pointers into `kept` must survive one more push_back
  bool leading = true;             // nothing but connectors/fillers seen so far
  bool pending_connector = false;
  for (Item& item : items) {
    if (item.id == kNoToken) continue;
    switch (item.role) {
      case TokenRole::kConnector:
      case TokenRole::kConnectorF:
        chain.flags |= kChainConnector;
        if (item.role == TokenRole::kConnectorF) chain.flags |= kChainFemale;
        if (leading) chain.flags |= kChainPlaceholder;
        pending_connector = true;
        continue;
      case TokenRole::kFiller:
        if (leading) chain.flags |= kChainPlaceholder;
        continue;
      case TokenRole::kPlaceholder: {
        chain.flags |= kChainPlaceholder;
        const std::string& folded = table.Info(item.id).analysis.folded;
        if (folded == "unknown" || folded == "مجهول" || folded == "مجهوله") {
          chain.flags |= kChainUnknown;
        }
        continue;
      }
      default:
        break;
    }
    leading = false;
    item.after_connector = pending_connector;
    pending_connector = false;
    kept.push_back(std::move(item));
  }

  // Aliases in parentheses; kunya (rule 4).
  std::vector<const Item*> names;
  for (const Item& item : kept) {
    if (item.in_parens) {
      if (IsKunya(table, item.id) && chain.kunya == kNoToken) {
        chain.kunya = item.id;
        chain.flags |= kChainKunya;
      } else {
        chain.aliases.push_back(item.id);
        chain.flags |= kChainAlias;
      }
      continue;
    }
    names.push_back(&item);
  }
  for (size_t idx = 0; idx < names.size(); ++idx) {
    if (!IsKunya(table, names[idx]->id)) continue;
    const bool family_position = idx + 1 == names.size() && names.size() >= 3;
    if (family_position) continue;
    if (chain.kunya == kNoToken) {
      chain.kunya = names[idx]->id;
      chain.flags |= kChainKunya;
    } else {
      chain.aliases.push_back(names[idx]->id);
    }
    names.erase(names.begin() + static_cast<std::ptrdiff_t>(idx));
    --idx;
  }

  if (chain.has(kChainPlaceholder)) {
    // The remaining names belong to the parent.
    for (const Item* item : names) chain.parent.push_back(item->id);
    if (names.size() >= 2 && !names.back()->after_connector) chain.family = names.back()->id;
    chain.order = NameOrder::kGivenFirst;
    return chain;
  }

  // Rule 5: order.
  bool family_first = order == NameOrder::kFamilyFirst;
  if (order == NameOrder::kAuto && names.size() >= 2) {
    const bool comma = names.back()->after_comma && !names.front()->after_comma;
    if (comma) {
      family_first = true;
      chain.flags |= kChainCommaOrder;
      // Everything before the comma is the family name.
      size_t before = 0;
      while (before < names.size() && !names[before]->after_comma) ++before;
      if (before > 1) {
        Item joined;
        for (size_t idx = 0; idx < before; ++idx) {
          joined.raw += (idx ? " " : "") + names[idx]->raw;
        }
        RECKON_RETURN_IF_ERROR(InternItem(table, joined));
        kept.push_back(joined);  // keeps the storage alive for `names`
        names.erase(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(before));
        names.insert(names.begin(), &kept.back());
      }
    } else {
      const TokenAnalysis& first = table.Info(names.front()->id).analysis;
      const TokenAnalysis& last = table.Info(names.back()->id).analysis;
      size_t caps = 0;
      size_t articles = 0;
      for (const Item* item : names) {
        const TokenAnalysis& a = table.Info(item->id).analysis;
        caps += a.all_caps ? 1 : 0;
        articles += a.has_article ? 1 : 0;
      }
      if (first.all_caps && caps == 1 && !last.all_caps) {
        family_first = true;
      } else if (first.has_article && articles == 1 && names.size() >= 3 &&
                 first.compound == CompoundKind::kNone) {
        family_first = true;
      }
    }
  }
  chain.order = family_first ? NameOrder::kFamilyFirst : NameOrder::kGivenFirst;
  AssignPositions(names, family_first, chain);
  return chain;
}

}  // namespace

std::string_view NameOrderName(NameOrder order) {
  switch (order) {
    case NameOrder::kAuto:
      return "auto";
    case NameOrder::kGivenFirst:
      return "given-first";
    case NameOrder::kFamilyFirst:
      return "family-first";
  }
  return "auto";
}

Result<NameChain> ParseChain(TokenTable& table, std::string_view full_name, NameOrder order) {
  std::vector<Item> items;
  for (const RawToken& raw : SplitRaw(full_name)) {
    Item item;
    item.raw = std::string(raw.text);
    item.in_parens = raw.in_parens;
    item.after_comma = raw.after_comma;
    RECKON_RETURN_IF_ERROR(InternItem(table, item));
    items.push_back(std::move(item));
  }
  return BuildChain(table, std::move(items), order);
}

Result<NameChain> ChainFromFields(TokenTable& table, const NameFields& fields) {
  NameChain chain;
  chain.order = NameOrder::kGivenFirst;
  // One field's names as one token (kNoToken when it has none), or, for the
  // given-name field, the kunya it holds instead of a name.
  auto field_token = [&table, &chain](std::string_view field, bool given) -> Result<TokenId> {
    Result<NameChain> parsed = ParseChain(table, field, NameOrder::kGivenFirst);
    if (!parsed.ok()) return parsed.status();
    if (parsed->sequence.empty()) {
      // A kunya in the given-name field (أبو علي, Umm Jaafar) is what the
      // list calls the person, not a given name: the chain's kunya, and the
      // given name unknown. Read as a given name, it made the person his
      // own brother (same father and family, "different" given name).
      if (given && parsed->kunya != kNoToken) {
        chain.kunya = parsed->kunya;
        chain.flags |= kChainKunya;
      }
      return kNoToken;
    }
    if (parsed->sequence.size() == 1) return parsed->sequence.front();
    // Several names in one field: keep them together as one token.
    return table.Intern(field);
  };
  const std::string_view order[] = {fields.given, fields.father, fields.grandfather, fields.family};
  TokenId* slots[] = {&chain.given, &chain.father, &chain.grandfather, &chain.family};
  for (size_t idx = 0; idx < 4; ++idx) {
    Result<TokenId> id = field_token(order[idx], idx == 0);
    if (!id.ok()) return id.status();
    *slots[idx] = *id;
  }
  for (TokenId id : {chain.given, chain.father, chain.grandfather, chain.family}) {
    if (id != kNoToken) chain.sequence.push_back(id);
  }
  return chain;
}

}  // namespace reckon::text
