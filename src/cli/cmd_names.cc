// reckon names explain NAME... / reckon names compare A B — look inside the
// name library (src/text/, docs/names.md): why the register joined or split
// two records.
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "text/chain_compare.h"
#include "text/similarity.h"
#include "text/transliterate.h"
#include "text/utf8.h"

namespace reckon::cli {
namespace {

using text::NameChain;
using text::TokenId;
using text::TokenTable;

struct NamesOptions {
  std::vector<std::string> names;
  std::string order = "auto";
};

Result<text::NameOrder> ParseOrder(const std::string& order) {
  if (order == "auto") return text::NameOrder::kAuto;
  if (order == "given-first") return text::NameOrder::kGivenFirst;
  if (order == "family-first") return text::NameOrder::kFamilyFirst;
  return Status::InvalidArgument("--order must be auto, given-first or family-first, not '" +
                                 order + "'");
}

std::string Flags(const NameChain& chain) {
  static constexpr std::pair<text::ChainFlag, const char*> kNames[] = {
      {text::kChainPlaceholder, "placeholder"},
      {text::kChainConnector, "connector"},
      {text::kChainFemale, "female-connector"},
      {text::kChainKunya, "kunya"},
      {text::kChainAlias, "alias"},
      {text::kChainNoFamily, "no-family-name"},
      {text::kChainCommaOrder, "comma-order"},
      {text::kChainUnknown, "unknown-name"}};
  std::string out;
  for (const auto& [flag, name] : kNames) {
    if (chain.has(flag)) out += (out.empty() ? "" : ", ") + std::string(name);
  }
  return out.empty() ? "none" : out;
}

std::string Strict(const TokenTable& table, TokenId id) {
  return id == text::kNoToken ? "-" : table.Info(id).analysis.strict;
}

void ExplainToken(const TokenTable& table, const text::ArabicLatinTransliterator* icu,
                  const char* label, TokenId id) {
  if (id == text::kNoToken) return;
  const text::TokenInfo& info = table.Info(id);
  const text::TokenAnalysis& a = info.analysis;
  std::cout << "  " << std::left << std::setw(12) << label << a.strict << "\n";
  std::cout << "      script " << text::ScriptName(a.script) << "; folded " << a.folded;
  if (a.has_article) std::cout << "; article";
  if (a.compound != text::CompoundKind::kNone) {
    std::cout << "; compound " << text::CompoundKindName(a.compound);
  }
  std::cout << "\n      parts";
  for (const std::string& part : a.parts) std::cout << " [" << part << "]";
  std::cout << "; lookup " << a.lookup << "; skeleton " << a.skeleton << "\n";
  std::cout << "      phonetic";
  for (const auto& alternatives : a.forms) {
    std::cout << " ";
    for (size_t alt_idx = 0; alt_idx < alternatives.size(); ++alt_idx) {
      std::cout << (alt_idx ? "|" : "") << text::DescribeForm(alternatives[alt_idx]);
    }
  }
  std::cout << "\n      variants ";
  if (!info.known()) std::cout << "(not in the variant table)";
  for (size_t group_idx = 0; group_idx < info.groups.size(); ++group_idx) {
    std::cout << (group_idx ? "; " : "") << table.variants().Label(info.groups[group_idx]);
  }
  std::cout << "\n";
  if (icu != nullptr && a.script == text::Script::kArabic) {
    std::cout << "      icu Arabic-Latin " << icu->Transliterate(a.strict) << "\n";
  }
}

void ExplainChain(const TokenTable& table, const text::ArabicLatinTransliterator* icu,
                  const std::string& name, const NameChain& chain) {
  std::cout << "name: " << name << "\n";
  std::cout << "  order       " << text::NameOrderName(chain.order) << "\n";
  std::cout << "  flags       " << Flags(chain) << "\n";
  ExplainToken(table, icu, "given", chain.given);
  ExplainToken(table, icu, "father", chain.father);
  ExplainToken(table, icu, "grandfather", chain.grandfather);
  for (TokenId id : chain.extra) ExplainToken(table, icu, "ancestor", id);
  ExplainToken(table, icu, "family", chain.family);
  ExplainToken(table, icu, "kunya", chain.kunya);
  for (TokenId id : chain.aliases) ExplainToken(table, icu, "alias", id);
  for (TokenId id : chain.parent) ExplainToken(table, icu, "parent", id);
}

int RunExplain(const NamesOptions& options) {
  Result<text::NameOrder> order = ParseOrder(options.order);
  if (!order.ok()) return ReportError(order.status());
  TokenTable table;
  auto icu = text::ArabicLatinTransliterator::Create();
  for (const std::string& name : options.names) {
    Result<NameChain> chain = text::ParseChain(table, name, *order);
    if (!chain.ok()) return ReportError(chain.status().WithContext("name '" + name + "'"));
    ExplainChain(table, icu.ok() ? icu->get() : nullptr, name, *chain);
  }
  return 0;
}

void PrintMeasures(const TokenTable& table, TokenId a, TokenId b) {
  const text::TokenAnalysis& x = table.Info(a).analysis;
  const text::TokenAnalysis& y = table.Info(b).analysis;
  std::ostringstream out;
  out << std::fixed << std::setprecision(3);
  if (x.script == y.script) {
    out << "jaro-winkler " << text::JaroWinkler(x.core, y.core) << "; damerau-levenshtein ";
    const int distance = text::BoundedDamerauLevenshtein(x.core, y.core, 3);
    out << (distance > 3 ? std::string(">3") : std::to_string(distance));
  } else {
    out << "skeleton jaro-winkler "
        << text::JaroWinkler(std::string_view(x.skeleton), std::string_view(y.skeleton));
  }
  out << "; skeletons " << x.skeleton << (x.skeleton == y.skeleton ? " = " : " / ") << y.skeleton
      << "; phonetic " << (text::PhoneticallyCompatible(x, y) ? "compatible" : "incompatible");
  std::cout << "      " << out.str() << "\n";
}

int RunCompare(const NamesOptions& options) {
  if (options.names.size() != 2) {
    return ReportError(Status::InvalidArgument("names compare takes exactly two names"));
  }
  Result<text::NameOrder> order = ParseOrder(options.order);
  if (!order.ok()) return ReportError(order.status());
  TokenTable table;
  std::vector<NameChain> chains;
  for (const std::string& name : options.names) {
    Result<NameChain> chain = text::ParseChain(table, name, *order);
    if (!chain.ok()) return ReportError(chain.status().WithContext("name '" + name + "'"));
    chains.push_back(*chain);
  }
  const text::ChainComparison c = text::CompareChains(table, chains[0], chains[1]);
  std::cout << "a: " << options.names[0] << "\n"
            << "b: " << options.names[1] << "\n"
            << "alignment: " << text::AlignmentKindName(c.alignment) << " (" << c.alignment_note
            << ")\n";
  static constexpr text::ChainRole kRoles[] = {text::ChainRole::kGiven, text::ChainRole::kFather,
                                               text::ChainRole::kGrandfather,
                                               text::ChainRole::kFamily};
  for (text::ChainRole role : kRoles) {
    const text::PositionResult& p = c.positions[static_cast<size_t>(role)];
    std::cout << "  " << std::left << std::setw(12) << text::ChainRoleName(role)
              << Strict(table, p.a) << " ~ " << Strict(table, p.b) << ": "
              << text::AgreementName(p.agreement);
    if (p.a != text::kNoToken && p.b != text::kNoToken) {
      std::cout << " (" << text::TokenMatchName(p.comparison.level) << ", score " << std::fixed
                << std::setprecision(3) << p.comparison.score << ")\n";
      PrintMeasures(table, p.a, p.b);
    } else {
      std::cout << "\n";
    }
  }
  if (chains[0].kunya != text::kNoToken || chains[1].kunya != text::kNoToken) {
    std::cout << "  kunya       " << Strict(table, chains[0].kunya) << " ~ "
              << Strict(table, chains[1].kunya) << "\n";
  }
  std::cout << "relation: " << text::ChainRelationName(c.relation) << "\n"
            << "score: " << std::fixed << std::setprecision(3) << c.score << "\n"
            << "match: " << (c.matches() ? "yes" : "no") << "\n";
  return 0;
}

}  // namespace

Command RegisterNames(CLI::App& root) {
  auto options = std::make_shared<NamesOptions>();
  CLI::App* app =
      root.add_subcommand("names", "Explain how Reckon reads and compares names (docs/names.md)");
  app->require_subcommand(1);
  CLI::App* explain = app->add_subcommand(
      "explain", "Show script, strict and folded forms, chain, keys and variants of each name");
  explain->add_option("NAME", options->names, "Full names, one argument each")->required();
  explain->add_option("--order", options->order, "auto, given-first or family-first");
  CLI::App* compare =
      app->add_subcommand("compare", "Compare two names: each measure and the chain alignment");
  compare->add_option("NAMES", options->names, "The two full names")->required()->expected(2);
  compare->add_option("--order", options->order, "auto, given-first or family-first");
  return {app, [options, explain, compare] {
            if (explain->parsed()) return RunExplain(*options);
            if (compare->parsed()) return RunCompare(*options);
            return 2;
          }};
}

}  // namespace reckon::cli
