#include "place/place_resolver.h"

#include <gtest/gtest.h>

#include <memory>
#include <thread>

namespace reckon::place {
namespace {

class PlaceResolverTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Gazetteer> gazetteer = LoadDefaultGazetteer();
    ASSERT_TRUE(gazetteer.ok()) << gazetteer.status().message();
    resolver_ = std::make_unique<PlaceResolver>(std::move(gazetteer).value());
  }
  static void TearDownTestSuite() { resolver_.reset(); }

  static std::string Locality(std::string_view text) {
    return resolver_->Resolve(text, "", "").pcode();
  }

  static std::unique_ptr<PlaceResolver> resolver_;
};

std::unique_ptr<PlaceResolver> PlaceResolverTest::resolver_;

constexpr std::string_view kBaniyas = "RK-TA-02-01-001";
constexpr std::string_view kJableh = "RK-LA-02-01-001";
constexpr std::string_view kLatakia = "RK-LA-01-01-001";

TEST_F(PlaceResolverTest, ExactNamesInBothScripts) {
  EXPECT_EQ(Locality("Baniyas"), kBaniyas);
  EXPECT_EQ(Locality("بانياس"), kBaniyas);
  EXPECT_EQ(Locality("Jableh"), kJableh);
  EXPECT_EQ(Locality("جبلة"), kJableh);
  EXPECT_EQ(Locality("Latakia"), kLatakia);
  EXPECT_EQ(Locality("اللاذقية"), kLatakia);
  EXPECT_EQ(Locality("Hmeimim"), "RK-LA-02-01-002");
  EXPECT_EQ(Locality("قسطل معاف"), "RK-LA-01-05-001");
}

TEST_F(PlaceResolverTest, FillsEveryAncestor) {
  const ResolvedPlace place = resolver_->Resolve("Banias", "", "");
  EXPECT_EQ(place.locality_pcode, kBaniyas);
  EXPECT_EQ(place.subdistrict_pcode, "RK-TA-02-01");
  EXPECT_EQ(place.district_pcode, "RK-TA-02");
  EXPECT_EQ(place.governorate_pcode, "RK-TA");
  EXPECT_EQ(place.level, kLocalityLevel);
  EXPECT_FALSE(place.ambiguous);
}

TEST_F(PlaceResolverTest, LatinVariantSpellings) {
  for (const char* spelling : {"Banias", "Banyas", "BANIYAS", "Bānyās"}) {
    EXPECT_EQ(Locality(spelling), kBaniyas) << spelling;
  }
  for (const char* spelling : {"Jabla", "Jebleh", "Jablah", "Djebleh"}) {
    EXPECT_EQ(Locality(spelling), kJableh) << spelling;
  }
  for (const char* spelling : {"Lattakia", "Latakiya", "Al-Ladhiqiyah", "Lattaquié"}) {
    EXPECT_EQ(Locality(spelling), kLatakia) << spelling;
  }
  EXPECT_EQ(Locality("Kardaha"), "RK-LA-04-01-001");
  EXPECT_EQ(Locality("Ain al-Baida"), "RK-LA-01-06-001");
  EXPECT_EQ(Locality("Ein el Beida"), "RK-LA-01-06-001");
  EXPECT_EQ(Locality("Beit Yashut"), "RK-LA-02-03-001");
  EXPECT_EQ(Locality("Tartous"), "RK-TA-01-01-001");
  // Short skeletons collide ("SN": Siyano, Al-Sisiniyah): the nearest spelling wins.
  EXPECT_EQ(Locality("Siyanou"), "RK-LA-02-01-003");
  EXPECT_EQ(Locality("Sisiniye"), "RK-TA-03-03-001");
}

TEST_F(PlaceResolverTest, ArticlesInEveryForm) {
  for (const char* spelling :
       {"Al-Haffah", "al Haffa", "El-Haffeh", "Haffah", "Alhaffah", "الحفه", "حفة"}) {
    EXPECT_EQ(Locality(spelling), "RK-LA-03-01-001") << spelling;
  }
  EXPECT_EQ(Locality("Al Qadmus"), "RK-TA-06-01-001");
  EXPECT_EQ(Locality("el-Qadmous"), "RK-TA-06-01-001");
  EXPECT_EQ(Locality("Sheikh Badr"), "RK-TA-05-01-001");
}

