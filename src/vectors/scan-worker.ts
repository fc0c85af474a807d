/**
 * A second thread for the scan's hot loop. The main thread also hashes ids, classifies rows
 * and issues reads, so on a two-core machine a worker thread shares each batch's rows.
 *
 * Both threads work on the same memory: readers put batches in SharedArrayBuffers
 * (io.ts `alignedBytes`), and the worker writes its sums into a shared Float64Array, so
 * nothing is copied. The worker runs the very functions of kernels.ts, shipped as source
 * text (see `kernelSource`), which keeps the loops in one place and works the same from a
 * bundle, where no separate worker file would exist.
 *
 * A batch is cut into chunks of rows that both threads take from a shared counter
 * (`Atomics.add`) until none is left: the worker from the moment it is woken, the main
 * thread once it has hashed the batch's ids. Neither waits for the other but for the last
 * chunk, whatever share of the CPUs each gets (the disk reads compete for them too); a
 * fixed split, even one adjusted batch by batch, left one thread idle a third of the time.
 *
 * Jobs are handed over through shared memory and `Atomics.wait`/`notify`, not messages:
 * a message round trip (each thread's event loop woken in turn) measured ≈430 µs on this
 * machine's VM, a futex round trip ≈10 µs, and a scan has a few hundred batches. The worker
 * blocks in `Atomics.wait` between jobs; the main thread waits for it the same way, in
 * slices short enough to notice a worker that died.
 */
import { Worker } from 'node:worker_threads';
import { wasmMemoryOf } from './buffers.js';
import { kernelSource, kernelTables, rowSquareSums, SIMD_MIN_DIMS } from './kernels.js';
import { kernelModule } from './scan-simd.js';
import type { VectorDType, VectorValues } from './types.js';

/** Indices into the control array shared with the worker. */
const JOB = 0; // the last job posted
const DONE = 1; // the last job the worker is through with
const FAILED = 2; // the last job in which the worker threw
const STOP = 3;
const NEXT = 4; // the next chunk to take

const DTYPES: readonly VectorDType[] = ['float32', 'float64', 'float16', 'int8', 'uint8', 'binary'];

/** How long the main thread blocks at a time when it waits for the worker. */
const WAIT_SLICE_MS = 20;

/** Rows per chunk: ≈0.4 MB of float32 × 768, a few dozen chunks a batch. */
const CHUNK_ROWS = 128;

/** One batch shared between the threads: rows [c·chunkRows, …) of chunk c. */
interface Job {
  readonly id: number;
  readonly values: VectorValues;
  readonly dtype: VectorDType;
  readonly dims: number;
  readonly rows: number;
  /** Elements per row (bytes for binary). */
  readonly width: number;
  readonly out: Float64Array;
  readonly chunks: number;
}

export class KernelWorker {
  private readonly worker: Worker;
  private next = 1;
  private failure: Error | undefined;
  private readonly control = new Int32Array(new SharedArrayBuffer(32));
  /** dtype, dims, rows, buffer, byteOffset, width, out buffer, out offset, chunks. */
  private readonly params = new Float64Array(new SharedArrayBuffer(80));
  /**
   * Buffers the worker already holds, by number. A buffer is sent once (a message the
   * worker takes with receiveMessageOnPort before its next job); jobs carry its number.
   */
  private readonly buffers = new WeakMap<ArrayBufferLike, number>();
  private nextBuffer = 1;
  private lastError = '';

