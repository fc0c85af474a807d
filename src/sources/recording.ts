/**
 * An opener that records every source it is asked for and every byte read through it, so
 * a test can prove what a run opened, and that it read no vectors byte before a check.
 */
import { sharesLocalFile } from './local.js';
import { sharesLister } from './router.js';
import type { ByteSource, SourceOpener, SourceRequest } from './types.js';

/** One source the recording opener opened. */
export interface OpenedSource {
  readonly request: SourceRequest;
  readonly id: string;
  readonly display: string;
  /** Bytes read through the seam. */
  bytesRead: number;
  closed: boolean;
}

/** What {@link recordingOpener} returns. */
export interface RecordingOpener {
  readonly open: SourceOpener;
  /** Every request, in order, including those that failed to open. */
  readonly requested: SourceRequest[];
  /** Every source opened, in order. */
  readonly opened: OpenedSource[];
}

/** Wraps `inner`, recording what is opened and read through it. */
export function recordingOpener(inner: SourceOpener): RecordingOpener {
  const requested: SourceRequest[] = [];
  const opened: OpenedSource[] = [];
  const open: SourceOpener = async (request) => {
    requested.push(request);
    const source = await inner(request);
    const record: OpenedSource = {
      request,
      id: source.id,
      display: source.display,
      bytesRead: 0,
      closed: false,
    };
    opened.push(record);
    const wrapper: ByteSource = {
      id: source.id,
      display: source.display,
      size: source.size,
      async read(target, targetOffset, length, position) {
        const n = await source.read(target, targetOffset, length, position);
        record.bytesRead += n;
        return n;
      },
      ...(source.readSync && {
        readSync(target: Uint8Array, targetOffset: number, length: number, position: number) {
          const n = source.readSync!(target, targetOffset, length, position);
          record.bytesRead += n;
          return n;
        },
      }),
      async close() {
        record.closed = true;
        await source.close();
      },
    };
    return sharesLocalFile(wrapper, source);
  };
  return { open: sharesLister(open, inner), requested, opened };
}
