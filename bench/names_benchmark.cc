// Name normalisation and comparison throughput (src/text/, docs/names.md).
//
// A list of one million full names is generated from name tables with a
// fixed seed: Arabic or Latin script, 2 to 4 chain tokens, compounds,
// articles, spelling variants, orthographic noise (hamza, taa marbuta,
// tashkeel). Reported counters:
//   BM_ParseNamesCold   names/s through ParseChain with an empty token table
//                       (every distinct token analysed with ICU once)
//   BM_ParseNamesWarm   names/s with every token already in the table
//   BM_CompareTokens    token comparisons/s on random pairs of distinct tokens
//   BM_CompareChains    chain comparisons/s on random pairs of parsed names
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "text/chain_compare.h"

namespace reckon::text {
namespace {

constexpr size_t kNames = 1'000'000;
constexpr uint64_t kSeed = 20250306;

const std::vector<std::string>& GivenArabic() {
  static const std::vector<std::string> v = {
      "محمد", "أحمد",    "احمد",  "علي",   "حسن",      "حسين",    "يوسف",       "عمر",
      "خالد", "إبراهيم", "مصطفى", "محمود", "عبد الله", "عبدالله", "عبد الرحمن", "نور الدين",
      "سعيد", "سامر",    "رامي",  "وائل",  "طارق",     "هشام",    "غسان",       "فادي",
      "ماهر", "بشار",    "أيمن",  "زياد",  "مُحَمَّد",     "فاطمة",   "فاطمه",      "زينب",
      "مريم", "عائشة",   "خديجة", "نور",   "هدى",      "سارة",    "ليلى",       "رنا",
      "ريم",  "سلمى",    "جمال",  "كريم",  "باسل",     "مازن",    "منير",       "ياسر",
      "عماد", "أسامة",   "مؤمن",  "رائد",  "علاء"};
  return v;
}
const std::vector<std::string>& GivenLatin() {
  static const std::vector<std::string> v = {
      "Mohammad", "Mohammed", "Muhammad",      "Mohamed",     "Ahmad",       "Ahmed",
      "Ali",      "Hassan",   "Hussein",       "Husain",      "Youssef",     "Yusuf",
      "Omar",     "Khaled",   "Khalid",        "Ibrahim",     "Mustafa",     "Mahmoud",
      "Abdullah", "Abdallah", "Abd al-Rahman", "Abdulrahman", "Nour al-Din", "Noureddine",
      "Said",     "Saeed",    "Samer",         "Rami",        "Wael",        "Tarek",
      "Hisham",   "Ghassan",  "Fadi",          "Maher",       "Bashar",      "Ayman",
      "Ziad",     "Fatima",   "Fatmeh",        "Zainab",      "Zeinab",      "Maryam",
      "Aisha",    "Khadija",  "Nour",          "Huda",        "Sara",        "Layla",
      "Rana",     "Reem",     "Salma",         "Jamal",       "Karim",       "Basel",
      "Mazen",    "Mounir",   "Yasser",        "Imad",        "Osama",       "Raed",
      "Alaa"};
  return v;
}
const std::vector<std::string>& FamilyArabic() {
  static const std::vector<std::string> v = {
      "الخطيب", "حداد",   "درويش",  "المصري",  "الحلبي",  "الشامي",  "نجار",    "صباغ",
      "قباني",  "الزعبي", "شاهين",  "الحمصي",  "البيطار", "الرفاعي", "تركماني", "العلي",
      "الأحمد", "الحسن",  "قدور",   "عبود",    "ابو زيد", "السيد",   "الأسعد",  "ديب",
      "يونس",   "حيدر",   "سليمان", "إسماعيل", "خليل",    "عيسى",    "الجندي",  "العمر",
      "الحسين", "ملحم",   "ناصر",   "جبر",     "عثمان",   "الكردي",  "بركات"};
  return v;
}
const std::vector<std::string>& FamilyLatin() {
  static const std::vector<std::string> v = {
      "al-Khatib", "Khatib",   "Haddad",  "Darwish",  "al-Masri",  "Halabi",  "ash-Shami",
      "Najjar",    "Sabbagh",  "Qabbani", "Zoubi",    "Shaheen",   "Homsi",   "Bitar",
      "Rifai",     "Turkmani", "Al Ali",  "Al-Ahmad", "El Hassan", "Qaddour", "Abboud",
      "Abu Zeid",  "Sayed",    "Asaad",   "Deeb",     "Younes",    "Haidar",  "Suleiman",
      "Ismail",    "Khalil",   "Issa",    "Jundi",    "Omar",      "Hussein", "Melhem",
      "Nasser",    "Jabr",     "Othman",  "Kurdi",    "Barakat"};
  return v;
}

const std::vector<std::string>& Names() {
  static const std::vector<std::string> names = [] {
    std::mt19937_64 rng(kSeed);
    auto pick = [&rng](const std::vector<std::string>& v) -> const std::string& {
      return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng)];
    };
    std::vector<std::string> out;
    out.reserve(kNames);
    // A small pool of invented family names makes the distinct-token count realistic.
    std::vector<std::string> extra_family_ar;
    std::vector<std::string> extra_family_la;
    const std::vector<std::string> syll_ar = {"بر", "كا", "سو", "مي", "دا",
                                              "لو", "حا", "نو", "طي", "قو"};
    const std::vector<std::string> syll_la = {"bar", "ka", "sou", "mi", "da",
                                              "lo",  "ha", "nou", "ti", "qo"};
    for (size_t idx = 0; idx < 5000; ++idx) {
      extra_family_ar.push_back(syll_ar[idx % 10] + syll_ar[(idx / 10) % 10] +
                                syll_ar[(idx / 100) % 10] + (idx >= 1000 ? "ي" : ""));
      std::string la = syll_la[idx % 10] + syll_la[(idx / 10) % 10] + syll_la[(idx / 100) % 10] +
                       (idx >= 1000 ? "i" : "");
      la[0] = static_cast<char>(la[0] - 'a' + 'A');
      extra_family_la.push_back(la);
    }
    std::uniform_int_distribution<int> percent(0, 99);
    for (size_t name_idx = 0; name_idx < kNames; ++name_idx) {
      const bool arabic = percent(rng) < 60;
      const auto& given = arabic ? GivenArabic() : GivenLatin();
      const bool rare_family = percent(rng) < 40;
      const std::string& family = rare_family ? pick(arabic ? extra_family_ar : extra_family_la)
                                              : pick(arabic ? FamilyArabic() : FamilyLatin());
      std::string name = pick(given) + " " + pick(given);
      if (percent(rng) < 50) name += " " + pick(given);
      name += " " + family;
      out.push_back(std::move(name));
    }
    return out;
  }();
  return names;
}