  constructor() {
    const { source, entry } = kernelSource();
    const code = `
const { parentPort, receiveMessageOnPort, workerData } = require('node:worker_threads');
${source}
const views = [Float32Array, Float64Array, Uint16Array, Int8Array, Uint8Array, Uint8Array];
const names = ${JSON.stringify(DTYPES)};
const { halfTable, popTable } = workerData.tables;
const ctl = new Int32Array(workerData.control);
const p = new Float64Array(workerData.params);
const buffers = new Map();
// The SIMD kernel of scan-simd.ts, one instance per WebAssembly memory (float32 only).
const simd = new Map();
function register({ register: id, buffer, memory }) {
  buffers.set(id, buffer);
  if (memory && workerData.module) {
    try {
      simd.set(id, new WebAssembly.Instance(workerData.module, { env: { memory } }).exports.row);
    } catch {}
  }
}
for (let seen = 0; ; ) {
  Atomics.wait(ctl, ${JOB}, seen);
  if (Atomics.load(ctl, ${STOP})) break;
  const job = Atomics.load(ctl, ${JOB});
  if (job === seen) continue;
  seen = job;
  for (let m; (m = receiveMessageOnPort(parentPort)); ) register(m.message);
  try {
    const View = views[p[0]], dims = p[1], rows = p[2], width = p[5], chunks = p[8];
    const buffer = buffers.get(p[3]), outBuffer = buffers.get(p[6]);
    const row = p[0] === 0 && dims >= ${SIMD_MIN_DIMS} ? simd.get(p[3]) : undefined;
    for (let c; (c = Atomics.add(ctl, ${NEXT}, 1)) < chunks; ) {
      const r0 = c * ${CHUNK_ROWS}, n = Math.min(${CHUNK_ROWS}, rows - r0);
      const out = new Float64Array(outBuffer, p[7] + r0 * 8, n);
      const at = p[4] + r0 * width * View.BYTES_PER_ELEMENT;
      if (row) {
        for (let r = 0; r < n; r++) out[r] = row(at + r * dims * 4, dims);
      } else {
        ${entry}(new View(buffer, at, n * width), names[p[0]], dims, n, out, halfTable, popTable);
      }
    }
  } catch (e) {
    parentPort.postMessage({ error: String((e && e.stack) || e) });
    Atomics.store(ctl, ${FAILED}, job);
  }
  Atomics.store(ctl, ${DONE}, job);
  Atomics.notify(ctl, ${DONE});
}`;
    this.worker = new Worker(code, {
      eval: true,
      workerData: {
        tables: kernelTables(),
        module: kernelModule(),
        control: this.control.buffer,
        params: this.params.buffer,
      },
    });
    // The scan waits for its jobs itself; an idle worker must not keep the process alive.
    this.worker.unref();
    this.worker.on('message', (m: { error?: string }) => (this.lastError = m.error ?? ''));
    this.worker.on('error', (e) => (this.failure ??= e));
    this.worker.on(
      'exit',
      (code) => (this.failure ??= new Error(`scan worker exited with code ${code}`)),
    );
  }

  /**
   * Posts rowSquareSums for `rows` rows of `values` into `out`, in chunks for both threads:
   * the worker starts on them at once, this thread joins with {@link help}, and
   * {@link wait} returns when all are done. Both arrays must live in SharedArrayBuffers
   * and stay untouched until then. Call only when the previous job has been waited for.
   */
  start(
    values: VectorValues,
    dtype: VectorDType,
    dims: number,
    rows: number,
    out: Float64Array,
  ): Job {
    if (this.failure) throw this.failure;
    const width = dtype === 'binary' ? (dims + 7) >> 3 : dims;
    const job: Job = {
      id: this.next++,
      values,
      dtype,
      dims,
      rows,
      width,
      out,
      chunks: Math.ceil(rows / CHUNK_ROWS),
    };
    const p = this.params;
    p[0] = DTYPES.indexOf(dtype);
    p[1] = dims;
    p[2] = rows;
    p[3] = this.bufferId(values.buffer);
    p[4] = values.byteOffset;
    p[5] = width;
    p[6] = this.bufferId(out.buffer);
    p[7] = out.byteOffset;
    p[8] = job.chunks;
    Atomics.store(this.control, NEXT, 0);
    Atomics.store(this.control, JOB, job.id);
    Atomics.notify(this.control, JOB);
    return job;
  }

