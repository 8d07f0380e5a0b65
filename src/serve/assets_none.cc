// Used only when the front end's embedded assets (src/serve/assets/) are not
// in the tree: the API works, and "/" explains what is missing.
#include "serve/assets.h"

namespace reckon::serve {

std::optional<EmbeddedAsset> FindAsset(std::string_view path) {
  if (path == "/" || path == "/index.html") {
    return EmbeddedAsset{
        "<!doctype html><meta charset=utf-8><title>Reckon</title>"
        "<p>This build of Reckon has no web application assets; the API is under /api/.",
        "text/html; charset=utf-8"};
  }
  return std::nullopt;
}

}  // namespace reckon::serve