TEST_F(PlaceResolverTest, ArabicOrthographicVariants) {
  EXPECT_EQ(Locality("اللاذقيه"), kLatakia);  // ة written ه
  EXPECT_EQ(Locality("جبله"), kJableh);
  EXPECT_EQ(Locality("ارواد"), "RK-TA-01-02-001");        // أ without hamza
  EXPECT_EQ(Locality("عين البيضاء"), "RK-LA-01-06-001");  // final hamza
  EXPECT_EQ(Locality("  بَانِيَاس "), kBaniyas);             // vowel marks, spaces
  EXPECT_EQ(Locality("القرداحه"), "RK-LA-04-01-001");
}

TEST_F(PlaceResolverTest, TyposInLongNamesOnly) {
  EXPECT_EQ(Locality("Kinsaba"), "RK-LA-03-03-001");
  EXPECT_EQ(Locality("Brummanet al-Mashayek"), "RK-TA-05-02-001");
  EXPECT_EQ(Locality("صلنفه"), "RK-LA-03-02-001");
  EXPECT_EQ(Locality("Xyzzy"), "");
  EXPECT_EQ(Locality("Homs"), "");
}

TEST_F(PlaceResolverTest, FieldsChooseTheirLevel) {
  // "Latakia" names a governorate, district, subdistrict and city.
  EXPECT_EQ(resolver_->Resolve("", "", "Latakia").pcode(), "RK-LA");
  EXPECT_EQ(resolver_->Resolve("", "Latakia", "").pcode(), "RK-LA-01");
  EXPECT_EQ(resolver_->Resolve("Latakia", "", "").pcode(), kLatakia);
  // A locality given only at district level resolves to the district.
  const ResolvedPlace district = resolver_->Resolve("", "Safita", "Tartus");
  EXPECT_EQ(district.level, kDistrictLevel);
  EXPECT_EQ(district.district_pcode, "RK-TA-03");
  EXPECT_EQ(district.governorate_pcode, "RK-TA");
  EXPECT_TRUE(district.locality_pcode.empty());
  // An unknown locality keeps what the broader fields say.
  EXPECT_EQ(resolver_->Resolve("Xyzzy", "Jableh", "").pcode(), "RK-LA-02");
  EXPECT_EQ(resolver_->Resolve("", "", "طرطوس").pcode(), "RK-TA");
  // A place that is only a district or subdistrict in the locality field.
  EXPECT_EQ(resolver_->Resolve("Beit Yashout", "", "").level, kLocalityLevel);
}

TEST_F(PlaceResolverTest, ContradictoryFieldsAreFlagged) {
  const ResolvedPlace place = resolver_->Resolve("Baniyas", "Jableh", "Latakia");
  EXPECT_EQ(place.locality_pcode, kBaniyas);  // the most specific field wins
  EXPECT_TRUE(place.ambiguous);
  EXPECT_FALSE(resolver_->Resolve("Baniyas", "Baniyas", "Tartus").ambiguous);
}

TEST_F(PlaceResolverTest, UnresolvedAndInvalidInput) {
  const ResolvedPlace none = resolver_->Resolve("", "", "");
  EXPECT_EQ(none.level, 0);
  EXPECT_TRUE(none.pcode().empty());
  EXPECT_EQ(resolver_->Resolve("\xFF\xFE", "", "").level, 0);
  EXPECT_EQ(resolver_->Resolve("Damascus", "Damascus", "").level, 0);
}

