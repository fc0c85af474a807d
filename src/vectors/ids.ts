/**
 * Ids from a sidecar text file (one id per line), for formats that cannot carry them
 * (npy, packed binary). The file is streamed alongside the vectors, never held whole.
 */
import { ConfigError } from '../config/errors.js';
import { type ByteSource, SourceError, type SourceOpener } from '../sources/types.js';
import { VectorFileError } from './types.js';

const CHUNK = 1 << 20;
/** The longest id read: a line without an end would otherwise be held whole. */
const MAX_ID = 1 << 20;

/** An opened sidecar whose line count was checked against the vectors' row count. */
export class SidecarIds {
  private constructor(
    readonly path: string,
    private readonly source: ByteSource,
    readonly count: number,
  ) {}

  /**
   * Opens `path` through `openSource` and checks it holds exactly `rows` ids, counting
   * lines in one streamed pass so a mismatch is reported before any vector is read.
   */
  static async open(
    openSource: SourceOpener,
    path: string,
    rows: number,
    vectorsFile: string,
  ): Promise<SidecarIds> {
    let source: ByteSource;
    try {
      source = await openSource({ path });
    } catch (e) {
      if (e instanceof ConfigError) throw e;
      const why = e instanceof SourceError ? e.detail : (e as Error).message;
      throw new VectorFileError(path, `cannot open the ids file for ${vectorsFile}: ${why}`);
    }
    try {
      const count = await countLines(source);
      if (count !== rows) {
        throw new VectorFileError(
          path,
          `holds ${count} ids (lines) but ${vectorsFile} has ${rows} rows; expected one id per row`,
        );
      }
      return new SidecarIds(path, source, count);
    } catch (e) {
      await source.close();
      throw e;
    }
  }

  /** A reader that hands out the ids in order, from the first line. */
  reader(): IdLineReader {
    return new IdLineReader(this.path, this.source);
  }

  async close(): Promise<void> {
    await this.source.close().catch(() => undefined);
  }
}

/** Ids passed over per step when a reader starts past row 0 (bounds the strings held). */
const SKIP_CHUNK = 65_536;

/** Hands out the next ids of a sidecar; calls are served strictly in the order they are made. */
export class IdLineReader {
  private position = 0;
  private line = 0;
  private pending: string[] = [];
  private carry = '';
  private readonly decoder = new TextDecoder('utf-8', { fatal: false });
  private readonly chunk = new Uint8Array(CHUNK);
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly source: ByteSource,
  ) {}

  /** Passes over the next `n` ids (checked as {@link take} checks them), in bounded chunks. */
  async skip(n: number): Promise<void> {
    for (let left = n; left > 0; left -= SKIP_CHUNK) await this.take(Math.min(left, SKIP_CHUNK));
  }

  /** The next `n` ids. Concurrent calls (from a prefetching reader) are queued, not raced. */
  take(n: number): Promise<string[]> {
    const result = this.queue.then(() => this.takeNow(n));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async takeNow(n: number): Promise<string[]> {
    while (this.pending.length < n) {
      const bytesRead = await this.source.read(this.chunk, 0, CHUNK, this.position);
      this.position += bytesRead;
      const text =
        this.carry +
        this.decoder.decode(this.chunk.subarray(0, bytesRead), { stream: bytesRead > 0 });
      const lines = text.split('\n');
      this.carry = bytesRead > 0 ? lines.pop()! : '';
      if (this.carry.length > MAX_ID)
        throw new VectorFileError(
          this.path,
          `line longer than ${MAX_ID} characters; expected one id per line`,
          { line: this.line + lines.length + 1 },
        );
      for (const raw of lines) {
        if (bytesRead === 0 && raw === '') continue;
        this.line++;
        const id = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (id === '')
          throw new VectorFileError(this.path, 'empty id: expected one non-empty id per line', {
            line: this.line,
          });
        this.pending.push(id);
      }
      if (bytesRead === 0) break;
    }
    if (this.pending.length < n) {
      throw new VectorFileError(this.path, `ran out of ids after ${this.line} lines`, {
        line: this.line,
      });
    }
    return this.pending.splice(0, n);
  }
}

/** Lines in the file: newline count, plus one for a last line without a newline. */
async function countLines(source: ByteSource): Promise<number> {
  const buf = new Uint8Array(CHUNK);
  let lines = 0;
  let last = 0x0a;
  for (let position = 0; ;) {
    const bytesRead = await source.read(buf, 0, CHUNK, position);
    if (bytesRead === 0) break;
    position += bytesRead;
    for (let i = 0; i < bytesRead; i++) if (buf[i] === 0x0a) lines++;
    last = buf[bytesRead - 1]!;
  }
  return last === 0x0a ? lines : lines + 1;
}
