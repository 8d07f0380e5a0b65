// Invented-population name tables: Arabic given and family names with their
// Latin transliteration variants, Zipf-like frequencies, and kunya prefixes.
//
// These tables belong to the simulator alone. They are deliberately written
// independently of the name matcher in src/text/: if the simulator and the
// matcher shared their knowledge of variants, tests of the matcher on
// simulated data would be circular. Names are common Syrian names; the people
// built from them are invented.
//
// Thread-safety: immutable after construction; safe to share.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "simulate/rng.h"

namespace reckon::simulate {

struct Name {
  std::string arabic;              // canonical Arabic spelling, without the article
  std::vector<std::string> latin;  // transliterations, most common first; never empty
  bool article = false;            // family names written with ال / al- (الأحمد, al-Ahmad)
};

// A list of names ranked by frequency, sampled with Zipf weights.
class NameTable {
 public:
  // `packed` rows are "arabic|Latin1|Latin2|..." (a leading '+' on a family
  // name means it takes the article). Rank = position in the list.
  NameTable(const std::vector<std::string_view>& packed, double zipf_exponent);

  size_t size() const { return names_.size(); }
  const Name& at(size_t idx) const { return names_[idx]; }
  uint16_t Sample(Rng& rng) const { return static_cast<uint16_t>(sampler_.Sample(rng)); }
  double Probability(size_t idx) const { return sampler_.Probability(idx); }

 private:
  std::vector<Name> names_;
  DiscreteSampler sampler_;
};

class NameTables {
 public:
  // `extended` appends the extra rows of the held-out profile's tables after
  // the standard ones (standard ranks unchanged).
  NameTables(double given_zipf_exponent, double family_zipf_exponent, bool extended = false);

  const NameTable& male() const { return male_; }
  const NameTable& female() const { return female_; }
  const NameTable& family() const { return family_; }

 private:
  NameTable male_;
  NameTable female_;
  NameTable family_;
};

// The Arabic article as written before a family name, and Latin article forms:
// the first is the house style ("al-"), the others are variants lists use.
inline constexpr std::string_view kArabicArticle = "ال";
const std::vector<std::string_view>& LatinArticleVariants();

// Kunya prefixes: "father of" for men, "mother of" for women. The first Latin
// form is the most common.
inline constexpr std::string_view kArabicAbu = "أبو";
inline constexpr std::string_view kArabicUmm = "أم";
const std::vector<std::string_view>& LatinAbuVariants();
const std::vector<std::string_view>& LatinUmmVariants();

}  // namespace reckon::simulate