  /** Computes chunks of `job` on this thread until none is left to take. */
  help(job: Job): void {
    const { values, dtype, dims, rows, width, out, chunks } = job;
    for (let c; (c = Atomics.add(this.control, NEXT, 1)) < chunks;) {
      const r0 = c * CHUNK_ROWS;
      const n = Math.min(CHUNK_ROWS, rows - r0);
      const part = values.subarray(r0 * width, (r0 + n) * width) as VectorValues;
      rowSquareSums(part, dtype, dims, n, out.subarray(r0, r0 + n));
    }
  }

  /** Waits until the worker is through with `job`; rejects if it threw or is gone. */
  async wait(job: Job): Promise<void> {
    for (;;) {
      const done = Atomics.load(this.control, DONE);
      if (done >= job.id) break;
      if (this.failure) throw this.failure;
      if (Atomics.wait(this.control, DONE, done, WAIT_SLICE_MS) === 'timed-out') {
        // Let the event loop deliver the worker's 'error' or 'exit', if that is why.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    if (Atomics.load(this.control, FAILED) === job.id) {
      // The message with the error text comes through the event loop.
      await new Promise((resolve) => setImmediate(resolve));
      throw new Error(`scan worker: ${this.lastError || 'job failed'}`);
    }
  }

  /** The worker's number for `buffer`, sending the buffer first if it has none yet. */
  private bufferId(buffer: ArrayBufferLike): number {
    let id = this.buffers.get(buffer);
    if (id === undefined) {
      id = this.nextBuffer++;
      this.buffers.set(buffer, id);
      this.worker.postMessage({ register: id, buffer, memory: wasmMemoryOf(buffer) });
    }
    return id;
  }

  async close(): Promise<void> {
    this.failure ??= new Error('scan worker closed');
    Atomics.store(this.control, STOP, 1);
    Atomics.notify(this.control, JOB);
    await this.worker.terminate();
  }
}

/** True when both arrays can be shared with a worker without copying. */
export function shareable(values: VectorValues, out: Float64Array): boolean {
  return values.buffer instanceof SharedArrayBuffer && out.buffer instanceof SharedArrayBuffer;
}

/**
 * Per-batch sums of squares, on the calling thread alone or shared with a
 * {@link KernelWorker}: the worker starts on the batch's chunks while this thread runs
 * `meanwhile` (the scan's id work) and then takes chunks too.
 */
export class RowSums {
  private sums: Float64Array<ArrayBufferLike> = new Float64Array(0);
  private worker: KernelWorker | undefined;
  private disabled: boolean;

  /**
   * @param parallel whether to use a worker at all (the scan decides from the file size:
   *   starting one costs tens of milliseconds, which it spends on the other core while the
   *   first batch is read, since it is started here)
   */
  constructor(parallel: boolean) {
    this.disabled = !parallel;
    if (parallel) this.worker = new KernelWorker();
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
    const sums = this.sums.subarray(0, rows);
    if (this.disabled || rows < 2 * CHUNK_ROWS || !shareable(values, sums)) {
      rowSquareSums(values, dtype, dims, rows, sums);
      meanwhile();
      return this.sums;
    }
    this.worker ??= new KernelWorker();
    let job: Job | undefined;
    try {
      job = this.worker.start(values, dtype, dims, rows, sums);
    } catch {
      this.disabled = true;
    }
    meanwhile();
    if (!job) {
      rowSquareSums(values, dtype, dims, rows, sums);
      return this.sums;
    }
    this.worker.help(job);
    try {
      await this.worker.wait(job);
    } catch {
      // A worker that cannot run (e.g. source text altered by instrumentation) must not
      // fail the scan: redo the batch here and stay single-threaded from now on.
      this.disabled = true;
      rowSquareSums(values, dtype, dims, rows, sums);
    }
    return this.sums;
  }

  async close(): Promise<void> {
    await this.worker?.close();
  }
}
