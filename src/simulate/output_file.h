// A buffered output file whose failures come back as a Status naming the path.
//
// Thread-compatible: one writer per file.
#pragma once

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"

namespace reckon::simulate {

class OutputFile {
 public:
  // Creates or truncates `path`. IoError naming the path when it cannot.
  static Result<std::unique_ptr<OutputFile>> Create(const std::string& path);

  std::ostream& stream() { return stream_; }
  // Flushes and closes; IoError naming the path if any write failed.
  Status Close();

 private:
  explicit OutputFile(std::string path);

  std::string path_;
  std::vector<char> buffer_;  // must outlive stream_'s use of it
  std::ofstream stream_;
};

}  // namespace reckon::simulate
