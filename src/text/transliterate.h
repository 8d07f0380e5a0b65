// ICU's Arabic-Latin transliterator, shown in explanations next to Reckon's
// own keys. It writes every Arabic letter (محمد -> "mḥmd"), which helps an
// investigator read a name; Reckon's matching does not depend on it, and the
// Latin-Arabic direction is not used at all (it cannot restore unwritten
// vowels).
//
// Thread-safety: thread-safe; calls are serialised on an internal mutex
// because ICU Transliterator objects must not be used concurrently.
#pragma once

#include <unicode/uversion.h>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "common/status.h"

U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

namespace reckon::text {

class ArabicLatinTransliterator {
 public:
  // Errors: Internal when ICU lacks the "Arabic-Latin" transform.
  [[nodiscard]] static Result<std::unique_ptr<ArabicLatinTransliterator>> Create();
  ~ArabicLatinTransliterator();

  // UTF-8 in, UTF-8 out; non-Arabic text passes through.
  std::string Transliterate(std::string_view text) const;

 private:
  explicit ArabicLatinTransliterator(std::unique_ptr<icu::Transliterator> impl);
  mutable std::mutex mu_;
  std::unique_ptr<icu::Transliterator> impl_;  // guarded by mu_
};

}  // namespace reckon::text
