/**
 * C printf's `%.Nf`, which trec_eval uses for every value. JavaScript's toFixed rounds an
 * exact tie away from zero (0.03125 → "0.0313"); glibc rounds it to even ("0.0312").
 * Such ties are real in IR measures (1/32 is a precision), so they are handled here.
 */

/** Formats `x` like C's `printf("%.{digits}f", x)` (glibc, round-half-even on exact ties). */
export function formatFixed(x: number, digits: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const negative = x < 0 || Object.is(x, -0);
  const abs = Math.abs(x);
  const scaled = abs * 10 ** digits;
  const frac = scaled - Math.floor(scaled);
  // Only values within rounding noise of a tie need the exact (slow) check.
  if (Math.abs(frac - 0.5) < 1e-6 && abs < 1e15) {
    const exact = abs.toFixed(100);
    const dot = exact.indexOf('.');
    const kept = exact.slice(0, dot + 1 + digits);
    const rest = exact.slice(dot + 1 + digits);
    if (/^50*$/.test(rest)) {
      const lastDigit = Number(kept.replace('.', '').slice(-1));
      if (lastDigit % 2 === 0) {
        const body = digits === 0 ? kept.slice(0, -1) : kept;
        return (negative ? '-' : '') + body;
      }
    }
  }
  return (negative ? '-' : '') + abs.toFixed(digits);
}
