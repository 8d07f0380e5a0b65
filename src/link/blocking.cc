#include "link/blocking.h"

#include <algorithm>
#include <cstddef>
#include <functional>
#include <map>

#include "link/parallel.h"
#include "text/token_compare.h"
#include "text/utf8.h"

namespace reckon::link {
namespace {

// FNV-1a over the parts of a key; 0 is reserved for "no key".
class KeyHash {
 public:
  KeyHash& Add(std::string_view part) {
    for (const char c : part) {
      hash_ ^= static_cast<unsigned char>(c);
      hash_ *= 1099511628211ULL;
    }
    hash_ ^= 0xFF;  // separator, so ("ab","c") differs from ("a","bc")
    hash_ *= 1099511628211ULL;
    return *this;
  }
  KeyHash& Add(int64_t number) { return Add(std::to_string(number)); }
  uint64_t value() const { return hash_ == 0 ? 1 : hash_; }

 private:
  uint64_t hash_ = 1469598103934665603ULL;
};

using KeyFunction = std::function<uint64_t(const LinkRecord&)>;

struct Rule {
  std::string name;
  KeyFunction key;
  // A second reading of the same record under the same rule (0: none): a
  // record whose name order was guessed, or whose kunya stands for its given
  // name, also joins the block its other reading belongs to.
  KeyFunction alternate;
  // Which of the block's pairs the rule offers (null: all of them).
  std::function<bool(const LinkRecord&, const LinkRecord&)> keep;
};

// The month most records died in (-1 if none has a date): a massacre's.
int ModalMonth(const std::vector<LinkRecord>& records) {
  std::map<int, size_t> months;
  for (const LinkRecord& r : records) {
    if (r.death_precision != DatePrecision::kNone) ++months[r.death_day / 30];
  }
  int modal = -1;
  size_t most = 0;
  for (const auto& [month, count] : months) {
    if (count > most) modal = month, most = count;
  }
  return modal;
}

std::vector<Rule> DefaultRules(const text::TokenTable& tokens, int modal_month) {
  auto skeleton = [&tokens](text::TokenId id) -> std::string_view {
    if (id == text::kNoToken) return {};
    const auto& analysis = tokens.Info(id).analysis;
    return analysis.skeleton.empty() ? std::string_view(analysis.folded)
                                     : std::string_view(analysis.skeleton);
  };
  std::vector<Rule> rules;
  rules.push_back({"given + family name",
                   [skeleton](const LinkRecord& r) -> uint64_t {
                     const auto given = skeleton(r.chain.given);
                     const auto family = skeleton(r.chain.family);
                     if (given.empty() || family.empty()) return 0;
                     return KeyHash().Add("gf").Add(given).Add(family).value();
                   },
                   // Family name first: the parsed given name is the family
                   // name and the parsed father the given name.
                   [skeleton](const LinkRecord& r) -> uint64_t {
                     if (!r.order_guessed) return 0;
                     const auto given = skeleton(r.chain.father);
                     const auto family = skeleton(r.chain.given);
                     if (given.empty() || family.empty()) return 0;
                     return KeyHash().Add("gf").Add(given).Add(family).value();
                   },
                   nullptr});
  rules.push_back({"given + father name",
                   [skeleton](const LinkRecord& r) -> uint64_t {
                     const auto given = skeleton(r.chain.given);
                     const auto father = skeleton(r.chain.father);
                     if (given.empty() || father.empty()) return 0;
                     return KeyHash().Add("gp").Add(given).Add(father).value();
                   },
                   [skeleton](const LinkRecord& r) -> uint64_t {
                     if (!r.order_guessed) return 0;
                     const auto given = skeleton(r.chain.father);
                     const auto father =
                         skeleton(r.chain.grandfather != text::kNoToken ? r.chain.grandfather
                                                                        : r.chain.family);
                     if (given.empty() || father.empty()) return 0;
                     return KeyHash().Add("gp").Add(given).Add(father).value();
                   },
                   nullptr});
  // Father + family + month key (0 if a name is missing).
  auto father_family = [skeleton](text::TokenId father_token, text::TokenId family_token,
                                  int month) -> uint64_t {
    const auto father = skeleton(father_token);
    const auto family = skeleton(family_token);
    if (father.empty() || family.empty()) return 0;
    return KeyHash().Add("pf").Add(father).Add(family).Add(month).value();
  };
  rules.push_back(
      {"father + family name + month of death",
       // Records without a date share a "month" of their own: a register of
       // names, sex and age only had no key but given + family and given +
       // father, and lost every pair with a typo in the given name.
       [father_family](const LinkRecord& r) -> uint64_t {
         const int month = r.death_precision == DatePrecision::kNone ? -1 : r.death_day / 30;
         return father_family(r.chain.father, r.chain.family, month);
       },
       // A record without a date also joins the month most records died in
       // (one list's missing date cost a tenth of this rule's pairs); a kunya
       // in place of the given name: the parsed given name is the father.
       [father_family, modal_month](const LinkRecord& r) -> uint64_t {
         if (r.death_precision == DatePrecision::kNone) {
           return modal_month < 0 ? 0 : father_family(r.chain.father, r.chain.family, modal_month);
         }
         if (!r.chain.has(text::kChainKunya)) return 0;
         return father_family(r.chain.given, r.chain.family, r.death_day / 30);
       },
       nullptr});
  rules.push_back({"given name + day of death + place",
                   [skeleton](const LinkRecord& r) -> uint64_t {
                     const auto given = skeleton(r.chain.given);
                     if (given.empty() || r.death_precision != DatePrecision::kDay) return 0;
                     const uint32_t place = r.place[1] != 0 ? r.place[1] : r.place[2];
                     return KeyHash()
                         .Add("gd")
                         .Add(given)
                         .Add(r.death_day)
                         .Add(static_cast<int64_t>(place))
                         .value();
                   },
                   nullptr, nullptr});
  // Arabic records only: a slip of the dots (غلي for علي, جعقر for جعفر) changes
  // the skeleton every other rule keys on.
  rules.push_back({"given + family name without dots",
                   [&tokens](const LinkRecord& r) -> uint64_t {
                     if (r.chain.given == text::kNoToken || r.chain.family == text::kNoToken) {
                       return 0;
                     }
                     const auto& given = tokens.Info(r.chain.given).analysis;
                     const auto& family = tokens.Info(r.chain.family).analysis;
                     if (given.script != text::Script::kArabic ||
                         family.script != text::Script::kArabic) {
                       return 0;
                     }
                     return KeyHash()
                         .Add("gfd")
                         .Add(text::EncodeUtf8(text::Dotless(given.core)))
                         .Add(text::EncodeUtf8(text::Dotless(family.core)))
                         .value();
                   },
                   nullptr, nullptr});
  // A record that gives neither the given name (a kunya, أبو نبيل) nor the
  // father the other gives, or misspells both, shares no name key with its
  // match; the family name, the day, the district and the exact age together
  // still single it out (realistic pairwise F1 +0 to +0.001 on seven cases
  // for 0.1-0.2 % more pairs, with the filter below).
  rules.push_back({"family name + day of death + place + age",
                   [skeleton](const LinkRecord& r) -> uint64_t {
                     const auto family = skeleton(r.chain.family);
                     if (family.empty() || r.death_precision != DatePrecision::kDay ||
                         !r.age_exact || r.age_min < 0) {
                       return 0;
                     }
                     const uint32_t place = r.place[1] != 0 ? r.place[1] : r.place[2];
                     if (place == 0) return 0;
                     return KeyHash()
                         .Add("fda")
                         .Add(family)
                         .Add(r.death_day)
                         .Add(static_cast<int64_t>(place))
                         .Add(static_cast<int64_t>(r.age_min))
                         .value();
                   },
                   nullptr,
                   // Two different known given names are two people: the
                   // rule is for the other pairs, and leaving those out keeps
                   // it small in large runs (at a million records: 10.0 ->
                   // 1.7 million pairs). A kunya's parsed given name is its
                   // father's (أبو نبيل حسن ...: حسن), so such a pair stays.
                   [&tokens](const LinkRecord& x, const LinkRecord& y) {
                     auto known = [&tokens](text::TokenId id) {
                       return id != text::kNoToken && tokens.Info(id).known();
                     };
                     if (x.chain.has(text::kChainKunya) || y.chain.has(text::kChainKunya)) {
                       return true;
                     }
                     return !(known(x.chain.given) && known(y.chain.given)) ||
                            text::CompareTokens(tokens, x.chain.given, y.chain.given).matches();
                   }});
  rules.push_back({"kunya or alias + family name",
                   [skeleton](const LinkRecord& r) -> uint64_t {
                     const auto kunya = skeleton(r.chain.kunya);
                     if (kunya.empty()) return 0;
                     return KeyHash().Add("k").Add(kunya).Add(skeleton(r.chain.family)).value();
                   },
                   nullptr, nullptr});
  return rules;
}

// One rule's blocks: records sharing a key, consecutive in `members`; a large
// block's records are sorted for the sorted neighbourhood.
struct RuleBlocks {
  std::vector<uint32_t> members;
  std::vector<size_t> starts;  // block b is members[starts[b] .. starts[b + 1])
  const Rule* rule = nullptr;
};

RuleBlocks MakeBlocks(const Rule& rule, const std::vector<LinkRecord>& records,
                      const BlockingSettings& settings, RuleReport& report) {
  std::vector<std::pair<uint64_t, uint32_t>> keyed;
  for (uint32_t i = 0; i < records.size(); ++i) {
    const uint64_t key = rule.key(records[i]);
    if (key != 0) keyed.emplace_back(key, i);
    const uint64_t other = rule.alternate ? rule.alternate(records[i]) : 0;
    if (other != 0 && other != key) keyed.emplace_back(other, i);
  }
  std::sort(keyed.begin(), keyed.end());
  RuleBlocks blocks;
  blocks.rule = &rule;
  for (size_t start = 0; start < keyed.size();) {
    size_t end = start;
    while (end < keyed.size() && keyed[end].first == keyed[start].first) ++end;
    const size_t size = end - start;
    if (size >= 2) {
      ++report.blocks;
      report.largest_block = std::max<uint64_t>(report.largest_block, size);
      blocks.starts.push_back(blocks.members.size());
      for (size_t x = start; x < end; ++x) blocks.members.push_back(keyed[x].second);
      if (size > settings.max_block) {
        ++report.large_blocks;
        std::sort(blocks.members.end() - static_cast<std::ptrdiff_t>(size), blocks.members.end(),
                  [&records](uint32_t a, uint32_t b) {
                    const LinkRecord& x = records[a];
                    const LinkRecord& y = records[b];
                    if (x.death_day != y.death_day) return x.death_day < y.death_day;
                    if (x.age_min != y.age_min) return x.age_min < y.age_min;
                    return a < b;
                  });
      }
    }
    start = end;
  }
  blocks.starts.push_back(blocks.members.size());
  return blocks;
}

// Calls emit(i, j) for every pair of the rule's blocks that the rule keeps.
template <typename Emit>
void ForEachPair(const RuleBlocks& blocks, const std::vector<LinkRecord>& records,
                 const BlockingSettings& settings, Emit emit) {
  const auto& keep = blocks.rule->keep;
  for (size_t b = 0; b + 1 < blocks.starts.size(); ++b) {
    const uint32_t* members = blocks.members.data() + blocks.starts[b];
    const size_t size = blocks.starts[b + 1] - blocks.starts[b];
    const size_t window = size <= settings.max_block ? size : settings.window;
    for (size_t x = 0; x < size; ++x) {
      const size_t end = std::min(size, x + 1 + window);
      for (size_t y = x + 1; y < end; ++y) {
        if (!keep || keep(records[members[x]], records[members[y]])) emit(members[x], members[y]);
      }
    }
  }
}

}  // namespace

size_t CandidatePairs::Find(uint32_t i, uint32_t j) const {
  if (i > j) std::swap(i, j);
  if (static_cast<size_t>(i) + 1 >= offset.size()) return SIZE_MAX;
  size_t length = offset[i + 1] - offset[i];
  if (length == 0) return SIZE_MAX;
  // Binary search without branches on the comparisons (a conditional move
  // each step): clustering looks up millions of pairs at random, and a
  // branch there mispredicts every other step. Both entries the next step
  // may read are loaded meanwhile (a row is rarely in the cache).
  const uint32_t* base = second.data() + offset[i];
  while (length > 1) {
    const size_t half = length / 2;
    __builtin_prefetch(base + half / 2);
    __builtin_prefetch(base + half + half / 2);
    base = base[half] < j ? base + half : base;
    length -= half;
  }
  // The first entry not below j is base or the one after it.
  if (*base < j) ++base;
  const uint32_t* end = second.data() + offset[i + 1];
  return base != end && *base == j ? static_cast<size_t>(base - second.data()) : SIZE_MAX;
}

uint32_t CandidatePairs::FirstOf(size_t k) const {
  return static_cast<uint32_t>(std::upper_bound(offset.begin(), offset.end(), k) - offset.begin() -
                               1);
}

CompactBlockingResult BlockPairsCompact(const std::vector<LinkRecord>& records,
                                        const text::TokenTable& tokens,
                                        const BlockingSettings& settings, size_t threads) {
  CompactBlockingResult result;
  const std::vector<Rule> default_rules = DefaultRules(tokens, ModalMonth(records));
  std::vector<RuleBlocks> rules;
  for (const Rule& rule : default_rules) {
    RuleReport report;
    report.name = rule.name;
    rules.push_back(MakeBlocks(rule, records, settings, report));
    result.rules.push_back(std::move(report));
  }
  // Counting sort by the first record: count, place, then sort and
  // deduplicate each row.
  const size_t n = records.size();
  std::vector<uint64_t> cursor(n + 1, 0);
  for (size_t r = 0; r < rules.size(); ++r) {
    uint64_t offered = 0;
    ForEachPair(rules[r], records, settings, [&](uint32_t i, uint32_t j) {
      ++cursor[std::min(i, j) + 1];
      ++offered;
    });
    result.rules[r].pairs = offered;  // the pairs a rule's filter kept
  }
  for (size_t i = 0; i < n; ++i) cursor[i + 1] += cursor[i];
  std::vector<uint64_t> row_start = cursor;
  UninitializedVector<uint32_t> second(cursor[n]);  // each entry written once, below
  for (const RuleBlocks& blocks : rules) {
    ForEachPair(blocks, records, settings, [&](uint32_t i, uint32_t j) {
      if (i > j) std::swap(i, j);
      second[cursor[i]++] = j;
    });
  }
  rules.clear();
  rules.shrink_to_fit();
  std::vector<uint32_t> unique_count(n, 0);
  ParallelFor(n, threads, [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      const auto first = second.begin() + static_cast<std::ptrdiff_t>(row_start[i]);
      const auto last = second.begin() + static_cast<std::ptrdiff_t>(row_start[i + 1]);
      std::sort(first, last);
      unique_count[i] = static_cast<uint32_t>(std::unique(first, last) - first);
    }
  });
  CandidatePairs& pairs = result.pairs;
  pairs.offset.assign(n + 1, 0);
  size_t write = 0;
  for (size_t i = 0; i < n; ++i) {
    pairs.offset[i] = write;
    std::copy(second.begin() + static_cast<std::ptrdiff_t>(row_start[i]),
              second.begin() + static_cast<std::ptrdiff_t>(row_start[i] + unique_count[i]),
              second.begin() + static_cast<std::ptrdiff_t>(write));
    write += unique_count[i];
  }
  pairs.offset[n] = write;
  second.resize(write);
  pairs.second = std::move(second);
  return result;
}