TEST_F(PlaceResolverTest, ConcurrentCallsAgreeAndAreCached) {
  const std::vector<std::string> inputs = {"Banias", "Jabla", "اللاذقيه", "Kardaha", "Safita"};
  std::vector<std::vector<ResolvedPlace>> results(2);
  std::vector<std::thread> threads;
  for (size_t thread_idx = 0; thread_idx < 2; ++thread_idx) {
    threads.emplace_back([&, thread_idx] {
      for (int round = 0; round < 50; ++round) {
        for (const std::string& input : inputs) {
          results[thread_idx].push_back(resolver_->Resolve(input, "", "Tartus"));
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(results[0], results[1]);
  EXPECT_GE(resolver_->cache_size(), inputs.size());
}

// Two villages of one name in different districts.
constexpr std::string_view kTwins =
    "admin1Name_en,admin1Name_ar,admin1Pcode,admin2Name_en,admin2Name_ar,admin2Pcode,"
    "admin4Name_en,admin4Name_ar,admin4Pcode\n"
    "Tartus,طرطوس,T,Baniyas,بانياس,T-B,Al-Bayda,البيضا,T-B-1\n"
    "Tartus,طرطوس,T,Safita,صافيتا,T-S,Al-Bayda,البيضا,T-S-1\n"
    "Latakia,اللاذقية,L,Jableh,جبلة,L-J,Al-Bayda,البيضاء,L-J-1\n"
    "Latakia,اللاذقية,L,Jableh,جبلة,L-J,Zama,زاما,L-J-2\n";

TEST(PlaceResolverAmbiguityTest, BroaderFieldsSettleTwins) {
  Result<Gazetteer> gazetteer = Gazetteer::Parse(kTwins, "twins.csv");
  ASSERT_TRUE(gazetteer.ok()) << gazetteer.status().message();
  const PlaceResolver resolver(std::move(gazetteer).value());

  const ResolvedPlace alone = resolver.Resolve("Al-Bayda", "", "");
  EXPECT_TRUE(alone.ambiguous);
  EXPECT_EQ(alone.level, 0);  // three branches share nothing
  EXPECT_TRUE(alone.locality_pcode.empty());

  const ResolvedPlace in_tartus = resolver.Resolve("البيضا", "", "Tartus");
  EXPECT_TRUE(in_tartus.ambiguous);
  EXPECT_EQ(in_tartus.pcode(), "T");  // the common ancestor of the two Tartus villages

  const ResolvedPlace in_safita = resolver.Resolve("Bayda", "Safita", "");
  EXPECT_FALSE(in_safita.ambiguous);
  EXPECT_EQ(in_safita.locality_pcode, "T-S-1");
  EXPECT_EQ(in_safita.district_pcode, "T-S");
  EXPECT_TRUE(in_safita.subdistrict_pcode.empty());  // the file has no admin3

  const ResolvedPlace in_latakia = resolver.Resolve("Al Baida", "", "Lattakia");
  EXPECT_FALSE(in_latakia.ambiguous);
  EXPECT_EQ(in_latakia.locality_pcode, "L-J-1");
}

TEST(CompareResolvedPlacesTest, Levels) {
  const ResolvedPlace baniyas{"RK-TA-02-01-001", "RK-TA-02-01", "RK-TA-02", "RK-TA", 4, false};
  const ResolvedPlace bayda{"RK-TA-02-01-002", "RK-TA-02-01", "RK-TA-02", "RK-TA", 4, false};
  const ResolvedPlace annazah{"RK-TA-02-02-001", "RK-TA-02-02", "RK-TA-02", "RK-TA", 4, false};
  const ResolvedPlace baniyas_district{"", "", "RK-TA-02", "RK-TA", 2, false};
  const ResolvedPlace tartus{"", "", "", "RK-TA", 1, false};
  const ResolvedPlace safita{"RK-TA-03-01-001", "RK-TA-03-01", "RK-TA-03", "RK-TA", 4, false};
  const ResolvedPlace jableh{"RK-LA-02-01-001", "RK-LA-02-01", "RK-LA-02", "RK-LA", 4, false};
  const ResolvedPlace unresolved;

  EXPECT_EQ(CompareResolvedPlaces(baniyas, baniyas), PlaceAgreement::kSameLocality);
  EXPECT_EQ(CompareResolvedPlaces(baniyas, bayda), PlaceAgreement::kSameDistrict);
  EXPECT_EQ(CompareResolvedPlaces(baniyas, annazah), PlaceAgreement::kSameDistrict);
  EXPECT_EQ(CompareResolvedPlaces(baniyas, baniyas_district), PlaceAgreement::kSameDistrict);
  EXPECT_EQ(CompareResolvedPlaces(baniyas, safita), PlaceAgreement::kSameGovernorate);
  EXPECT_EQ(CompareResolvedPlaces(tartus, safita), PlaceAgreement::kSameGovernorate);
  EXPECT_EQ(CompareResolvedPlaces(baniyas, jableh), PlaceAgreement::kDifferent);
  EXPECT_EQ(CompareResolvedPlaces(tartus, jableh), PlaceAgreement::kDifferent);
  EXPECT_EQ(CompareResolvedPlaces(baniyas, unresolved), PlaceAgreement::kUnknown);
  EXPECT_EQ(CompareResolvedPlaces(unresolved, unresolved), PlaceAgreement::kUnknown);
  EXPECT_EQ(PlaceAgreementName(PlaceAgreement::kSameDistrict), "same_district");
}

}  // namespace
}  // namespace reckon::place
