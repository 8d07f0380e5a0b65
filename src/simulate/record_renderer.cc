#include "simulate/record_renderer.h"

#include <array>
#include <cstdio>

#include "simulate/civil_date.h"
#include "simulate/noise.h"
#include "simulate/rng.h"

namespace reckon::simulate {
namespace {

// Causes of death as lists write them, with their shares.
struct Cause {
  std::string_view arabic;
  std::string_view latin;
  double weight;
};
constexpr std::array<Cause, 4> kCauses = {{
    {"إطلاق نار", "gunshot", 0.6},
    {"إعدام ميداني", "field execution", 0.25},
    {"قصف", "shelling", 0.1},
    {"", "", 0.05},  // cause not stated
}};

bool IsCompound(std::string_view text) {
  return text.find(' ') != std::string_view::npos || text.find('-') != std::string_view::npos;
}

std::string JoinNonEmpty(std::initializer_list<const std::string*> parts) {
  std::string out;
  for (const std::string* part : parts) {
    if (part->empty()) continue;
    if (!out.empty()) out.push_back(' ');
    out += *part;
  }
  return out;
}

std::string AgeBand(int age) {
  if (age >= 60) return "60+";
  const int low = age / 10 * 10;
  return std::to_string(low) + "-" + std::to_string(low + 9);
}

// Five-year bands as some lists write them: 35-39, and 80+ at the top.
std::string AgeBand5(int age) {
  if (age >= 80) return "80+";
  const int low = age / 5 * 5;
  return std::to_string(low) + "-" + std::to_string(low + 4);
}

std::string LifeStage(int age, bool latin) {
  if (age < 18) return latin ? "child" : "طفل";
  if (age < 60) return latin ? "adult" : "بالغ";
  return latin ? "elderly" : "مسن";
}

// ASCII letters in capitals (Arabic text is unchanged).
void ToUpperAscii(std::string& text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
}

// A district written as a region: "ريف جبلة" / "منطقة جبلة", "countryside of
// Jableh" / "Jableh area".
std::string RegionName(const AdminUnit& district, bool latin, Rng& rng) {
  const bool countryside = rng.Bernoulli(0.5);
  if (latin) return countryside ? "countryside of " + district.name_en : district.name_en + " area";
  return (countryside ? std::string("ريف ") : std::string("منطقة ")) + district.name_ar;
}

std::string FormatDate(int days, bool month_only, DateFormat format) {
  const CivilDate date = CivilFromDays(days);
  char buffer[16];
  if (month_only) {
    std::snprintf(buffer, sizeof(buffer), "%04d-%02d", date.year, date.month);
  } else if (format == DateFormat::kDayMonthYear) {
    std::snprintf(buffer, sizeof(buffer), "%02d/%02d/%04d", date.day, date.month, date.year);
  } else if (format == DateFormat::kDayMonthYearDots) {
    std::snprintf(buffer, sizeof(buffer), "%02d.%02d.%04d", date.day, date.month, date.year);
  } else {
    std::snprintf(buffer, sizeof(buffer), "%04d-%02d-%02d", date.year, date.month, date.day);
  }
  return buffer;
}

bool HasNames(NameFormat format) { return format != NameFormat::kFullName; }

}  // namespace

RecordRenderer::RecordRenderer(const SimulateConfig& config, const Gazetteer& gazetteer,
                               const NameTables& names)
    : config_(config), gazetteer_(gazetteer), names_(names) {}

std::string RecordRenderer::RenderName(const Name& name, bool latin, const NoiseRates& noise,
                                       Rng& rng) const {
  std::string text;
  if (latin) {
    const bool variant = name.latin.size() > 1 && rng.Bernoulli(noise.translit_variant);
    text = name.latin[variant ? 1 + static_cast<size_t>(rng.Below(name.latin.size() - 1)) : 0];
  } else {
    text = name.arabic;
  }
  const bool compound =
      latin ? IsCompound(text)
            : IsCompound(text) || text.starts_with("عبد") || text.ends_with("الدين");
  if (compound && rng.Bernoulli(noise.compound)) text = CompoundVariant(text, !latin, rng);
  if (rng.Bernoulli(noise.orthographic)) {
    text = latin ? LatinSpellingVariant(text, rng) : ArabicOrthographicVariant(text, rng);
  }
  if (rng.Bernoulli(noise.typo)) text = latin ? LatinTypo(text, rng) : ArabicTypo(text, rng);
  return text;
}

std::string RecordRenderer::RenderFamily(const Name& name, bool latin, const NoiseRates& noise,
                                         Rng& rng) const {
  const std::string stem = RenderName(name, latin, noise, rng);
  const bool restyle = rng.Bernoulli(noise.article);
  if (latin) {
    if (!name.article) return stem;
    const std::vector<std::string_view>& forms = LatinArticleVariants();
    const std::string_view form =
        restyle ? forms[1 + static_cast<size_t>(rng.Below(forms.size() - 1))] : forms[0];
    return std::string(form) + stem;
  }
  // Arabic: the article is dropped, or added to a name that has none.
  const bool with_article = restyle ? !name.article : name.article;
  return with_article ? std::string(kArabicArticle) + stem : stem;
}

std::string RecordRenderer::RenderKunya(const Person& person, bool latin, const NoiseRates& noise,
                                        Rng& rng) const {
  const bool woman = person.sex == Sex::kFemale;
  std::string prefix;
  if (latin) {
    const std::vector<std::string_view>& forms = woman ? LatinUmmVariants() : LatinAbuVariants();
    prefix =
        forms[rng.Bernoulli(noise.translit_variant) ? static_cast<size_t>(rng.Below(forms.size()))
                                                    : 0];
  } else {
    prefix = woman ? kArabicUmm : kArabicAbu;
  }
  return prefix + " " + RenderName(names_.male().at(person.kunya_son), latin, noise, rng);
}

std::string RecordRenderer::PlaceName(const AdminUnit& unit, bool latin, bool variant,
                                      Rng& rng) const {
  const std::string& name = latin ? unit.name_en : unit.name_ar;
  if (!variant) return name;
  std::vector<const std::string*> candidates;
  for (const std::string& spelling : gazetteer_.Variants(unit.pcode)) {
    if (ContainsArabic(spelling) != latin) candidates.push_back(&spelling);
  }
  if (!candidates.empty()) return *candidates[static_cast<size_t>(rng.Below(candidates.size()))];
  return latin ? LatinSpellingVariant(name, rng) : ArabicOrthographicVariant(name, rng);
}

NoisyRecord RecordRenderer::Render(size_t list_idx, uint32_t person_idx, const Person& person,
                                   uint32_t report) const {
  const ListSpec& list = config_.lists[list_idx];
  const NoiseRates& noise = list.noise;
  Rng rng(StreamKey(config_.seed, kStreamRender, list_idx, person_idx, report));
  NoisyRecord record;
  record.latin = list.script == Script::kLatin ||
                 (list.script == Script::kMixed && rng.Bernoulli(list.latin_share));
  const bool latin = record.latin;

  const NameTable& own_table = person.sex == Sex::kMale ? names_.male() : names_.female();
  const bool kunya = person.kunya_son != kNoName && person.age >= 20 && rng.Bernoulli(noise.kunya);
  record.given = kunya ? RenderKunya(person, latin, noise, rng)
                       : RenderName(own_table.at(person.given), latin, noise, rng);
  record.father = RenderName(names_.male().at(person.father), latin, noise, rng);
  record.grandfather = RenderName(names_.male().at(person.grandfather), latin, noise, rng);
  record.family = RenderFamily(names_.family().at(person.family), latin, noise, rng);
  if (list.mother_name && !rng.Bernoulli(list.missing.mother_name)) {
    record.mother = RenderName(names_.female().at(person.mother), latin, noise, rng);
  }
  if (rng.Bernoulli(noise.drop_part)) {
    (rng.Bernoulli(0.7) ? record.grandfather : record.father).clear();
  }
  // Held-out name forms, from their own stream (no draws when their rates are 0).
  Rng held(StreamKey(config_.seed, kStreamHeldoutRender, list_idx, person_idx, report));
  if (person.kunya_son != kNoName && person.age >= 20 && held.Bernoulli(noise.kunya_alone)) {
    record.given = RenderKunya(person, latin, noise, held);  // "Abu Ahmad" + family name
    record.father.clear();
    record.grandfather.clear();
  } else if (person.husband != kNoName && person.husband_family != kNoName) {
    const Name& husband_family = names_.family().at(person.husband_family);
    if (held.Bernoulli(noise.wife_of)) {
      record.given = (latin ? std::string("wife of ") : std::string("زوجة ")) +
                     RenderName(names_.male().at(person.husband), latin, noise, held);
      record.father.clear();
      record.grandfather.clear();
      record.family = RenderFamily(husband_family, latin, noise, held);
    } else if (held.Bernoulli(noise.husband_family)) {
      record.family = RenderFamily(husband_family, latin, noise, held);
    }
  }
  if (held.Bernoulli(noise.given_father_swap) && !record.father.empty()) {
    std::swap(record.given, record.father);
  }
  const bool swapped = rng.Bernoulli(noise.swap_parts);
  if (swapped) {
    record.full_name =
        JoinNonEmpty({&record.family, &record.given, &record.father, &record.grandfather});
    if (!record.father.empty() && !record.grandfather.empty()) {
      std::swap(record.father, record.grandfather);
    }
  } else {
    record.full_name =
        JoinNonEmpty({&record.given, &record.father, &record.grandfather, &record.family});
  }

  record.sex = person.sex;
  record.sex_known = !rng.Bernoulli(list.missing.sex);

  int age = person.age;
  if (rng.Bernoulli(noise.age_shift)) age = ShiftAge(age, rng);
  if (rng.Bernoulli(noise.age_heaping)) age = HeapAge(age);
  record.age = rng.Bernoulli(list.missing.age) ? -1 : age;

  record.death_day = person.death_day;
  if (rng.Bernoulli(noise.date_shift)) record.death_day += DateShiftDays(rng);
  record.month_only = rng.Bernoulli(noise.date_month_only);
  record.date_known = !rng.Bernoulli(list.missing.death_date);

  if (!rng.Bernoulli(list.missing.place)) {
    const GazetteerLocality& place = gazetteer_.localities()[person.locality];
    const bool district_only = rng.Bernoulli(noise.place_district_only);
    const bool variant = rng.Bernoulli(noise.place_variant);
    // The variant spelling falls on the most specific level written.
    const bool locality_written = list.place_level == PlaceLevel::kLocality && !district_only;
    if (locality_written) record.locality = PlaceName(place.locality, latin, variant, rng);
    record.district = PlaceName(place.district, latin, variant && !locality_written, rng);
    record.governorate = PlaceName(place.governorate, latin, false, rng);
    if (held.Bernoulli(noise.place_region)) {
      record.locality.clear();
      record.district = RegionName(place.district, latin, held);
    }
  }

  // The cause is a fact about the death, the same in every list.
  Rng cause_rng(StreamKey(config_.seed, kStreamCause, person_idx));
  const double u = cause_rng.Uniform();
  double cumulative = 0.0;
  for (const Cause& cause : kCauses) {
    cumulative += cause.weight;
    if (u < cumulative) {
      record.cause = std::string(latin ? cause.latin : cause.arabic);
      break;
    }
  }
  if (latin && held.Bernoulli(noise.all_caps)) {
    for (std::string* text :
         {&record.full_name, &record.given, &record.father, &record.grandfather, &record.family,
          &record.mother, &record.locality, &record.district, &record.governorate}) {
      ToUpperAscii(*text);
    }
  }
  return record;
}

std::vector<std::string> RecordRenderer::Columns(const ListSpec& list) {
  std::vector<std::string> columns = {"record_id"};
  if (list.name_format == NameFormat::kFullName) columns.emplace_back("full_name");
  if (HasNames(list.name_format)) {
    columns.emplace_back("given_name");
    columns.emplace_back("father_name");
    if (list.name_format == NameFormat::kChain) columns.emplace_back("grandfather_name");
    columns.emplace_back("family_name");
  }
  if (list.mother_name) columns.emplace_back("mother_name");
  if (list.sex_format != SexFormat::kNone) columns.emplace_back("sex");
  if (list.age_format != AgeFormat::kNone) columns.emplace_back("age");
  if (list.date_format != DateFormat::kNone) columns.emplace_back("death_date");
  if (list.place_level == PlaceLevel::kLocality) columns.emplace_back("locality");
  if (list.place_level != PlaceLevel::kNone) {
    columns.emplace_back("district");
    columns.emplace_back("governorate");
  }
  if (list.cause) columns.emplace_back("cause");
  return columns;
}

void RecordRenderer::Format(size_t list_idx, uint32_t person_idx, uint32_t report,
                            const NoisyRecord& record, std::vector<std::string>& cells) const {
  const ListSpec& list = config_.lists[list_idx];
  Rng rng(StreamKey(config_.seed, kStreamFormat, list_idx, person_idx, report));
  const bool indic = !record.latin && rng.Bernoulli(list.arabic_digits);
  cells.clear();
  if (list.name_format == NameFormat::kFullName) cells.push_back(record.full_name);
  if (HasNames(list.name_format)) {
    cells.push_back(record.given);
    cells.push_back(record.father);
    if (list.name_format == NameFormat::kChain) cells.push_back(record.grandfather);
    cells.push_back(record.family);
  }
  if (list.mother_name) cells.push_back(record.mother);
  if (list.sex_format != SexFormat::kNone) {
    const bool male = record.sex == Sex::kMale;
    std::string_view sex;
    switch (list.sex_format) {
      case SexFormat::kCode:
        sex = male ? "M" : "F";
        break;
      case SexFormat::kEnglish:
        sex = male ? "male" : "female";
        break;
      case SexFormat::kArabic:
        sex = male ? "ذكر" : "أنثى";
        break;
      case SexFormat::kNone:
        break;
    }
    cells.emplace_back(record.sex_known ? sex : "");
  }
  if (list.age_format != AgeFormat::kNone) {
    std::string age;
    if (record.age >= 0) {
      switch (list.age_format) {
        case AgeFormat::kBand:
          age = AgeBand(record.age);
          break;
        case AgeFormat::kWords:
          age = record.age < 18 ? (record.latin ? "child" : "طفل") : std::to_string(record.age);
          break;
        case AgeFormat::kBand5:
          age = AgeBand5(record.age);
          break;
        case AgeFormat::kLifeStage:
          age = LifeStage(record.age, record.latin);
          break;
        case AgeFormat::kExact:
        case AgeFormat::kNone:
          age = std::to_string(record.age);
          break;
      }
    }
    cells.push_back(indic ? ToArabicIndicDigits(age) : age);
  }
  if (list.date_format != DateFormat::kNone) {
    std::string date;
    if (record.date_known) date = FormatDate(record.death_day, record.month_only, list.date_format);
    cells.push_back(indic ? ToArabicIndicDigits(date) : date);
  }
  if (list.place_level == PlaceLevel::kLocality) cells.push_back(record.locality);
  if (list.place_level != PlaceLevel::kNone) {
    cells.push_back(record.district);
    cells.push_back(record.governorate);
  }
  if (list.cause) cells.push_back(record.cause);
}

std::string RecordRenderer::CanonicalMale(uint16_t name, bool latin) const {
  const Name& entry = names_.male().at(name);
  return latin ? entry.latin.front() : entry.arabic;
}

std::string RecordRenderer::CanonicalFemale(uint16_t name, bool latin) const {
  const Name& entry = names_.female().at(name);
  return latin ? entry.latin.front() : entry.arabic;
}

std::string RecordRenderer::CanonicalGiven(const Person& person, bool latin) const {
  return person.sex == Sex::kMale ? CanonicalMale(person.given, latin)
                                  : CanonicalFemale(person.given, latin);
}

std::string RecordRenderer::CanonicalFamily(uint16_t family, bool latin) const {
  const Name& entry = names_.family().at(family);
  if (!entry.article) return latin ? entry.latin.front() : entry.arabic;
  return latin ? std::string(LatinArticleVariants().front()) + entry.latin.front()
               : std::string(kArabicArticle) + entry.arabic;
}

}  // namespace reckon::simulate
