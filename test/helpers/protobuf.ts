// Test and bench helper, not the product: the few protobuf wire-format encoders that hand-made
// OTLP requests need (independently of the SDK under test).
import { Buffer } from "node:buffer";

export function varint(n: bigint | number): Buffer {
  let v = BigInt(n);
  const out: number[] = [];
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return Buffer.from(out);
}

/** A field's tag: its number and wire type (0 varint, 1 fixed64, 2 length-delimited). */
export const field = (no: number, wire: number) => varint((no << 3) | wire);
export const len = (no: number, body: Buffer) =>
  Buffer.concat([field(no, 2), varint(body.length), body]);
export const str = (no: number, s: string) => len(no, Buffer.from(s, "utf8"));
export const fixed64 = (no: number, v: bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(v);
  return Buffer.concat([field(no, 1), b]);
};
