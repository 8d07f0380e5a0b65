#include "estimate/linear_algebra.h"

#include <cassert>
#include <cmath>

namespace reckon::estimate {

void Matrix::AppendRow(const std::vector<double>& values) {
  if (rows_ == 0 && cols_ == 0) cols_ = values.size();
  assert(values.size() == cols_);
  data_.insert(data_.end(), values.begin(), values.end());
  ++rows_;
}

Matrix Matrix::SelectColumns(const std::vector<size_t>& keep) const {
  Matrix out(rows_, keep.size());
  for (size_t r = 0; r < rows_; ++r) {
    for (size_t c = 0; c < keep.size(); ++c) out(r, c) = (*this)(r, keep[c]);
  }
  return out;
}

Matrix Matrix::SelectRows(const std::vector<size_t>& keep) const {
  Matrix out(keep.size(), cols_);
  for (size_t r = 0; r < keep.size(); ++r) {
    for (size_t c = 0; c < cols_; ++c) out(r, c) = (*this)(keep[r], c);
  }
  return out;
}

CholeskyFactor::CholeskyFactor(const Matrix& a, double tolerance)
    : n_(a.rows()), aliased_(a.rows(), false), l_(a.rows(), a.rows()) {
  assert(a.rows() == a.cols());
  for (size_t j = 0; j < n_; ++j) {
    double pivot = a(j, j);
    for (size_t k = 0; k < j; ++k) pivot -= l_(j, k) * l_(j, k);
    if (!(a(j, j) > 0) || !(pivot > tolerance * a(j, j))) {
      aliased_[j] = true;
      continue;
    }
    const double ljj = std::sqrt(pivot);
    l_(j, j) = ljj;
    ++rank_;
    for (size_t i = j + 1; i < n_; ++i) {
      double s = a(i, j);
      for (size_t k = 0; k < j; ++k) s -= l_(i, k) * l_(j, k);
      l_(i, j) = s / ljj;
    }
  }
}

std::vector<double> CholeskyFactor::Solve(const std::vector<double>& b) const {
  assert(b.size() == n_);
  std::vector<double> y(n_, 0.0);
  for (size_t i = 0; i < n_; ++i) {
    if (aliased_[i]) continue;
    double s = b[i];
    for (size_t k = 0; k < i; ++k) s -= l_(i, k) * y[k];
    y[i] = s / l_(i, i);
  }
  std::vector<double> x(n_, 0.0);
  for (size_t ii = n_; ii-- > 0;) {
    if (aliased_[ii]) continue;
    double s = y[ii];
    for (size_t k = ii + 1; k < n_; ++k) s -= l_(k, ii) * x[k];
    x[ii] = s / l_(ii, ii);
  }
  return x;
}

Matrix CholeskyFactor::Inverse() const {
  Matrix inv(n_, n_);
  std::vector<double> unit(n_, 0.0);
  for (size_t c = 0; c < n_; ++c) {
    if (aliased_[c]) continue;
    unit[c] = 1.0;
    const std::vector<double> col = Solve(unit);
    unit[c] = 0.0;
    for (size_t r = 0; r < n_; ++r) inv(r, c) = col[r];
  }
  return inv;
}

Matrix WeightedCrossProduct(const Matrix& x, const std::vector<double>& w) {
  const size_t p = x.cols();
  Matrix out(p, p);
  for (size_t r = 0; r < x.rows(); ++r) {
    const double* row = x.row(r);
    const double wr = w[r];
    for (size_t i = 0; i < p; ++i) {
      const double wi = wr * row[i];
      if (wi == 0.0) continue;
      for (size_t j = 0; j <= i; ++j) out(i, j) += wi * row[j];
    }
  }
  for (size_t i = 0; i < p; ++i) {
    for (size_t j = i + 1; j < p; ++j) out(i, j) = out(j, i);
  }
  return out;
}

size_t MatrixRank(const Matrix& x, double tolerance) {
  Matrix scaled = x;
  for (size_t c = 0; c < x.cols(); ++c) {
    double norm = 0;
    for (size_t r = 0; r < x.rows(); ++r) norm += x(r, c) * x(r, c);
    norm = std::sqrt(norm);
    for (size_t r = 0; r < x.rows(); ++r) scaled(r, c) = norm > 0 ? x(r, c) / norm : 0.0;
  }
  const std::vector<double> ones(x.rows(), 1.0);
  return CholeskyFactor(WeightedCrossProduct(scaled, ones), tolerance).rank();
}

}  // namespace reckon::estimate
