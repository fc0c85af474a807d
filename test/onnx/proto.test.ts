/** The protobuf writer, byte by byte, on the wire forms ONNX models use. */
import { describe, expect, it } from 'vitest';
import { encodeModel, ProtoWriter } from '../../src/onnx/proto.js';

const bytes = (w: ProtoWriter) => [...w.finish()];

describe('ProtoWriter', () => {
  it('writes varints, including 64-bit and negative values as ten-byte two’s complement', () => {
    expect(bytes(new ProtoWriter().varint(0))).toEqual([0]);
    expect(bytes(new ProtoWriter().varint(150))).toEqual([0x96, 0x01]);
    expect(bytes(new ProtoWriter().varint(2 ** 31))).toEqual([0x80, 0x80, 0x80, 0x80, 0x08]);
    expect(bytes(new ProtoWriter().varint(2 ** 40))).toEqual([0x80, 0x80, 0x80, 0x80, 0x80, 0x20]);
    expect(bytes(new ProtoWriter().varint(-1))).toEqual([...Array(9).fill(0xff), 0x01]);
    expect(bytes(new ProtoWriter().varint(-2n))).toEqual([0xfe, ...Array(8).fill(0xff), 0x01]);
    expect(() => new ProtoWriter().varint(0.5)).toThrow(RangeError);
  });

  it('tags fields with number and wire type, and length-prefixes strings', () => {
    expect(bytes(new ProtoWriter().intField(1, 10))).toEqual([0x08, 0x0a]);
    expect(bytes(new ProtoWriter().stringField(2, 'hé'))).toEqual([0x12, 3, 0x68, 0xc3, 0xa9]);
    expect(bytes(new ProtoWriter().floatField(2, 1.5))).toEqual([0x15, 0, 0, 0xc0, 0x3f]);
    expect(bytes(new ProtoWriter().optionalString(3, ''))).toEqual([]);
  });

  it('grows its buffer past the initial size without losing bytes', () => {
    const payload = Uint8Array.from({ length: 1000 }, (_, i) => i & 0xff);
    const out = new ProtoWriter().intField(1, 1).bytesField(9, payload).finish();
    expect(out.length).toBe(2 + 1 + 2 + 1000);
    expect([...out.subarray(0, 5)]).toEqual([0x08, 0x01, 0x4a, 0xe8, 0x07]);
    expect(out.subarray(5)).toEqual(payload);
  });

  it('encodes a ModelProto with ir_version (1), graph (7) and opset_import (8) in field order', () => {
    const model = encodeModel({
      irVersion: 10,
      opsetImports: [{ version: 21 }],
      graph: { name: 'g', nodes: [], initializers: [], inputs: [], outputs: [] },
    });
    // 08 0a | 3a 03 (12 01 'g') | 42 04 (0a 00 10 15)
    expect([...model]).toEqual([
      0x08, 0x0a, 0x3a, 0x03, 0x12, 0x01, 0x67, 0x42, 0x04, 0x0a, 0x00, 0x10, 0x15,
    ]);
  });
});
