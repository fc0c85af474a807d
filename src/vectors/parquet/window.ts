/**
 * A column chunk's bytes, read through the byte source in large windows, the next window
 * read while the current one is decoded, so the disk (or page cache, or network) and the
 * decoding overlap. Memory: two buffers of {@link WINDOW} + {@link HEADROOM} bytes (more
 * only for a page larger than a window).
 */
import type { ByteSource } from '../../sources/types.js';
import { alignedBytes, readExactly } from '../buffers.js';

/** Compressed bytes are read in windows of this size (or one page, when larger). */
const WINDOW = 8 << 20;
/** Room before a read-ahead window for the unfinished page at the end of the previous one. */
const HEADROOM = 2 << 20;

/** Windows over file bytes up to `end`. */
export class WindowReader {
  /** The current window: file bytes [windowStart, windowEnd) from index 0. */
  window: Uint8Array = new Uint8Array(0);
  private windowStart = 0;
  private windowEnd = 0;
  /** The buffer the next window is read into, and the read under way. */
  private spare: Uint8Array = new Uint8Array(0);
  private ahead: { start: number; buffer: Uint8Array; reading: Promise<number> } | undefined;

  constructor(
    private readonly source: ByteSource,
    private readonly end: number,
    /** What the bytes are, for the message when the file ends early. */
    private readonly what: string,
  ) {}

  /**
   * Makes file bytes [at, at + length) available in the window; returns their index there.
   * While the pages of one window are decoded, the next window is read (into the other
   * buffer, behind {@link HEADROOM} bytes where the unread tail of this one is copied), so
   * the disk or page cache and the decoding overlap.
   */
  async bytes(at: number, length: number): Promise<number> {
    if (at >= this.windowStart && at + length <= this.windowEnd) return at - this.windowStart;
    const ahead = this.ahead;
    this.ahead = undefined;
    if (ahead) {
      const filled = await ahead.reading;
      const tail = ahead.start - at;
      if (
        tail >= 0 &&
        tail <= HEADROOM &&
        at >= this.windowStart &&
        at + length <= ahead.start + filled
      ) {
        // The other buffer holds [ahead.start, + filled) behind the headroom: put the tail before it.
        ahead.buffer.set(
          this.window.subarray(at - this.windowStart, ahead.start - this.windowStart),
          HEADROOM - tail,
        );
        const spare = this.window;
        this.window = ahead.buffer.subarray(HEADROOM - tail);
        this.spare = spare;
        this.windowStart = at;
        this.windowEnd = ahead.start + filled;
        this.readAhead();
        return 0;
      }
    }
    if (ahead) this.spare = ahead.buffer; // read, but not what is needed: free again
    const want = Math.min(Math.max(length, WINDOW), this.end - at);
    if (this.spare.length < want + HEADROOM) this.spare = alignedBytes(want + HEADROOM, false);
    const buffer = this.spare;
    await readExactly(this.source, buffer, HEADROOM, want, at, this.what);
    this.spare = this.window.length > 0 ? new Uint8Array(this.window.buffer) : new Uint8Array(0);
    this.window = buffer.subarray(HEADROOM, HEADROOM + want);
    this.windowStart = at;
    this.windowEnd = at + want;
    this.readAhead();
    return 0;
  }

  /** Starts reading the window after this one into the spare buffer. */
  private readAhead(): void {
    const start = this.windowEnd;
    if (start >= this.end) return;
    // The spare is a window (a view into its buffer): take the whole buffer again.
    let buffer = new Uint8Array(this.spare.buffer);
    if (buffer.length < WINDOW + HEADROOM) buffer = alignedBytes(WINDOW + HEADROOM, false);
    this.spare = new Uint8Array(0); // in use until the read lands
    const want = Math.min(WINDOW, this.end - start, buffer.length - HEADROOM);
    const reading = readExactly(this.source, buffer, HEADROOM, want, start, this.what).then(
      () => want,
    );
    reading.catch(() => undefined); // awaited (and reported) when the window is needed
    this.ahead = { start, buffer, reading };
  }
}
