// Small dense linear algebra for the model fits in this folder.
//
// Log-linear models on t <= 6 lists have at most 63 cells and 63 parameters,
// so a row-major matrix and a Cholesky factorisation of the normal equations
// are all that is needed (no third-party library).
//
// Thread-safety: plain values; safe to share for reading.
#pragma once

#include <cstddef>
#include <vector>

namespace reckon::estimate {

// A row-major dense matrix of doubles.
class Matrix {
 public:
  Matrix() = default;
  Matrix(size_t rows, size_t cols) : rows_(rows), cols_(cols), data_(rows * cols, 0.0) {}

  size_t rows() const { return rows_; }
  size_t cols() const { return cols_; }
  double& operator()(size_t row, size_t col) { return data_[row * cols_ + col]; }
  double operator()(size_t row, size_t col) const { return data_[row * cols_ + col]; }
  const double* row(size_t r) const { return data_.data() + r * cols_; }

  // Appends a row; requires values.size() == cols() (or an empty matrix,
  // which then takes that many columns).
  void AppendRow(const std::vector<double>& values);
  // The matrix with columns `keep` (in that order).
  Matrix SelectColumns(const std::vector<size_t>& keep) const;
  // The matrix with rows `keep` (in that order).
  Matrix SelectRows(const std::vector<size_t>& keep) const;

 private:
  size_t rows_ = 0;
  size_t cols_ = 0;
  std::vector<double> data_;
};

// Cholesky factorisation of a symmetric positive semi-definite matrix that
// detects linear dependence the way R's glm does: a column whose pivot
// vanishes relative to its diagonal (it is a combination of the columns
// before it) is marked aliased and left out; later columns are unaffected.
class CholeskyFactor {
 public:
  // `a` is symmetric (only the lower triangle is read). A column is aliased
  // when its remaining pivot is <= tolerance * its diagonal, or the diagonal
  // itself is <= 0.
  explicit CholeskyFactor(const Matrix& a, double tolerance = 1e-10);

  size_t rank() const { return rank_; }
  const std::vector<bool>& aliased() const { return aliased_; }

  // Solves A x = b on the non-aliased columns; aliased entries of x are 0.
  std::vector<double> Solve(const std::vector<double>& b) const;
  // The inverse of A restricted to non-aliased rows and columns, embedded in
  // a full-size matrix with zeros for aliased ones.
  Matrix Inverse() const;

 private:
  size_t n_ = 0;
  size_t rank_ = 0;
  std::vector<bool> aliased_;
  Matrix l_;  // lower-triangular factor; rows/columns of aliased entries are 0
};

// X' diag(w) X for an m x p matrix X and m weights.
Matrix WeightedCrossProduct(const Matrix& x, const std::vector<double>& w);

// Rank of the m x p matrix X (numerically, via CholeskyFactor of X'X with
// columns scaled to unit length).
size_t MatrixRank(const Matrix& x, double tolerance = 1e-9);

}  // namespace reckon::estimate
