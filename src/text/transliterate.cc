#include "text/transliterate.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace reckon::text {

Result<std::unique_ptr<ArabicLatinTransliterator>> ArabicLatinTransliterator::Create() {
  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> impl(icu::Transliterator::createInstance(
      icu::UnicodeString::fromUTF8("Arabic-Latin"), UTRANS_FORWARD, error));
  if (U_FAILURE(error) || impl == nullptr) {
    return Status::Internal(std::string("ICU Arabic-Latin transliterator unavailable: ") +
                            u_errorName(error));
  }
  return std::unique_ptr<ArabicLatinTransliterator>(new ArabicLatinTransliterator(std::move(impl)));
}

ArabicLatinTransliterator::ArabicLatinTransliterator(std::unique_ptr<icu::Transliterator> impl)
    : impl_(std::move(impl)) {}

ArabicLatinTransliterator::~ArabicLatinTransliterator() = default;

std::string ArabicLatinTransliterator::Transliterate(std::string_view text) const {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  {
    std::lock_guard lock(mu_);
    impl_->transliterate(s);
  }
  std::string out;
  s.toUTF8String(out);
  return out;
}

}  // namespace reckon::text
