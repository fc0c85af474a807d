/**
 * The float32 sum-of-squares kernel in WebAssembly SIMD, for rows that lie in a
 * WebAssembly memory — every read buffer does (io.ts `alignedBytes`).
 *
 * It computes exactly what `sumSquaresF32` in kernels.ts computes, bit for bit: eight
 * float64 accumulators (here four f64x2 lanes pairs), element i of a row going to
 * accumulator i mod 8, the tail to the first, and the same final additions in the same
 * order; IEEE arithmetic without fused multiply-add is then identical. What changes is the
 * speed: two elements per instruction, no bounds checks (measured in bench/vectors.ts).
 *
 * The module is a few dozen bytes, assembled below from named opcodes rather than shipped
 * as a binary, so it can be read and needs no build step; it imports the memory, so one
 * instance serves one memory (instances are cheap and cached per memory).
 */

import type { WasmMemory } from './buffers.js';

/** `row(byteOffset, dims) → f64`: the sum of squares of `dims` float32 values at byteOffset. */
export type RowKernel = (byteOffset: number, dims: number) => number;

/** The parts of the WebAssembly API used here (not declared by this project's libraries). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { exports: Record<string, unknown> };
}
/** A compiled WebAssembly.Module; it can be posted to a worker. */
export type WasmModule = object;

const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

const I32 = 0x7f;
const F64 = 0x7c;
const V128 = 0x7b;
const op = {
  block: 0x02,
  loop: 0x03,
  br: 0x0c,
  brIf: 0x0d,
  end: 0x0b,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  f32Load: 0x2a,
  i32Const: 0x41,
  i32GeU: 0x4f,
  i32Add: 0x6a,
  i32Shl: 0x74,
  i32And: 0x71,
  f64Add: 0xa0,
  f64Mul: 0xa2,
  f64PromoteF32: 0xbb,
} as const;
/** SIMD instructions: the 0xfd prefix and the LEB128 opcode. */
const simd = {
  load64Zero: [0xfd, 0x5d],
  promoteLow: [0xfd, 0x5f],
  extractLane: [0xfd, 0x21],
  add: [0xfd, 0xf0, 0x01],
  mul: [0xfd, 0xf2, 0x01],
} as const;

function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

const section = (id: number, body: number[]): number[] => [id, ...leb(body.length), ...body];
const vec = (items: number[][]): number[] => [...leb(items.length), ...items.flat()];
const name = (s: string): number[] => [...leb(s.length), ...[...s].map((c) => c.charCodeAt(0))];

/** Parameters 0 (pointer) and 1 (dims); locals from 2. */
const P = 0;
const DIMS = 1;
const END8 = 2;
const END = 3;
const ACC = [4, 5, 6, 7]; // v128: lanes (s0, s1), (s2, s3), (s4, s5), (s6, s7)
const S0 = 8; // f64: s0 once the tail is added
const X = 9; // f64: a tail element

function body(): number[] {
  const get = (i: number): number[] => [op.localGet, ...leb(i)];
  const set = (i: number): number[] => [op.localSet, ...leb(i)];
  const lane = (acc: number, l: number): number[] => [...get(acc), ...simd.extractLane, l];
  // prettier-ignore
  const code: number[] = [
    // end = p + dims * 4; end8 = p + (dims & ~7) * 4
    ...get(P), ...get(DIMS), op.i32Const, 2, op.i32Shl, op.i32Add, ...set(END),
    ...get(P), ...get(DIMS), op.i32Const, ...leb(-8 & 0x7f), op.i32And, op.i32Const, 2, op.i32Shl,
    op.i32Add, ...set(END8),
    op.block, 0x40,
    op.loop, 0x40,
    ...get(P), ...get(END8), op.i32GeU, op.brIf, 1,
  ];
  for (let k = 0; k < 4; k++) {
    // acc[k] += promote(load64(p + 8k))²
    // prettier-ignore
    code.push(
      ...get(ACC[k]!),
      ...get(P), ...simd.load64Zero, 3, ...leb(8 * k), ...simd.promoteLow,
      op.localTee, ...leb(X + 1 + k),
      ...get(X + 1 + k), ...simd.mul, ...simd.add, ...set(ACC[k]!),
    );
  }
  // prettier-ignore
  code.push(
    ...get(P), op.i32Const, 32, op.i32Add, ...set(P),
    op.br, 0,
    op.end, op.end,
    // s0 = lane 0 of acc 0, then the tail into it
    ...lane(ACC[0]!, 0), ...set(S0),
    op.block, 0x40,
    op.loop, 0x40,
    ...get(P), ...get(END), op.i32GeU, op.brIf, 1,
    ...get(P), op.f32Load, 2, 0, op.f64PromoteF32, op.localTee, ...leb(X), ...get(X), op.f64Mul,
    ...get(S0), op.f64Add, ...set(S0),
    ...get(P), op.i32Const, 4, op.i32Add, ...set(P),
    op.br, 0,
    op.end, op.end,
    // ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)), as kernels.ts adds them
    ...get(S0), ...lane(ACC[0]!, 1), op.f64Add,
    ...lane(ACC[1]!, 0), ...lane(ACC[1]!, 1), op.f64Add, op.f64Add,
    ...lane(ACC[2]!, 0), ...lane(ACC[2]!, 1), op.f64Add,
    ...lane(ACC[3]!, 0), ...lane(ACC[3]!, 1), op.f64Add, op.f64Add,
    op.f64Add,
    op.end,
  );
  // Locals: end8, end (i32); four accumulators (v128); s0, x (f64); four squares (v128).
  const locals = vec([
    [2, I32],
    [4, V128],
    [2, F64],
    [4, V128],
  ]);
  const fn = [...locals, ...code];
  return [...leb(fn.length), ...fn];
}

/** The module's bytes: imports env.memory (shared, any size), exports `row`. */
export function kernelModuleBytes(): Uint8Array {
  // prettier-ignore
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([[0x60, ...vec([[I32], [I32]]), ...vec([[F64]])]])),
    ...section(2, vec([[...name('env'), ...name('memory'), 0x02, 0x03, 0x00, ...leb(65536)]])),
    ...section(3, vec([[0]])),
    ...section(7, vec([[...name('row'), 0x00, 0]])),
    ...section(10, vec([body()])),
  ];
  return new Uint8Array(bytes);
}

let compiled: WasmModule | null | undefined;

/** The compiled module, or null where WebAssembly SIMD is unavailable. */
export function kernelModule(): WasmModule | null {
  if (compiled === undefined) {
    try {
      compiled = wasm ? new wasm.Module(kernelModuleBytes()) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

const instances = new WeakMap<WasmMemory, RowKernel>();

/** The row kernel over `memory`, or undefined when the module cannot be used. */
export function rowKernel(memory: WasmMemory): RowKernel | undefined {
  let kernel = instances.get(memory);
  if (!kernel) {
    const module = kernelModule();
    if (!module || !wasm) return undefined;
    kernel = new wasm.Instance(module, { env: { memory } }).exports.row as RowKernel;
    instances.set(memory, kernel);
  }
  return kernel;
}
