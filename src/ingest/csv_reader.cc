#include "ingest/csv_reader.h"

#include <algorithm>
#include <array>

namespace reckon {

char DetectDelimiter(std::string_view text) {
  std::array<size_t, 3> counts{};  // ',', ';', '\t'
  bool in_quotes = false;
  for (const char c : text) {
    if (c == '"') {
      in_quotes = !in_quotes;
    } else if (!in_quotes) {
      if (c == '\n' || c == '\r') break;
      if (c == ',') ++counts[0];
      if (c == ';') ++counts[1];
      if (c == '\t') ++counts[2];
    }
  }
  if (counts[2] > counts[0] && counts[2] >= counts[1]) return '\t';
  if (counts[1] > counts[0]) return ';';
  return ',';
}

Result<CsvReader> CsvReader::Create(TextSource* source, std::optional<char> delimiter) {
  CsvReader reader(source);
  RECKON_ASSIGN_OR_RETURN(bool has_data, reader.Fill());
  if (delimiter) {
    reader.delimiter_ = *delimiter;
  } else if (has_data) {
    reader.delimiter_ = DetectDelimiter(reader.buffer_);
  }
  return reader;
}

Result<bool> CsvReader::Fill() {
  while (pos_ >= buffer_.size()) {
    if (eof_) return false;
    RECKON_ASSIGN_OR_RETURN(bool more, source_->Read(buffer_));
    pos_ = 0;
    if (!more) {
      eof_ = true;
      buffer_.clear();
      return false;
    }
  }
  return true;
}

Status CsvReader::Error(int64_t line, const std::string& problem) const {
  return Status::DataError("line " + std::to_string(line) + ": " + problem);
}

Result<bool> CsvReader::Next(CsvRecord& record) {
  while (true) {
    field_data_.clear();
    field_ends_.clear();
    record.line = line_;
    bool blank = true;  // a record that is one empty unquoted field
    bool record_done = false;
    while (!record_done) {
      RECKON_ASSIGN_OR_RETURN(bool has_data, Fill());
      if (!has_data) {
        if (field_ends_.empty() && blank && field_data_.empty()) return false;
        field_ends_.push_back(field_data_.size());
        break;
      }
      const size_t field_start = field_data_.size();
      if (buffer_[pos_] == '"') {
        // Quoted field: copy runs up to the next quote.
        blank = false;
        const int64_t quote_line = line_;
        ++pos_;
        while (true) {
          RECKON_ASSIGN_OR_RETURN(bool more, Fill());
          if (!more) {
            return Error(quote_line, "a quoted field starting here is never closed (missing \")");
          }
          const size_t quote = buffer_.find('"', pos_);
          const size_t run_end = quote == std::string::npos ? buffer_.size() : quote;
          const std::string_view run(buffer_.data() + pos_, run_end - pos_);
          line_ += std::count(run.begin(), run.end(), '\n');
          field_data_.append(run);
          if (field_data_.size() - field_start > kMaxFieldBytes) {
            return Error(quote_line,
                         "a quoted field starting here is longer than 1 MiB "
                         "(an unterminated quote?)");
          }
          pos_ = run_end;
          if (quote == std::string::npos) continue;
          ++pos_;  // past the quote
          RECKON_ASSIGN_OR_RETURN(bool after, Fill());
          if (after && buffer_[pos_] == '"') {
            field_data_.push_back('"');
            ++pos_;
            continue;
          }
          break;
        }
        // After the closing quote: spaces, then a delimiter or the end of the record.
        while (true) {
          RECKON_ASSIGN_OR_RETURN(bool more, Fill());
          if (!more) {
            field_ends_.push_back(field_data_.size());
            record_done = true;
            break;
          }
          const char c = buffer_[pos_];
          if (c == ' ' && delimiter_ != ' ') {
            ++pos_;
            continue;
          }
          if (c == delimiter_) {
            ++pos_;
            field_ends_.push_back(field_data_.size());
            break;
          }
          if (c == '\n' || c == '\r') {
            field_ends_.push_back(field_data_.size());
            record_done = true;
            break;
          }
          return Error(line_, std::string("unexpected text after a closing quote (field ") +
                                  std::to_string(field_ends_.size() + 1) +
                                  "); quotes inside a quoted field must be doubled");
        }
      } else {
        // Unquoted field: copy up to the delimiter or the end of the line.
        while (true) {
          const char* begin = buffer_.data() + pos_;
          const char* end = buffer_.data() + buffer_.size();
          const char* stop = begin;
          const char delim = delimiter_;
          while (stop != end && *stop != delim && *stop != '\n' && *stop != '\r') ++stop;
          field_data_.append(begin, static_cast<size_t>(stop - begin));
          pos_ += static_cast<size_t>(stop - begin);
          if (field_data_.size() - field_start > kMaxFieldBytes) {
            return Error(line_, "a field is longer than 1 MiB");
          }
          if (stop != end) break;
          RECKON_ASSIGN_OR_RETURN(bool more, Fill());
          if (!more) break;
        }
        // Only spaces and tabs on a line still make it blank.
        if (field_data_.find_first_not_of(" \t", field_start) != std::string::npos) blank = false;
        field_ends_.push_back(field_data_.size());
        RECKON_ASSIGN_OR_RETURN(bool more, Fill());
        if (!more) break;
        if (buffer_[pos_] == delimiter_) {
          // The next iteration reads the following field, empty at a line's end.
          ++pos_;
          blank = false;
          continue;
        }
        record_done = true;
      }
    }
    // Consume the line ending: "\n", "\r\n" or a lone "\r".
    RECKON_ASSIGN_OR_RETURN(bool more, Fill());
    if (more && buffer_[pos_] == '\r') {
      ++pos_;
      ++line_;
      RECKON_ASSIGN_OR_RETURN(bool lf, Fill());
      if (lf && buffer_[pos_] == '\n') ++pos_;
    } else if (more && buffer_[pos_] == '\n') {
      ++pos_;
      ++line_;
    }
    if (blank && field_ends_.size() == 1) continue;
    record.fields.clear();
    size_t start = 0;
    for (const size_t end : field_ends_) {
      record.fields.emplace_back(field_data_.data() + start, end - start);
      start = end;
    }
    return true;
  }
}

}  // namespace reckon
