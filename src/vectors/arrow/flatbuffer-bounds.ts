/**
 * Bounds on the FlatBuffers that apache-arrow decodes (footers, schemas, message headers).
 *
 * The FlatBuffers runtime trusts every vector length it reads: a damaged record batch
 * header whose `buffers` vector claims 2^28 entries made apache-arrow build an array of
 * 2^28 buffer regions from bytes past the end (8.8 s and gigabytes for a 2 KB file, found
 * by test/fuzz). A vector's elements take at least one byte each, so a length that runs
 * past the end of its buffer is damage: this makes the runtime throw for it, and every
 * decoder above turns the throw into a VectorFileError with the file's name.
 *
 * apache-arrow and this module share the one `flatbuffers` package (a dependency of
 * apache-arrow, resolved to the same copy here and in the bundle), so patching its
 * prototype once covers every decode.
 */
import { ByteBuffer } from 'flatbuffers';

const SIZEOF_INT = 4;

/** A vector length no buffer could hold, as the runtime reported it. */
export class FlatBufferBoundsError extends Error {}

type VectorLen = (this: ByteBuffer, offset: number) => number;

const proto = ByteBuffer.prototype as unknown as { __vector_len: VectorLen; __bounded?: true };
if (!proto.__bounded) {
  proto.__bounded = true;
  proto.__vector_len = function (this: ByteBuffer, offset: number): number {
    const at = offset + this.readInt32(offset);
    const length = this.readInt32(at);
    if (length < 0 || at + SIZEOF_INT + length > this.capacity())
      throw new FlatBufferBoundsError(
        `a FlatBuffers vector at byte ${at} claims ${length} elements, past the end of its ${this.capacity()}-byte buffer`,
      );
    return length;
  };
}