BlockingResult BlockPairs(const std::vector<LinkRecord>& records, const text::TokenTable& tokens,
                          const BlockingSettings& settings) {
  CompactBlockingResult compact = BlockPairsCompact(records, tokens, settings);
  BlockingResult result;
  result.rules = std::move(compact.rules);
  const CandidatePairs& pairs = compact.pairs;
  result.pairs.reserve(pairs.size());
  for (size_t i = 0; i + 1 < pairs.offset.size(); ++i) {
    for (size_t k = pairs.offset[i]; k < pairs.offset[i + 1]; ++k) {
      result.pairs.push_back(MakePair(static_cast<uint32_t>(i), pairs.second[k]));
    }
  }
  return result;
}

std::vector<uint32_t> BlockNeighbours(const std::vector<LinkRecord>& records,
                                      const text::TokenTable& tokens, uint32_t index) {
  std::vector<uint32_t> out;
  for (const Rule& rule : DefaultRules(tokens, ModalMonth(records))) {
    const uint64_t key = rule.key(records[index]);
    const uint64_t other = rule.alternate ? rule.alternate(records[index]) : 0;
    if (key == 0 && other == 0) continue;
    auto shares = [&](uint64_t k) { return k != 0 && (k == key || k == other); };
    for (uint32_t j = 0; j < records.size(); ++j) {
      if (j == index) continue;
      if ((shares(rule.key(records[j])) ||
           (rule.alternate && shares(rule.alternate(records[j])))) &&
          (!rule.keep || rule.keep(records[index], records[j]))) {
        out.push_back(j);
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace reckon::link
