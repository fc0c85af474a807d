/**
 * Mutations of a valid file, as fast-check arbitraries: the damage a hostile pull request or
 * a broken writer does to a vectors file. A mutation is a small description (offsets as
 * fractions of the file, values), applied to the bytes only when a case runs, so a run of
 * 100,000 cases never holds more than one mutated file, and a failing case prints readably.
 */
import fc from 'fast-check';

/** Boundary bytes first: they are where length and sign checks go wrong. */
const BOUNDARY_BYTES = [0x00, 0xff, 0x7f, 0x80] as const;

/** Numbers a reader could take for a length, offset or count. */
const HUGE_NUMBERS = [
  0x7fffffff,
  0xffffffff,
  0x80000000,
  0x80000001,
  0x01000001, // 16,777,217: one past a float32's exact integers
  0x00ffffff,
  0x40000000,
  2 ** 53 - 1,
  2 ** 40,
  2 ** 63,
  2 ** 64 - 1,
] as const;

export type Mutation =
  | { readonly op: 'flip'; readonly at: number; readonly bit: number }
  | { readonly op: 'set'; readonly at: number; readonly value: number }
  | { readonly op: 'truncate'; readonly at: number }
  | { readonly op: 'insert'; readonly at: number; readonly bytes: readonly number[] }
  | {
      readonly op: 'duplicate';
      readonly from: number;
      readonly length: number;
      readonly to: number;
    }
  | { readonly op: 'huge'; readonly at: number; readonly width: 4 | 8; readonly value: number };

/**
 * A position in a file, as a fraction of its length (so one arbitrary fits every file).
 * Unbiased: fast-check otherwise favours values near 0, and every case would hit the magic.
 */
const position = fc.noBias(fc.integer({ min: 0, max: 0xffffffff })).map((n) => n / 2 ** 32);

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    op: fc.constant('flip' as const),
    at: position,
    bit: fc.integer({ min: 0, max: 7 }),
  }),
  fc.record({
    op: fc.constant('set' as const),
    at: position,
    value: fc.oneof(fc.constantFrom(...BOUNDARY_BYTES), fc.integer({ min: 0, max: 255 })),
  }),
  fc.record({ op: fc.constant('truncate' as const), at: position }),
  fc.record({
    op: fc.constant('insert' as const),
    at: position,
    bytes: fc.array(
      fc.oneof(fc.constantFrom(...BOUNDARY_BYTES), fc.integer({ min: 0, max: 255 })),
      {
        minLength: 1,
        maxLength: 16,
      },
    ),
  }),
  fc.record({
    op: fc.constant('duplicate' as const),
    from: position,
    length: fc.integer({ min: 1, max: 256 }),
    to: position,
  }),
  fc.record({
    op: fc.constant('huge' as const),
    at: position,
    width: fc.constantFrom(4 as const, 8 as const),
    value: fc.oneof(fc.constantFrom(...HUGE_NUMBERS), fc.integer({ min: 0, max: 0xffffffff })),
  }),
);

/** One to three mutations, applied in order. */
export const mutationsArb: fc.Arbitrary<readonly Mutation[]> = fc.array(mutationArb, {
  minLength: 1,
  maxLength: 3,
});

/** `bytes` with `m` applied (a new array; `bytes` is left alone). */
export function applyMutation(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = (f: number): number => Math.floor(f * bytes.length);
  switch (m.op) {
    case 'flip': {
      const out = bytes.slice();
      if (out.length > 0) out[at(m.at)]! ^= 1 << m.bit;
      return out;
    }
    case 'set': {
      const out = bytes.slice();
      if (out.length > 0) out[at(m.at)] = m.value;
      return out;
    }
    case 'truncate':
      return bytes.slice(0, at(m.at));
    case 'insert': {
      const i = at(m.at);
      const out = new Uint8Array(bytes.length + m.bytes.length);
      out.set(bytes.subarray(0, i));
      out.set(m.bytes, i);
      out.set(bytes.subarray(i), i + m.bytes.length);
      return out;
    }
    case 'duplicate': {
      const from = at(m.from);
      const span = bytes.subarray(from, Math.min(bytes.length, from + m.length));
      const to = at(m.to);
      const out = new Uint8Array(bytes.length + span.length);
      out.set(bytes.subarray(0, to));
      out.set(span, to);
      out.set(bytes.subarray(to), to + span.length);
      return out;
    }
    case 'huge': {
      const out = bytes.slice();
      const i = at(m.at);
      const dv = new DataView(out.buffer);
      let v = BigInt(Math.min(m.value, 2 ** 64 - 1));
      if (v >= 1n << 64n) v = (1n << 64n) - 1n;
      for (let k = 0; k < m.width && i + k < out.length; k++) {
        dv.setUint8(i + k, Number(v & 0xffn));
        v >>= 8n;
      }
      return out;
    }
  }
}

/** `bytes` with every mutation of `ms` applied in order. */
export function mutate(bytes: Uint8Array, ms: readonly Mutation[]): Uint8Array {
  return ms.reduce(applyMutation, bytes);
}
