/**
 * A second thread for the scan's hot loop. The main thread is the one that also hashes
 * ids, classifies rows and issues reads, so on a two-core machine it hands part of each
 * batch's rows to this worker and computes the rest itself.
 *
 * Both threads work on the same memory: readers put batches in SharedArrayBuffers
 * (io.ts `alignedBytes`), and the worker writes its sums into a shared Float64Array, so
 * nothing is copied; a message per batch carries only offsets. The worker runs the very
 * functions of kernels.ts, shipped as source text (see `kernelSource`), which keeps the
 * loops in one place and works the same from a bundle, where no separate worker file
 * would exist.
 */
import { Worker } from 'node:worker_threads';
import { kernelSource, kernelTables, rowSquareSums } from './kernels.js';
import type { VectorDType, VectorValues } from './types.js';

interface Job {
  readonly resolve: () => void;
  readonly reject: (e: Error) => void;
}

export class KernelWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Job>();
  private next = 1;
  private failure: Error | undefined;
  /** The id of the last job the worker finished, readable before its message arrives. */
  private readonly done = new Int32Array(new SharedArrayBuffer(4));
  /**
   * Buffers the worker already holds, by number. Sending a SharedArrayBuffer costs far
   * more than sending numbers (≈0.6 ms a message here), so each is sent once.
   */
  private readonly buffers = new WeakMap<ArrayBufferLike, number>();
  private nextBuffer = 1;

  constructor() {
    const { source, entry } = kernelSource();
    const code = `
const { parentPort } = require('node:worker_threads');
${source}
const views = { float32: Float32Array, float64: Float64Array, float16: Uint16Array, int8: Int8Array, uint8: Uint8Array, binary: Uint8Array };
let tables, done;
const buffers = new Map();
parentPort.on('message', (m) => {
  if (m.tables) { tables = m.tables; done = new Int32Array(m.done); return; }
  if (m.register) { buffers.set(m.register, m.buffer); return; }
  try {
    const values = new views[m.dtype](buffers.get(m.buffer), m.byteOffset, m.length);
    const out = new Float64Array(buffers.get(m.out), m.outOffset, m.rows);
    ${entry}(values, m.dtype, m.dims, m.rows, out, tables.halfTable, tables.popTable);
    Atomics.store(done, 0, m.id);
    parentPort.postMessage({ id: m.id });
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: String(e && e.stack || e) });
  }
});`;
    this.worker = new Worker(code, { eval: true });
    // The scan awaits its jobs; an idle worker must not keep the process alive.
    this.worker.unref();
    this.worker.postMessage({ tables: kernelTables(), done: this.done.buffer });
    this.worker.on('message', (m: { id: number; error?: string }) => {
      const job = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.error) job?.reject(new Error(`scan worker: ${m.error}`));
      else job?.resolve();
    });
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', (code) => this.fail(new Error(`scan worker exited with code ${code}`)));
  }

  /**
   * Computes rowSquareSums for `rows` rows of `values` into `out` on the worker. Both
   * arrays must live in SharedArrayBuffers and stay untouched until the promise settles.
   */
  run(
    values: VectorValues,
    dtype: VectorDType,
    dims: number,
    rows: number,
    out: Float64Array,
  ): Promise<void> & { readonly id: number } {
    const id = this.next++;
    if (this.failure) return Object.assign(Promise.reject(this.failure), { id });
    const promise = new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({
        id,
        dtype,
        dims,
        rows,
        buffer: this.bufferId(values.buffer),
        byteOffset: values.byteOffset,
        length: values.length,
        out: this.bufferId(out.buffer),
        outOffset: out.byteOffset,
      });
    });
    return Object.assign(promise, { id });
  }

  /** The worker's number for `buffer`, sending the buffer first if it has none yet. */
  private bufferId(buffer: ArrayBufferLike): number {
    let id = this.buffers.get(buffer);
    if (id === undefined) {
      id = this.nextBuffer++;
      this.buffers.set(buffer, id);
      this.worker.postMessage({ register: id, buffer });
    }
    return id;
  }

  /** Whether job `id` has finished computing (its message may not have arrived yet). */
  finished(id: number): boolean {
    return Atomics.load(this.done, 0) >= id;
  }

  async close(): Promise<void> {
    this.failure ??= new Error('scan worker closed');
    await this.worker.terminate();
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const job of this.pending.values()) job.reject(e);
    this.pending.clear();
  }
}

/** True when both arrays can be shared with a worker without copying. */
export function shareable(values: VectorValues, out: Float64Array): boolean {
  return values.buffer instanceof SharedArrayBuffer && out.buffer instanceof SharedArrayBuffer;
}

/**
 * Per-batch sums of squares, on the calling thread alone or split with a {@link KernelWorker}:
 * the worker takes the first part of the rows while this thread computes the rest and then
 * runs `meanwhile` (the scan's id work), and only then waits for the worker.
 */
export class RowSums {
  private sums: Float64Array<ArrayBufferLike> = new Float64Array(0);
  private worker: KernelWorker | undefined;
  private disabled: boolean;

  /**
   * @param parallel whether to use a worker at all (the scan decides from the file size:
   *   starting one costs tens of milliseconds)
   * @param workerShare the fraction of each batch's rows the worker starts with; it then
   *   moves by 2 % per batch towards the split where neither thread waits for the other,
   *   which also follows whatever share of the CPUs each thread actually gets
   */
  constructor(
    parallel: boolean,
    private workerShare: number,
  ) {
    this.disabled = !parallel;
  }

  /** Sums for the batch's rows (valid until the next call), with `meanwhile` run in between. */
  async compute(
    values: VectorValues,
    dtype: VectorDType,
    dims: number,
    rows: number,
    meanwhile: () => void,
  ): Promise<Float64Array<ArrayBufferLike>> {
    if (this.sums.length < rows)
      this.sums = new Float64Array(new SharedArrayBuffer(8 * Math.max(rows, 1024)));
    const sums = this.sums;
    const width = dtype === 'binary' ? (dims + 7) >> 3 : dims;
    const split =
      this.disabled || rows < 64 || !shareable(values, sums)
        ? 0
        : Math.floor(rows * this.workerShare);
    let remote: (Promise<void> & { readonly id: number }) | undefined;
    if (split > 0) {
      this.worker ??= new KernelWorker();
      remote = this.worker.run(
        values.subarray(0, split * width) as VectorValues,
        dtype,
        dims,
        split,
        sums.subarray(0, split),
      );
      remote.catch(() => undefined);
    }
    rowSquareSums(
      values.subarray(split * width, rows * width) as VectorValues,
      dtype,
      dims,
      rows - split,
      sums.subarray(split, rows),
    );
    meanwhile();
    if (remote) {
      const workerWasFaster = this.worker!.finished(remote.id);
      this.workerShare = Math.min(
        0.9,
        Math.max(0.1, this.workerShare + (workerWasFaster ? 0.02 : -0.02)),
      );
      try {
        await remote;
      } catch {
        // A worker that cannot run (e.g. source text altered by instrumentation) must not
        // fail the scan: do its share here and stay single-threaded from now on.
        this.disabled = true;
        rowSquareSums(
          values.subarray(0, split * width) as VectorValues,
          dtype,
          dims,
          split,
          sums.subarray(0, split),
        );
      }
    }
    return sums;
  }

  async close(): Promise<void> {
    await this.worker?.close();
  }
}
