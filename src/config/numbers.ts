/**
 * How a number is written wherever a person reads it: report sections and finding messages
 * alike, so one report never prints the same kind of value two ways. It sits on the ground
 * floor because checks build finding messages and must not import the report floor;
 * src/report/format.ts re-exports it with the markdown helpers.
 *
 * The convention (README, "Numbers in reports"):
 * - negative numbers take the ASCII hyphen-minus `-`, never U+2212 `−`: a number copied from
 *   a log, a JUnit message or a SARIF result must parse (`Number('−1')` is NaN), mermaid
 *   chart data must be plain numbers, and consoles with a legacy code page have no `−`;
 * - nothing renders as `-0.0000`: a value that rounds to zero is written unsigned;
 * - scores, similarities and their deltas take 4 decimals; deltas always carry their sign;
 * - p-values take 4 decimals, or 2 significant digits in exponent form below 0.0001;
 * - tiny deviations (1 − cos) take 3 significant digits in exponent form (`3.21e-7`);
 * - statistics of unknown scale (vector norms) take 6 significant digits, trailing zeros cut
 *   (`0.99991`, `1`), enough to see the 1e-4 deviations a norm check is about;
 * - counts are integers with thousands separators (`120,000`);
 * - a missing value (undefined, or null after a JSON round trip) is an em dash `—`.
 */

/** What a missing value renders as. */
export const MISSING = '—';

/** A number, or nothing (undefined in a live report, null once read back from JSON). */
export type MaybeNumber = number | null | undefined;

/** `toFixed` without a negative zero: `-0.00001` at 4 decimals is `0.0000`. */
function fixed(x: number, decimals: number): string {
  const s = x.toFixed(decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** Renders `x` with `f`, or {@link MISSING}; non-finite values as `NaN`, `Infinity`, `-Infinity`. */
function guarded(x: MaybeNumber, f: (x: number) => string): string {
  if (x === undefined || x === null) return MISSING;
  return Number.isFinite(x) ? f(x) : String(x);
}

/** A score, similarity or mean at 4 decimals: `0.7356`, `-0.0044`. */
export function score(x: MaybeNumber): string {
  return guarded(x, (v) => fixed(v, 4));
}

/** A change at 4 decimals, always signed: `+0.0123`, `-0.0044`, and `0.0000` when it rounds to none. */
export function signed(x: MaybeNumber): string {
  return guarded(x, (v) => {
    const s = fixed(v, 4);
    return s.startsWith('-') || /^0\.0+$/.test(s) ? s : `+${s}`;
  });
}

/** A confidence interval of a change: `[-0.0087, -0.0002]`. */
export function interval(ci: { readonly low: number; readonly high: number }): string {
  return `[${signed(ci.low)}, ${signed(ci.high)}]`;
}

/** A fraction as a whole percentage: `0.95` → `95%`. */
export function percent(fraction: MaybeNumber, decimals = 0): string {
  return guarded(fraction, (v) => `${fixed(v * 100, decimals)}%`);
}

/** A p-value: `0.0421`, `1.0000`, or `6.2e-5` below 0.0001. */
export function pValue(p: MaybeNumber): string {
  return guarded(p, (v) => (v === 0 ? '0' : v < 1e-4 ? v.toExponential(1) : fixed(v, 4)));
}

/** A tiny quantity in exponent form, 3 significant digits: `3.21e-7`, `1.00e-4`. */
export function sci(x: MaybeNumber): string {
  return guarded(x, (v) => v.toExponential(2));
}

/** A statistic of unknown scale (a norm), 6 significant digits, zeros cut: `0.99991`, `1`, `12.3457`. */
export function statistic(x: MaybeNumber): string {
  return guarded(x, (v) => String(Number(v.toPrecision(6))));
}

/** An integer count with thousands separators: `120,000`. */
/** A duration given in milliseconds, as seconds with one decimal (`1.5`), for progress lines. */
export function seconds(ms: MaybeNumber): string {
  return guarded(ms, (v) => fixed(v / 1000, 1));
}

export function count(n: MaybeNumber): string {
  return guarded(n, (v) => v.toLocaleString('en-US', { maximumFractionDigits: 0 }));
}

/** `1 error`, `2 errors`: a count with its noun, pluralised with `s`. */
export function plural(n: number, noun: string): string {
  return `${count(n)} ${noun}${n === 1 ? '' : 's'}`;
}

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB'] as const;

/**
 * A size in bytes: `512 bytes` below 1 KiB, else binary units at one decimal with the exact
 * count beside them, since a limit check must show the bytes a rounded size hides:
 * `600.0 MiB (629,145,600 bytes)`.
 */
export function byteSize(bytes: MaybeNumber): string {
  return guarded(bytes, (b) => {
    if (Math.abs(b) < 1024) return `${count(b)} bytes`;
    let value = b / 1024;
    let unit = 0;
    while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return `${fixed(value, 1)} ${UNITS[unit]} (${count(b)} bytes)`;
  });
}
