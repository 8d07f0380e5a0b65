#include "link/blocking.h"

#include <algorithm>
#include <functional>

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
};

std::vector<Rule> DefaultRules(const text::TokenTable& tokens) {
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
                   }});
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
                   }});
  rules.push_back(
      {"father + family name + month of death",
       [skeleton](const LinkRecord& r) -> uint64_t {
         const auto father = skeleton(r.chain.father);
         const auto family = skeleton(r.chain.family);
         if (father.empty() || family.empty() || r.death_precision == DatePrecision::kNone) {
           return 0;
         }
         return KeyHash().Add("pf").Add(father).Add(family).Add(r.death_day / 30).value();
       },
       // A kunya in place of the given name: the parsed given name is the father.
       [skeleton](const LinkRecord& r) -> uint64_t {
         if (!r.chain.has(text::kChainKunya) || r.death_precision == DatePrecision::kNone) {
           return 0;
         }
         const auto father = skeleton(r.chain.given);
         const auto family = skeleton(r.chain.family);
         if (father.empty() || family.empty()) return 0;
         return KeyHash().Add("pf").Add(father).Add(family).Add(r.death_day / 30).value();
       }});
  rules.push_back({"given name + day of death + place",
                   [skeleton](const LinkRecord& r) -> uint64_t {
                     const auto given = skeleton(r.chain.given);
                     if (given.empty() || r.death_precision != DatePrecision::kDay) return 0;
                     const std::string& place = !r.place[1].empty() ? r.place[1] : r.place[2];
                     return KeyHash().Add("gd").Add(given).Add(r.death_day).Add(place).value();
                   },
                   nullptr});
  rules.push_back({"kunya or alias + family name",
                   [skeleton](const LinkRecord& r) -> uint64_t {
                     const auto kunya = skeleton(r.chain.kunya);
                     if (kunya.empty()) return 0;
                     return KeyHash().Add("k").Add(kunya).Add(skeleton(r.chain.family)).value();
                   },
                   nullptr});
  return rules;
}

void EmitBlock(std::vector<uint32_t>& members, const std::vector<LinkRecord>& records,
               const BlockingSettings& settings, RuleReport& report, std::vector<uint64_t>& out) {
  if (members.size() < 2) return;
  ++report.blocks;
  report.largest_block = std::max<uint64_t>(report.largest_block, members.size());
  if (members.size() <= settings.max_block) {
    for (size_t x = 0; x < members.size(); ++x) {
      for (size_t y = x + 1; y < members.size(); ++y)
        out.push_back(MakePair(members[x], members[y]));
    }
    report.pairs += members.size() * (members.size() - 1) / 2;
    return;
  }
  ++report.large_blocks;
  std::sort(members.begin(), members.end(), [&records](uint32_t a, uint32_t b) {
    const LinkRecord& x = records[a];
    const LinkRecord& y = records[b];
    if (x.death_day != y.death_day) return x.death_day < y.death_day;
    if (x.age_min != y.age_min) return x.age_min < y.age_min;
    return a < b;
  });
  for (size_t x = 0; x < members.size(); ++x) {
    const size_t end = std::min(members.size(), x + 1 + settings.window);
    for (size_t y = x + 1; y < end; ++y) {
      out.push_back(MakePair(members[x], members[y]));
      ++report.pairs;
    }
  }
}

}  // namespace

BlockingResult BlockPairs(const std::vector<LinkRecord>& records, const text::TokenTable& tokens,
                          const BlockingSettings& settings) {
  BlockingResult result;
  std::vector<std::pair<uint64_t, uint32_t>> keyed;
  keyed.reserve(records.size());
  std::vector<uint32_t> members;
  for (const Rule& rule : DefaultRules(tokens)) {
    RuleReport report;
    report.name = rule.name;
    keyed.clear();
    for (uint32_t i = 0; i < records.size(); ++i) {
      const uint64_t key = rule.key(records[i]);
      if (key != 0) keyed.emplace_back(key, i);
      const uint64_t other = rule.alternate ? rule.alternate(records[i]) : 0;
      if (other != 0 && other != key) keyed.emplace_back(other, i);
    }
    std::sort(keyed.begin(), keyed.end());
    for (size_t start = 0; start < keyed.size();) {
      size_t end = start;
      members.clear();
      while (end < keyed.size() && keyed[end].first == keyed[start].first) {
        members.push_back(keyed[end].second);
        ++end;
      }
      EmitBlock(members, records, settings, report, result.pairs);
      start = end;
    }
    result.rules.push_back(std::move(report));
  }
  std::sort(result.pairs.begin(), result.pairs.end());
  result.pairs.erase(std::unique(result.pairs.begin(), result.pairs.end()), result.pairs.end());
  return result;
}

std::vector<uint32_t> BlockNeighbours(const std::vector<LinkRecord>& records,
                                      const text::TokenTable& tokens, uint32_t index) {
  std::vector<uint32_t> out;
  for (const Rule& rule : DefaultRules(tokens)) {
    const uint64_t key = rule.key(records[index]);
    const uint64_t other = rule.alternate ? rule.alternate(records[index]) : 0;
    if (key == 0 && other == 0) continue;
    auto shares = [&](uint64_t k) { return k != 0 && (k == key || k == other); };
    for (uint32_t j = 0; j < records.size(); ++j) {
      if (j == index) continue;
      if (shares(rule.key(records[j])) || (rule.alternate && shares(rule.alternate(records[j])))) {
        out.push_back(j);
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace reckon::link
