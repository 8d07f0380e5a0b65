// LinkRecord: what the linker knows about one record, computed once.
//
// Names become interned token chains (src/text), dates become day numbers
// with their precision, ages become intervals, places become keys. Building
// is the only step that touches strings; comparison works on these values.
#pragma once

#include <array>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "store/model.h"
#include "text/name_chain.h"
#include "text/token_table.h"

namespace reckon::link {

enum class DatePrecision : uint8_t { kNone, kYear, kMonth, kDay };

struct LinkRecord {
  int64_t record_pk = 0;
  int32_t source = 0;  // dense source index (0..sources-1)
  text::NameChain chain;
  text::TokenId mother = text::kNoToken;
  // The chain was parsed from a full name whose order was guessed (no comma):
  // it may be family name first, so blocking also tries that reading.
  bool order_guessed = false;
  // That other reading, family name first (given, father, grandfather,
  // family), when the full name has at least three names; else all kNoToken.
  std::array<text::TokenId, 4> family_first{text::kNoToken, text::kNoToken, text::kNoToken,
                                            text::kNoToken};
  char sex = 0;          // 'M', 'F' or 0
  int16_t age_min = -1;  // -1: unknown
  int16_t age_max = -1;  // -1 with age_min >= 0: open band ("60+")
  bool age_exact = false;
  int32_t death_day = 0;       // days since 1970-01-01 of the earliest day the date allows
  int32_t death_last_day = 0;  // latest day the date allows
  DatePrecision death_precision = DatePrecision::kNone;
  // Place keys, most specific first (locality, district, governorate), as
  // PlaceIds: the id of a gazetteer code when the place was resolved, else of
  // "~" + the name's cross-script skeleton (kUnresolvedPlace set); 0 when not
  // given. Ids, not strings: comparison reads them for every candidate pair.
  std::array<uint32_t, 3> place{};
  uint32_t cause = 0;  // CauseKey (link/cause.h); 0: not given
};

inline constexpr uint32_t kUnresolvedPlace = 1u << 31;

// Interns place keys: equal keys get equal ids (1, 2, ...), "" gets 0, and a
// text key ("~" + skeleton) carries kUnresolvedPlace.
// Thread-safety: Id() may be called from several threads.
class PlaceIds {
 public:
  uint32_t Id(const std::string& key);

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, uint32_t> ids_;
};

// Days since 1970-01-01 for a proleptic Gregorian date.
int32_t DaysFromCivil(int year, int month, int day);

// Resolves a record's place fields to keys; the default uses name skeletons.
class PlaceKeyer {
 public:
  virtual ~PlaceKeyer() = default;
  virtual std::array<std::string, 3> Keys(const RecordFields& fields) = 0;
};

// Builds a LinkRecord; records compared with each other share `place_ids`.
// `keyer` may be null (places then compare as text keys).
// Errors only for text the name library rejects (invalid UTF-8).
Result<LinkRecord> BuildLinkRecord(const StoredRecord& stored, int32_t source_index,
                                   text::TokenTable& tokens, PlaceKeyer* keyer,
                                   PlaceIds& place_ids);

// Text keys for places (no gazetteer): the skeleton of each place name.
std::array<std::string, 3> TextPlaceKeys(const RecordFields& fields, text::TokenTable& tokens);

}  // namespace reckon::link
