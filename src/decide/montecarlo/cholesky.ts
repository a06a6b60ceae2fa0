/**
 * Cholesky factor of a correlation matrix (C = L L^T, L lower triangular), used to turn
 * independent standard normals into correlated ones for the Gaussian copula. A matrix that is
 * not positive definite (correlations that cannot all hold at once) is refused.
 */

/** Lower-triangular factor, row-major n x n. Throws a RangeError naming the first bad row. */
export function cholesky(c: Float64Array, n: number): Float64Array {
  if (c.length !== n * n) throw new RangeError(`expected a ${n}x${n} matrix`);
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = c[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) {
        if (!(sum > 1e-12))
          throw new RangeError(`correlation matrix is not positive definite (row ${i + 1})`);
        l[i * n + i] = Math.sqrt(sum);
      } else {
        l[i * n + j] = sum / l[j * n + j]!;
      }
    }
  }
  return l;
}