void ParseAll(TokenTable& table, benchmark::State& state) {
  for (const std::string& name : Names()) {
    Result<NameChain> chain = ParseChain(table, name);
    if (!chain.ok()) {
      state.SkipWithError("parse failed");
      return;
    }
    benchmark::DoNotOptimize(chain->given);
  }
}

void BM_ParseNamesCold(benchmark::State& state) {
  Names();
  size_t distinct = 0;
  for (auto _ : state) {
    TokenTable table;
    ParseAll(table, state);
    distinct = table.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(kNames));
  state.counters["distinct_tokens"] = static_cast<double>(distinct);
}
BENCHMARK(BM_ParseNamesCold)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3);

void BM_ParseNamesWarm(benchmark::State& state) {
  TokenTable table;
  ParseAll(table, state);
  for (auto _ : state) ParseAll(table, state);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(kNames));
}
BENCHMARK(BM_ParseNamesWarm)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3);

void BM_CompareTokens(benchmark::State& state) {
  TokenTable table;
  ParseAll(table, state);
  const auto distinct = static_cast<TokenId>(table.size());
  std::mt19937_64 rng(kSeed);
  std::uniform_int_distribution<TokenId> any(0, distinct - 1);
  constexpr size_t kPairs = 1 << 20;
  std::vector<std::pair<TokenId, TokenId>> pairs(kPairs);
  for (auto& pair : pairs) pair = {any(rng), any(rng)};
  size_t matches = 0;
  for (auto _ : state) {
    for (const auto& [a, b] : pairs) matches += CompareTokens(table, a, b).matches() ? 1u : 0u;
  }
  benchmark::DoNotOptimize(matches);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(kPairs));
}
BENCHMARK(BM_CompareTokens)->Unit(benchmark::kMillisecond)->Repetitions(3);

void BM_CompareChains(benchmark::State& state) {
  TokenTable table;
  std::vector<NameChain> chains;
  constexpr size_t kChains = 100'000;
  for (size_t idx = 0; idx < kChains; ++idx) {
    Result<NameChain> chain = ParseChain(table, Names()[idx]);
    if (chain.ok()) chains.push_back(*chain);
  }
  std::mt19937_64 rng(kSeed);
  std::uniform_int_distribution<size_t> any(0, chains.size() - 1);
  size_t same = 0;
  for (auto _ : state) {
    for (size_t idx = 0; idx < kChains; ++idx) {
      same += CompareChains(table, chains[any(rng)], chains[any(rng)]).matches() ? 1u : 0u;
    }
  }
  benchmark::DoNotOptimize(same);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(kChains));
}
BENCHMARK(BM_CompareChains)->Unit(benchmark::kMillisecond)->Repetitions(3);

}  // namespace
}  // namespace reckon::text

BENCHMARK_MAIN();
