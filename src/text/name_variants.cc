#include "text/name_variants.h"

#include <utility>

#include "text/token_analysis.h"

namespace reckon::text {
namespace {

struct Entry {
  const char* arabic;  // '|'-separated Arabic forms
  const char* latin;   // '|'-separated Latin spellings
};

// Common given names in Syrian lists. Spellings are matched after
// LatinCanonical (latin_fold.h), so doubled letters, ou/oo/u, ee/i and a final
// h after a vowel need not be listed separately.
constexpr Entry kEntries[] = {
    // Male names.
    {"محمد",
     "Mohammad|Mohammed|Muhammad|Muhammed|Mohamad|Mohamed|Mouhamad|Mouhamed|Mohamd|Mhd|"
     "Mohd|Muhamad|Muhamed|Mohammd|Mohamaad"},
    {"أحمد", "Ahmad|Ahmed|Ahmet|Ehmad"},
    {"محمود", "Mahmoud|Mahmud|Mahmood|Mahmod"},
    {"مصطفى", "Mustafa|Moustafa|Mostafa|Mustapha|Moustapha|Mostapha"},
    {"علي", "Ali|Aly|Alee"},
    {"عمر", "Omar|Umar|Omer"},
    {"عثمان", "Othman|Uthman|Osman|Usman|Othmane"},
    {"حسن", "Hassan|Hasan|Hassen|Hasen"},
    {"حسان", "Hassan|Hassaan|Hasaan"},
    {"حسين", "Hussein|Husein|Hussain|Husain|Hossein|Hosein|Houssein|Hussien|Husayn|Hussin"},
    {"حسام", "Hussam|Husam|Hossam|Housam|Hosam"},
    {"يوسف", "Youssef|Yousef|Yusuf|Yousuf|Yusef|Youcef|Yussef|Yosef"},
    {"إبراهيم", "Ibrahim|Ebrahim|Ibraheem|Brahim|Ibrahem"},
    {"إسماعيل", "Ismail|Ismael|Ismaeel|Esmail|Ismaiel|Ismaeil"},
    {"إسحاق", "Ishaq|Ishak|Is'haq|Eshaq"},
    {"يعقوب", "Yacoub|Yaqoub|Yakoub|Yaqub|Yaacoub|Yakub"},
    {"موسى|موسي", "Musa|Mousa|Moussa|Mosa"},
    {"عيسى|عيسي", "Issa|Isa|Eissa|Aissa"},
    {"يحيى|يحيي", "Yahya|Yehya|Yahia|Yehia|Yahiya"},
    {"زكريا", "Zakaria|Zakariya|Zakariyya|Zakariah"},
    {"سليمان", "Suleiman|Sulaiman|Sleiman|Soleiman|Sulayman|Suliman|Sleman|Slieman"},
    {"داود|داوود", "Dawood|Dawud|Daoud|Daud|Dawoud"},
    {"خالد", "Khaled|Khalid|Khaleed"},
    {"خليل", "Khalil|Khaleel"},
    {"وليد", "Walid|Waleed|Oualid"},
    {"سعيد", "Said|Saeed|Saied|Saeid|Saiid|Sa'id|Saed"},
    {"سعد", "Saad|Sa'ad|Sad"},
    {"حمد", "Hamad|Hammad"},
    {"نوري", "Nouri|Nuri|Noori"},
    {"هاشم", "Hashem|Hashim"},
    {"مظهر", "Mazhar|Mazher"},
    {"سامي", "Sami|Samy"},
    {"سامر", "Samer|Saamer"},
    {"سمير", "Samir|Sameer"},
    {"رامي", "Rami|Ramy"},
    {"رامز", "Ramez|Ramiz"},
    {"نادر", "Nader|Nadir"},
    {"ناصر", "Nasser|Naser|Nasir|Nassir"},
    {"نصر", "Nasr|Nassr"},
    {"منصور", "Mansour|Mansur|Mansoor"},
    {"جمال", "Jamal|Gamal|Jamel|Djamel"},
    {"كمال", "Kamal|Kamel"},
    {"كامل", "Kamel|Kamil"},
    {"جميل", "Jamil|Jameel|Gamil"},
    {"كريم", "Karim|Kareem|Kerim"},
    {"بشار", "Bashar|Bachar"},
    {"بشير", "Bashir|Basheer|Bechir"},
    {"باسل", "Basel|Basil|Bassel"},
    {"باسم", "Basem|Basim|Bassem"},
    {"بسام", "Bassam|Basam"},
    {"هاني", "Hani|Hany"},
    {"هادي", "Hadi|Hady"},
    {"فادي", "Fadi|Fady"},
    {"شادي", "Shadi|Chadi|Shady"},
    {"ماهر", "Maher|Mahir"},
    {"طارق", "Tarek|Tariq|Tarik|Tareq"},
    {"عادل", "Adel|Adil"},
    {"أيمن", "Ayman|Aiman|Eyman"},
    {"أنس", "Anas|Anass"},
    {"أسامة", "Osama|Usama|Oussama|Ousama|Osameh"},
    {"إياد", "Iyad|Eyad|Eyyad|Iyyad"},
    {"زياد", "Ziad|Ziyad|Zeyad"},
    {"رياض", "Riad|Riyad|Riyadh"},
    {"عماد", "Imad|Emad"},
    {"عمار", "Ammar|Amar"},
    {"عامر", "Amer|Aamer"},
    {"أمير", "Amir|Ameer"},
    {"أمين", "Amin|Amine|Ameen"},
    {"مأمون", "Mamoun|Mamun|Maamoun|Ma'moun"},
    {"مؤمن", "Moamen|Momen|Mumin|Mouamen|Mu'min"},
    {"مازن", "Mazen|Mazin"},
    {"مالك", "Malek|Malik"},
    {"مجد", "Majd|Magd"},
    {"ماجد", "Majed|Majid"},
    {"مهند", "Mohannad|Muhannad|Mouhannad|Mohanad"},
    {"معتز", "Moataz|Mutaz|Motaz|Mu'taz"},
    {"منير", "Mounir|Munir|Moneer"},
    {"نبيل", "Nabil|Nabeel"},
    {"نزار", "Nizar|Nezar"},
    {"نضال", "Nidal|Nedal"},
    {"هشام", "Hisham|Hicham|Hesham"},
    {"وائل", "Wael|Wa'il|Wail|Wa'el"},
    {"وسيم", "Wassim|Wasim|Waseem"},
    {"رائد", "Raed|Raid|Ra'ed|Ra'id"},
    {"فراس", "Firas|Feras"},
    {"فارس", "Fares|Faris"},
    {"فيصل", "Faisal|Faysal|Fayssal|Feisal"},
    {"فؤاد", "Fouad|Fuad|Fuaad"},
    {"غسان", "Ghassan|Ghasan|Gassan"},
    {"غياث", "Ghiath|Ghayath|Ghiyath|Ghyath|Ghias|Ghiyas"},
    {"جهاد", "Jihad|Jehad"},
    {"حمزة", "Hamza|Hamze|Hamzeh"},
    {"حامد", "Hamed|Hamid"},
    {"حميد", "Hamid|Hameed"},
    {"حمود", "Hammoud|Hamoud|Hamood"},
    {"حيدر", "Haidar|Haydar|Hayder|Heidar"},
    {"جعفر", "Jaafar|Jafar|Jaffar|Ja'far"},
    {"جابر", "Jaber|Jabir"},
    {"جلال", "Jalal|Galal"},
    {"حازم", "Hazem|Hazim"},
    {"حاتم", "Hatem|Hatim"},
    {"حكمت", "Hikmat|Hekmat"},
    {"مدحت", "Medhat|Midhat|Mudhat"},
    {"رأفت", "Raafat|Rafat|Ra'fat"},
    {"شوقي", "Shawki|Shawqi|Chawki|Shawky"},
    {"فوزي", "Fawzi|Fawzy|Fouzi"},
    {"رضا", "Reda|Rida|Ridha|Redha"},
    {"ثائر", "Thaer|Thair|Tha'er|Thaier"},
    {"صالح", "Saleh|Salih"},
    {"صلاح", "Salah"},
    {"سليم", "Salim|Saleem|Selim"},
    {"سالم", "Salem|Salim"},
    {"مراد", "Murad|Mourad"},
    {"مروان", "Marwan|Marouan"},
    {"مهدي", "Mahdi|Mehdi"},
    {"نعيم", "Naim|Naeem|Na'im"},
    {"نجيب", "Najib|Najeeb|Nagib"},
    {"ياسر", "Yasser|Yaser|Yasir"},
    {"ياسين", "Yassin|Yasin|Yaseen|Yassine"},
    {"يزن", "Yazan"},
    {"يامن", "Yamen|Yamin"},
    {"قاسم", "Qasim|Kassem|Kasem|Qassem|Qasem|Kasim"},
    {"قيس", "Qais|Qays|Kais|Kays"},
    {"كنان", "Kinan|Kenan"},
    {"لؤي", "Louay|Luay|Loai|Lu'ay|Louai"},
    {"محسن", "Mohsen|Muhsin|Mohsin"},
    {"مصعب", "Musab|Mosab|Moussab|Mus'ab"},
    {"معاذ", "Moaz|Muaz|Mouaz|Muadh|Mu'adh"},
    {"نواف", "Nawaf"},
    {"هيثم", "Haitham|Haytham|Heitham|Haisam|Haysam"},
    {"وجيه", "Wajih|Wajeeh"},
    {"توفيق", "Tawfiq|Tawfik|Toufic|Tewfik"},
    {"رفعت", "Rifaat|Rifat|Refaat|Rif'at"},
    {"سهيل", "Suhail|Sohail|Souheil|Suheil"},
    {"شريف", "Sharif|Cherif|Shareef"},
    {"صبحي", "Subhi|Sobhi|Subhy"},
    {"صقر", "Saqr|Sakr|Saker"},
    {"ضياء", "Diaa|Dia|Dhia|Diya"},
    {"طه", "Taha"},
    {"عدنان", "Adnan"},
    {"عصام", "Issam|Essam|Isam"},
    {"علاء", "Alaa|Ala'a|Ala"},
    {"عمرو", "Amr|Amro|Amru"},
    {"عيد", "Eid|Id"},
    {"غازي", "Ghazi|Ghazy"},
    {"فايز", "Fayez|Faiz|Fayiz"},
    {"فهد", "Fahd|Fahad"},
    {"لطفي", "Lutfi|Lotfi|Lutfy"},
    {"نايف", "Nayef|Naif"},
    {"هلال", "Hilal|Helal"},
    {"وحيد", "Wahid|Waheed"},
    {"يونس", "Younes|Younis|Yunus|Younus|Yunis"},
    {"إلياس", "Elias|Ilyas|Elyas|Ilias"},
    {"أكرم", "Akram"},
    {"أشرف", "Ashraf"},
    {"أدهم", "Adham"},
    {"أسعد", "Asaad|As'ad|Asad|Asaad"},
    {"أنور", "Anwar|Anouar"},
    {"بلال", "Bilal|Belal"},
    {"بكر", "Bakr|Baker"},
    {"جودت", "Jawdat|Jaudat"},
    {"حبيب", "Habib|Habeeb"},
    {"حمدي", "Hamdi|Hamdy"},
    {"راشد", "Rashed|Rashid"},
    {"رشيد", "Rashid|Rasheed|Rachid"},
    {"رضوان", "Radwan|Ridwan|Redouane|Rudwan"},
    {"زيد", "Zaid|Zeid|Zayd"},
    {"زين", "Zain|Zein|Zayn"},
    {"شاكر", "Shaker|Shakir"},
    {"صابر", "Saber|Sabir"},
    {"صفوان", "Safwan"},
    {"عارف", "Aref|Arif"},
    {"عوض", "Awad|Awwad"},
    {"غيث", "Ghaith|Ghayth|Gaith"},
    {"قصي", "Qusai|Kusai|Qussay|Qusay|Kussai"},
    {"معن", "Maan|Ma'an"},
    {"منذر", "Munther|Monzer|Mondher|Munzer|Munzir"},
    {"نديم", "Nadim|Nadeem"},
    {"نسيم", "Nassim|Nasim|Naseem"},
    {"وديع", "Wadih|Wadie|Wadee|Wadi'"},
    {"يمان", "Yaman"},
    {"عبد الله", "Abdullah|Abdallah|Abdulla|Abd Allah|Abdalla|Abdellah|Abdollah"},
    {"عبد الرحمن",
     "Abdulrahman|Abdelrahman|Abd al-Rahman|Abdurrahman|Abderrahmane|Abdul Rahman|"
     "Abdalrahman|Abdel Rahman|Abdirahman"},
    {"عبد الرحيم", "Abdulrahim|Abdelrahim|Abd al-Rahim|Abderrahim"},
    {"عبد الكريم", "Abdulkarim|Abdelkarim|Abd al-Karim|Abdul Karim|Abdalkarim|Abdulkareem"},
    {"عبد العزيز", "Abdulaziz|Abdelaziz|Abd al-Aziz|Abdul Aziz"},
    {"عبد القادر",
     "Abdulkader|Abdelkader|Abdulqader|Abd al-Qadir|Abdulkadir|Abdelkadir|"
     "Abdulqadir"},
    {"عبد الحميد", "Abdulhamid|Abdelhamid|Abdul Hameed|Abd al-Hamid"},
    {"عبد اللطيف", "Abdullatif|Abdellatif|Abdul Latif|Abd al-Latif"},
    {"عبد المجيد", "Abdulmajid|Abdelmajid|Abdulmajeed|Abd al-Majid"},
    {"عبد الناصر", "Abdulnasser|Abdel Nasser|Abdennasser|Abd al-Nasser"},
    {"عبد السلام", "Abdulsalam|Abdelsalam|Abdessalam|Abdussalam|Abd al-Salam"},
    {"عبد الهادي", "Abdulhadi|Abdelhadi|Abd al-Hadi"},
    {"عبد الغني", "Abdulghani|Abdelghani|Abd al-Ghani"},
    {"عبد الرزاق", "Abdulrazzaq|Abdelrazak|Abdurrazaq|Abdulrazak|Abd al-Razzaq"},
    {"عبد الحكيم", "Abdulhakim|Abdelhakim|Abd al-Hakim"},
    {"عبد الجليل", "Abduljalil|Abdeljalil|Abd al-Jalil"},
    {"عبد الحليم", "Abdulhalim|Abdelhalim|Abd al-Halim"},
    {"عبد الوهاب", "Abdulwahab|Abdelwahab|Abdulwahhab|Abd al-Wahhab"},
    {"عبد الباسط", "Abdulbasit|Abdelbasset|Abdulbaset|Abd al-Basit"},
    {"عبد الفتاح", "Abdulfattah|Abdelfattah|Abd al-Fattah"},
    {"عبد المنعم", "Abdulmoneim|Abdelmonem|Abd al-Munim"},
    {"عبد الإله", "Abdulilah|Abdelilah|Abd al-Ilah"},
    {"عبد الرؤوف", "Abdulraouf|Abdelraouf|Abd al-Rauf"},
    {"عبد المعين", "Abdulmoin|Abdelmuin|Abd al-Muin"},
    {"نور الدين",
     "Nour al-Din|Noureddine|Nourddin|Nuraddin|Nour Eddine|Nour el Din|Nureddin|"
     "Nuruddin"},
    {"صلاح الدين", "Salah al-Din|Salaheddine|Salahuddin|Salah Eddine|Salahaddin"},
    {"علاء الدين", "Alaa al-Din|Alaeddine|Alaaddin|Aladdin|Ala Eddine"},
    {"بدر الدين", "Badr al-Din|Badreddine|Badruddin"},
    {"خير الدين", "Khair al-Din|Kheireddine|Khairuddin|Khayr al-Din"},
    {"عز الدين", "Izz al-Din|Ezzeddine|Izzeddin|Ezzedine|Ezz el Din"},
    {"شمس الدين", "Shams al-Din|Chamseddine|Shamseddin"},
    {"زين الدين", "Zain al-Din|Zinedine|Zeineddine|Zein el Din"},
    {"سيف الدين", "Saif al-Din|Seifeddine|Saifuddin|Seif el Din"},
    {"محي الدين|محيي الدين", "Muhyi al-Din|Mohieddine|Mohyeddin|Muhieddine"},
    {"نصر الله", "Nasrallah|Nasrullah|Nasr Allah"},
    {"فتح الله", "Fathallah|Fathullah|Fath Allah"},
    {"خير الله", "Khairallah|Kheirallah|Khairullah"},
    {"عطا الله", "Ataallah|Atallah|Ata Allah"},
    {"جاد الله", "Jadallah|Jad Allah"},
    // Female names.
    {"فاطمة", "Fatima|Fatma|Fatmeh|Fatimah|Fatme|Fatemeh|Fatmah"},
    {"زينب", "Zainab|Zeinab|Zaynab|Zeineb"},
    {"مريم", "Maryam|Mariam|Meryem|Miriam|Mariyam"},
    {"عائشة", "Aisha|Aysha|Aicha|Aishah|Ayesha|Aesha|A'isha"},
    {"خديجة", "Khadija|Khadijah|Khadeeja|Khadije|Khadijeh"},
    {"آمنة", "Amna|Amneh|Aamina"},
    {"أمينة", "Amina|Ameena"},
    {"نور", "Nour|Nur|Noor"},
    {"هدى", "Huda|Houda|Hoda"},
    {"سارة", "Sara|Sarah"},
    {"ليلى", "Layla|Leila|Laila|Leyla|Lila"},
    {"سلمى", "Salma"},
    {"سعاد", "Souad|Suad|Soad|Su'ad"},
    {"رنا", "Rana"},
    {"ريم", "Reem|Rim"},
    {"رهف", "Rahaf"},
    {"لينا", "Lina|Leena"},
    {"لمى", "Lama"},
    {"رغد", "Raghad"},
    {"دعاء", "Doaa|Duaa|Du'a"},
    {"إسراء", "Israa|Esraa|Isra"},
    {"آلاء", "Alaa|Ala'"},
    {"نادية", "Nadia|Nadya"},
    {"هند", "Hind|Hend"},
    {"هيفاء", "Haifa|Hayfa|Haifaa"},
    {"سمر", "Samar"},
    {"سماح", "Samah"},
    {"منى", "Mona|Muna"},
    {"ميساء", "Maysaa|Maisa|Mayssa"},
    {"نسرين", "Nisreen|Nesrine|Nasrin|Nisrin"},
    {"رزان", "Razan"},
    {"جنى", "Jana"},
    {"شهد", "Shahd"},
    {"بتول", "Batoul|Batul"},
    {"حنان", "Hanan"},
    {"إيمان", "Iman|Eman|Imane"},
    {"أسماء", "Asmaa|Asma"},
    {"رقية", "Ruqaya|Roukaya|Ruqayya|Rukaya"},
    {"صفاء", "Safaa|Safa"},
    {"وفاء", "Wafaa|Wafa"},
    {"غادة", "Ghada"},
    {"عبير", "Abir|Abeer"},
    {"عالية", "Alia|Aliya|Aaliyah|Aliyah"},
    {"علياء", "Alyaa|Aliaa"},
    {"رشا", "Rasha"},
    {"لبنى", "Lubna|Loubna"},
    {"ياسمين", "Yasmin|Yasmine|Yasmeen"},
    {"سلام", "Salam"},
    {"نجاح", "Najah"},
    {"نجاة", "Najat|Naja"},
    {"حياة", "Hayat"},
    {"كوثر", "Kawthar|Kawsar|Kaoutar|Kawther"},
    {"أمل", "Amal"},
    {"ابتسام", "Ibtisam|Ebtisam|Ibtissam"},
    {"سوسن", "Sawsan|Sausan"},
    {"تسنيم", "Tasnim|Tasneem"},
    {"بشرى", "Bushra|Boushra"},
    {"سناء", "Sanaa|Sana"},
    {"هناء", "Hanaa|Hana"},
    {"ريما", "Rima|Reema"},
    {"جميلة", "Jamila|Jameela"},
    {"كريمة", "Karima|Kareema"},
    {"نوال", "Nawal"},
    {"وداد", "Widad|Wedad"},
    {"سهام", "Siham|Seham"},
    {"ختام", "Khitam"},
    {"عفاف", "Afaf"},
    {"رحاب", "Rehab|Rihab"},
    {"نهى", "Noha|Nuha"},
    {"دلال", "Dalal"},
    {"لارا", "Lara"},
    {"روان", "Rawan"},
    {"شيماء", "Shaimaa|Shayma|Chaimae"},
    {"ولاء", "Walaa|Wala'"},
};

void SplitBar(std::string_view s, std::vector<std::string_view>& out) {
  out.clear();
  size_t start = 0;
  while (start <= s.size()) {
    const size_t bar = s.find('|', start);
    const size_t end = bar == std::string_view::npos ? s.size() : bar;
    if (end > start) out.push_back(s.substr(start, end - start));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
}

std::string IndexKey(Script script, std::string_view lookup) {
  std::string key = script == Script::kArabic ? "a:" : "l:";
  key += lookup;
  return key;
}

}  // namespace

const VariantTable& VariantTable::Default() {
  static const VariantTable table;
  return table;
}

VariantTable::VariantTable() {
  std::vector<std::string_view> pieces;
  for (const Entry& entry : kEntries) {
    const auto group = static_cast<VariantGroupId>(groups_.size());
    Group g;
    for (const char* column : {entry.arabic, entry.latin}) {
      SplitBar(column, pieces);
      for (std::string_view spelling : pieces) {
        Result<TokenAnalysis> analysis = AnalyzeToken(spelling);
        if (!analysis.ok() || analysis->lookup.empty()) continue;
        if (column == entry.arabic && g.arabic.empty()) g.arabic = analysis->strict;
        if (column == entry.latin && g.latin.empty()) g.latin = analysis->strict;
        std::vector<VariantGroupId>& ids = index_[IndexKey(analysis->script, analysis->lookup)];
        if (ids.empty() || ids.back() != group) ids.push_back(group);
      }
    }
    groups_.push_back(std::move(g));
  }
}

std::span<const VariantGroupId> VariantTable::Lookup(Script script, std::string_view lookup) const {
  if (script != Script::kArabic && script != Script::kLatin) return {};
  const auto it = index_.find(IndexKey(script, lookup));
  if (it == index_.end()) return {};
  return it->second;
}

std::string VariantTable::Label(VariantGroupId group) const {
  if (group >= groups_.size()) return {};
  return groups_[group].arabic + " / " + groups_[group].latin;
}

}  // namespace reckon::text
