#include "simulate/name_tables.h"

#include <cassert>

#include "common/strings.h"

namespace reckon::simulate {
namespace {

// Men's given names, most common first. Compound names (عبد + divine name,
// X + الدين) are one name.
const std::vector<std::string_view>& MaleRows() {
  static const std::vector<std::string_view> kRows = {
      "محمد|Mohammad|Muhammad|Mohamed|Mohammed|Mohamad",
      "علي|Ali|Aly",
      "أحمد|Ahmad|Ahmed",
      "حسن|Hasan|Hassan",
      "حسين|Hussein|Husein|Hussain|Husain|Hosein",
      "محمود|Mahmoud|Mahmud|Mahmood",
      "إبراهيم|Ibrahim|Ebrahim|Ibraheem",
      "يوسف|Youssef|Yousef|Yusuf|Yousif|Yusef",
      "عبد الله|Abdullah|Abdallah|Abd Allah|Abdulla|Abdellah",
      "سليمان|Suleiman|Sulayman|Soleiman|Sleiman",
      "عيسى|Issa|Isa|Eissa",
      "خالد|Khaled|Khalid",
      "عمر|Omar|Umar",
      "مصطفى|Mustafa|Moustafa|Mostafa|Mustapha",
      "جعفر|Jaafar|Jafar|Ja'far",
      "حيدر|Haidar|Haydar|Hayder|Haider",
      "سامر|Samer|Saamer",
      "باسل|Basel|Bassel|Basil",
      "رامي|Rami|Ramy",
      "فادي|Fadi|Fady",
      "غياث|Ghiath|Ghiyath|Ghayath|Ghias",
      "نور الدين|Nour al-Din|Nureddin|Noureddine|Nour Eddin|Nur al-Din",
      "علاء الدين|Alaa al-Din|Alaeddin|Alaa Eddine",
      "كمال|Kamal|Kamel",
      "جميل|Jamil|Jameel|Gamil",
      "نبيل|Nabil|Nabeel",
      "وائل|Wael|Wail|Wa'il",
      "منذر|Munzer|Mundhir|Monzer|Munthir",
      "أيمن|Ayman|Aiman|Aymen",
      "مازن|Mazen|Mazin",
      "ياسر|Yaser|Yasser|Yasir",
      "زياد|Ziad|Ziyad|Zeyad",
      "سمير|Samir|Sameer",
      "عماد|Imad|Emad",
      "هيثم|Haitham|Haytham|Heitham",
      "محسن|Mohsen|Muhsin|Mohsin",
      "ربيع|Rabie|Rabih|Rabea",
      "غسان|Ghassan|Gassan",
      "مالك|Malek|Malik",
      "وسيم|Wassim|Wasim|Waseem",
      "شادي|Shadi|Chadi|Shady",
      "طارق|Tarek|Tariq|Tareq",
      "عدنان|Adnan|Adnane",
      "صالح|Saleh|Salih",
      "يونس|Younes|Yunus|Younis|Yunes",
      "موسى|Moussa|Musa|Mousa",
      "إسماعيل|Ismail|Ismael|Esmail",
      "سلمان|Salman|Selman",
      "حمزة|Hamza|Hamzeh|Hamzah",
      "قاسم|Qasem|Kassem|Qasim|Kasem",
      "عباس|Abbas|Abas",
      "جابر|Jaber|Jabir",
      "بلال|Bilal|Belal",
      "منير|Munir|Mounir|Moneer",
      "رياض|Riad|Riyad|Riyadh",
      "فواز|Fawaz|Fawwaz",
      "نزار|Nizar|Nezar",
      "توفيق|Tawfiq|Toufic|Tawfik|Tawfeeq",
      "أسامة|Osama|Usama|Ousama|Usamah",
      "مهند|Muhannad|Mohannad|Mohanad",
      "أكرم|Akram",
      "عصام|Issam|Essam|Isam",
      "هاني|Hani|Hany",
      "لؤي|Louai|Luay|Loay",
      "عبد الكريم|Abd al-Karim|Abdulkarim|Abdel Karim|Abdelkarim",
      "عبد الرحمن|Abd al-Rahman|Abdulrahman|Abdul Rahman|Abdelrahman|Abdurrahman",
      "عبد الحميد|Abd al-Hamid|Abdulhamid|Abdel Hamid",
      "عبد اللطيف|Abd al-Latif|Abdullatif|Abdel Latif",
      "ميلاد|Milad|Meelad",
      "جورج|George|Georges",
      "إلياس|Elias|Ilyas|Elyas",
      "شعبان|Shaaban|Chaaban|Sha'ban",
      "رضوان|Radwan|Ridwan|Redwan",
      "كنان|Kinan|Kenan",
      "علاء|Alaa|Ala'a|Ala",
      "حسام|Hussam|Hosam|Husam",
      "أنس|Anas",
      "نضال|Nidal|Nedal",
      "فراس|Firas|Feras",
      "معتز|Moataz|Mutaz|Mu'taz",
  };
  return kRows;
}

const std::vector<std::string_view>& FemaleRows() {
  static const std::vector<std::string_view> kRows = {
      "فاطمة|Fatima|Fatma|Fatmeh|Fatimah",
      "زينب|Zainab|Zeinab|Zaynab",
      "مريم|Maryam|Mariam|Mariyam",
      "خديجة|Khadija|Khadijeh|Khadijah",
      "سعاد|Suad|Souad|Soad",
      "ليلى|Layla|Leila|Laila|Leyla",
      "نادية|Nadia|Nadiya|Nadya",
      "رنا|Rana",
      "هدى|Huda|Hoda|Houda",
      "سلمى|Salma|Selma",
      "نور|Nour|Noor|Nur",
      "آمنة|Amina|Amna|Amneh|Aminah",
      "وفاء|Wafaa|Wafa",
      "سمر|Samar",
      "ريم|Reem|Rim",
      "منى|Mona|Muna|Mouna",
      "سوسن|Sawsan|Sausan|Soussan",
      "غادة|Ghada|Gada|Ghadah",
      "رشا|Rasha|Racha",
      "ميساء|Maysaa|Maisa|Mayssa",
      "نجوى|Najwa|Najoua",
      "أمل|Amal",
      "حياة|Hayat|Hayah",
      "زهرة|Zahra|Zahraa|Zohra",
      "إيمان|Iman|Eman|Imane",
      "رغد|Raghad|Ragad",
      "بتول|Batoul|Batul|Batool",
      "كوثر|Kawthar|Kawsar|Kaouthar",
      "سهام|Siham|Seham",
      "هيام|Hiyam|Hiam",
      "عائشة|Aisha|Aicha|Aysha",
      "رهف|Rahaf",
      "لمى|Lama",
      "جميلة|Jamila|Jameela",
      "نسرين|Nisrine|Nesrin|Nisreen",
      "ماري|Mary|Marie",
      "رولا|Rula|Roula",
      "ديما|Dima",
  };
  return kRows;
}

// Family names; '+' marks those written with the article (الأحمد, al-Ahmad).
const std::vector<std::string_view>& FamilyRows() {
  static const std::vector<std::string_view> kRows = {
      "+أحمد|Ahmad|Ahmed",
      "ديب|Dib|Deeb|Dieb",
      "+علي|Ali|Aly",
      "سليمان|Suleiman|Sleiman|Sulayman",
      "+حسن|Hasan|Hassan",
      "محمد|Mohammad|Mohamed|Muhammad",
      "يوسف|Youssef|Yousef|Yusuf",
      "إبراهيم|Ibrahim|Ebrahim",
      "عيسى|Issa|Eissa",
      "خضور|Khaddour|Khadour|Khaddur",
      "ونوس|Wannous|Wanous|Wannus",
      "إسماعيل|Ismail|Ismael",
      "شاهين|Shahin|Shaheen|Chahine",
      "صقر|Saqr|Sakr|Saker",
      "ميهوب|Mayhoub|Mayhub|Maihoub",
      "عباس|Abbas",
      "زيدان|Zidan|Zeidan|Zaidan",
      "حيدر|Haidar|Haydar",
      "+خير|Khayer|Khair|Kheir",
      "عثمان|Othman|Osman|Uthman",
      "حمود|Hammoud|Hamoud|Hammud",
      "درويش|Darwish|Darwiche|Darweesh",
      "ناصر|Nasser|Naser|Nasir",
      "سلوم|Salloum|Saloum|Sallum",
      "+شيخ|Sheikh|Shaikh|Cheikh",
      "بدور|Badour|Baddour",
      "+عمر|Omar|Umar",
      "عمران|Omran|Imran",
      "حسون|Hassoun|Hasoun|Hassun",
      "قاسم|Qasem|Kassem|Qasim",
      "+سيد|Sayed|Sayyed|Said",
      "جبور|Jabbour|Jabour|Jabbur",
      "غانم|Ghanem|Ghanim",
      "معلا|Moalla|Mualla",
      "رستم|Rustom|Rostom|Rustum",
      "+جندي|Jundi|Joundi|Jendi",
      "حداد|Haddad|Hadad",
      "نصور|Nassour|Nasour",
      "طراف|Tarraf|Taraf",
      "شحادة|Shehadeh|Shahada|Chehade",
      "+صالح|Saleh|Salih",
      "خليل|Khalil|Khaleel",
      "فاضل|Fadel|Fadil",
      "مرهج|Marhaj|Merhej",
      "+أسعد|Asaad|Assad|As'ad",
      "داود|Daoud|Dawood|Dawud",
      "نعمان|Nouman|Numan",
      "كامل|Kamel|Kamil",
      "منصور|Mansour|Mansur",
      "محفوض|Mahfoud|Mahfood|Mahfud",
      "ضاهر|Daher|Dahir|Thaher",
      "+حلبي|Halabi|Halaby",
      "سعيد|Said|Saeed|Saaid",
      "+خطيب|Khatib|Khateeb",
      "+حسين|Hussein|Husein|Hussain",
      "+زين|Zein|Zain",
      "+عيسى|Issa|Eissa",
      "+حلو|Helu|Hilu|Helou",
      "يونس|Younes|Yunus|Younis",
      "+محمد|Mohammad|Mohamed|Muhammad",
  };
  return kRows;
}

// The "extended" tables (population.name_tables = extended, used by the
// held-out profile) append these rows after the standard ones: the standard
// names keep their ranks and the tail grows. Written for the simulator from
// common Syrian names; not taken from any dataset.
const std::vector<std::string_view>& ExtraMaleRows() {
  static const std::vector<std::string_view> kRows = {
      "زين العابدين|Zein al-Abidin|Zainalabidin|Zain El Abidin|Zein Alabedin",
      "عبد العزيز|Abdulaziz|Abd al-Aziz|Abdelaziz",
      "عبد القادر|Abdulkader|Abd al-Qadir|Abdelkader",
      "عبد الرزاق|Abdulrazzaq|Abd al-Razzaq|Abdelrazak",
      "عبد الناصر|Abdulnaser|Abd al-Nasser",
      "محي الدين|Muhyi al-Din|Mohieddin|Mohi Eddin",
      "صلاح الدين|Salah al-Din|Salaheddin|Salah Eddine",
      "بدر الدين|Badr al-Din|Badreddin",
      "ناصر|Nasser|Naser|Nasir",
      "منصور|Mansour|Mansur",
      "سعيد|Said|Saeed",
      "رشيد|Rashid|Rachid|Rasheed",
      "وليد|Walid|Waleed",
      "مجد|Majd|Magd",
      "مهدي|Mahdi|Mehdi",
      "هادي|Hadi|Hady",
      "كريم|Karim|Kareem",
      "نديم|Nadim|Nadeem",
      "رائد|Raed|Raid",
      "ثائر|Thaer|Thair",
      "عامر|Amer|Aamer",
      "بشار|Bashar|Bachar",
      "غزوان|Ghazwan|Gazwan",
      "أديب|Adib|Adeeb",
      "حبيب|Habib|Habeeb",
      "شريف|Sharif|Cherif|Shareef",
      "مروان|Marwan|Merwan",
      "نزيه|Nazih|Nazeeh",
      "فايز|Fayez|Faiz",
      "جهاد|Jihad|Jehad",
      "زكريا|Zakaria|Zakariya",
      "سهيل|Suhail|Souheil|Suhayl",
      "سليم|Salim|Selim|Saleem",
      "حافظ|Hafez|Hafiz",
      "ضياء|Diaa|Diya",
      "يزن|Yazan|Yazen",
      "قصي|Qusai|Kusay|Qusay",
      "أيهم|Ayham|Aiham",
      "مؤيد|Muayad|Moayad",
      "عدي|Uday|Odai",
      "طلال|Talal|Tallal",
      "نواف|Nawaf|Nawwaf",
      "حمدي|Hamdi|Hamdy",
      "رفعت|Rifaat|Refaat",
      "شوكت|Shawkat|Chawkat",
      "عزت|Izzat|Ezzat",
      "ممدوح|Mamdouh|Mamduh",
      "يحيى|Yahya|Yehia|Yahia",
      "بسام|Bassam|Basam",
  };
  return kRows;
}

const std::vector<std::string_view>& ExtraFemaleRows() {
  static const std::vector<std::string_view> kRows = {
      "رقية|Ruqayya|Roukaya|Ruqaya",
      "سناء|Sanaa|Sana",
      "هالة|Hala|Halah",
      "لينا|Lina|Leena",
      "دعاء|Duaa|Doaa",
      "روان|Rawan|Rawane",
      "يارا|Yara|Yarah",
      "علا|Ola|Ula|Oula",
      "سماح|Samah|Sammah",
      "تغريد|Taghrid|Taghreed",
      "ابتسام|Ibtisam|Ebtissam",
      "منيرة|Munira|Mounira",
      "وداد|Widad|Wedad",
      "صفاء|Safaa|Safa",
      "ضحى|Duha|Doha",
      "رزان|Razan|Razane",
      "جنى|Jana|Janna",
      "شهد|Shahd|Chahd",
      "لجين|Lujain|Loujain",
      "أسماء|Asmaa|Asma",
      "حنان|Hanan|Hanane",
      "سميرة|Samira|Sameera",
      "عفاف|Afaf|Afaaf",
      "نهى|Nuha|Noha",
      "بشرى|Bushra|Boushra",
  };
  return kRows;
}

const std::vector<std::string_view>& ExtraFamilyRows() {
  static const std::vector<std::string_view> kRows = {
      "+حمصي|Homsi|Himsi",
      "+شامي|Shami|Chami",
      "+إدلبي|Idlibi|Edlibi",
      "+حموي|Hamwi|Hamawi|Hamoui",
      "+نجار|Najjar|Najar",
      "+عطار|Attar|Atar",
      "+خياط|Khayyat|Khayat",
      "+دباغ|Dabbagh|Debbagh",
      "+صباغ|Sabbagh|Sabbag",
      "+طحان|Tahhan|Tahan",
      "+نحاس|Nahhas|Nahas",
      "+بيطار|Bitar|Baytar",
      "+مصري|Masri|Misri",
      "+كردي|Kurdi|Kurdy",
      "+تركماني|Turkmani|Torkmani",
      "مخلوف|Makhlouf|Makhluf",
      "أسبر|Asber|Esber",
      "سلامة|Salameh|Salama",
      "عيد|Eid|Aid",
      "بركات|Barakat|Barakate",
      "جديد|Jadid|Jdid",
      "عاقل|Akel|Aqil",
      "حاتم|Hatem|Hatim",
      "نجم|Najm|Nejm",
      "شعبان|Shaaban|Chaaban",
      "رحال|Rahhal|Rahal",
      "مرعي|Marei|Maraee",
      "سويد|Sweid|Suwaid",
      "عكاري|Akkari|Akari",
      "دلا|Dalla|Dala",
      "وردة|Wardeh|Warda",
      "غزال|Ghazal|Gazal",
      "حمدان|Hamdan|Hamdane",
      "سرحان|Sarhan|Serhan",
      "زريق|Zreik|Zuraiq",
      "كنج|Kanj|Kenj",
      "فرحات|Farhat|Ferhat",
      "حجازي|Hijazi|Hejazi",
      "نعيسة|Naaisa|Nuaisa",
      "بلول|Ballul|Balloul",
      "شدود|Shaddoud|Shadud",
      "يونس|Younes|Younis",
      "سلمان|Salman|Selman",
      "خضر|Khader|Khodr",
      "ديوب|Dayoub|Diyoub",
      "علوش|Alloush|Aloush",
      "بدران|Badran|Bedran",
      "مهنا|Mhanna|Muhanna",
      "طه|Taha|Tahaa",
      "+عمري|Omari|Umari",
      "+بكري|Bakri|Bekri",
      "+زعبي|Zoubi|Zubi",
      "+حسيني|Husseini|Hosseini",
      "+عبد الله|Abdullah|Abdallah",
  };
  return kRows;
}

std::vector<std::string_view> Concat(const std::vector<std::string_view>& base,
                                     const std::vector<std::string_view>& extra, bool extended) {
  std::vector<std::string_view> rows = base;
  if (extended) rows.insert(rows.end(), extra.begin(), extra.end());
  return rows;
}

Name ParseRow(std::string_view row) {
  Name name;
  if (!row.empty() && row.front() == '+') {
    name.article = true;
    row.remove_prefix(1);
  }
  const std::vector<std::string_view> parts = Split(row, '|');
  assert(parts.size() >= 2);
  name.arabic = std::string(parts[0]);
  for (size_t part_idx = 1; part_idx < parts.size(); ++part_idx) {
    name.latin.emplace_back(parts[part_idx]);
  }
  return name;
}

}  // namespace

NameTable::NameTable(const std::vector<std::string_view>& packed, double zipf_exponent)
    : sampler_(ZipfWeights(packed.size(), zipf_exponent)) {
  names_.reserve(packed.size());
  for (std::string_view row : packed) names_.push_back(ParseRow(row));
}

NameTables::NameTables(double given_zipf_exponent, double family_zipf_exponent, bool extended)
    : male_(Concat(MaleRows(), ExtraMaleRows(), extended), given_zipf_exponent),
      female_(Concat(FemaleRows(), ExtraFemaleRows(), extended), given_zipf_exponent),
      family_(Concat(FamilyRows(), ExtraFamilyRows(), extended), family_zipf_exponent) {}

const std::vector<std::string_view>& LatinArticleVariants() {
  static const std::vector<std::string_view> kForms = {"al-", "Al-", "Al ", "el-", "El ", ""};
  return kForms;
}

const std::vector<std::string_view>& LatinAbuVariants() {
  static const std::vector<std::string_view> kForms = {"Abu", "Abou", "Abo"};
  return kForms;
}

const std::vector<std::string_view>& LatinUmmVariants() {
  static const std::vector<std::string_view> kForms = {"Umm", "Um", "Oum"};
  return kForms;
}

}  // namespace reckon::simulate
