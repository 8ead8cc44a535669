// TEST STAND-IN, not the product: a minimal protobuf wire-format reader and writer, enough for
// the OTLP trace messages the collector and Jaeger stand-ins exchange.
import { Buffer } from "node:buffer";

export class Reader {
  constructor(buf) {
    this.buf = buf;
    this.pos = 0;
  }
  done() {
    return this.pos >= this.buf.length;
  }
  varint() {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (this.pos >= this.buf.length) throw new Error("protobuf: truncated varint");
      const byte = this.buf[this.pos++];
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
      if (shift > 70n) throw new Error("protobuf: varint too long");
    }
  }
  tag() {
    const key = Number(this.varint());
    return { field: key >>> 3, wire: key & 7 };
  }
  bytes() {
    const len = Number(this.varint());
    if (this.pos + len > this.buf.length) throw new Error("protobuf: truncated length-delimited");
    const out = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }
  string() {
    return this.bytes().toString("utf8");
  }
  fixed64() {
    if (this.pos + 8 > this.buf.length) throw new Error("protobuf: truncated fixed64");
    const v = this.buf.readBigUInt64LE(this.pos);
    this.pos += 8;
    return v;
  }
  double() {
    if (this.pos + 8 > this.buf.length) throw new Error("protobuf: truncated double");
    const v = this.buf.readDoubleLE(this.pos);
    this.pos += 8;
    return v;
  }
  fixed32() {
    if (this.pos + 4 > this.buf.length) throw new Error("protobuf: truncated fixed32");
    const v = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }
  skip(wire) {
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 2) this.bytes();
    else if (wire === 5) this.pos += 4;
    else throw new Error(`protobuf: unsupported wire type ${wire}`);
    if (this.pos > this.buf.length) throw new Error("protobuf: truncated field");
  }
}

/** Iterates the fields of a message: calls onField(field, wire, reader) for each. */
export function readMessage(buf, onField) {
  const r = new Reader(buf);
  while (!r.done()) {
    const { field, wire } = r.tag();
    if (onField(field, wire, r) === false) r.skip(wire);
  }
}

export class Writer {
  constructor() {
    this.parts = [];
  }
  raw(buf) {
    this.parts.push(buf);
    return this;
  }
  varintRaw(value) {
    let v = BigInt.asUintN(64, BigInt(value));
    const out = [];
    while (v >= 0x80n) {
      out.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    out.push(Number(v));
    return this.raw(Buffer.from(out));
  }
  key(field, wire) {
    return this.varintRaw((field << 3) | wire);
  }
  varint(field, value) {
    if (value === undefined || value === null || BigInt(value) === 0n) return this;
    return this.key(field, 0).varintRaw(value);
  }
  bool(field, value) {
    return value ? this.key(field, 0).varintRaw(1) : this;
  }
  bytes(field, buf) {
    if (!buf || buf.length === 0) return this;
    return this.key(field, 2).varintRaw(buf.length).raw(buf);
  }
  /** Like bytes() but also writes an empty message (presence matters for oneof members). */
  message(field, buf) {
    return this.key(field, 2).varintRaw(buf.length).raw(buf);
  }
  string(field, s) {
    return s ? this.bytes(field, Buffer.from(s, "utf8")) : this;
  }
  fixed64(field, value) {
    if (value === undefined || value === null || BigInt(value) === 0n) return this;
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt.asUintN(64, BigInt(value)));
    return this.key(field, 1).raw(b);
  }
  double(field, value) {
    const b = Buffer.alloc(8);
    b.writeDoubleLE(value);
    return this.key(field, 1).raw(b);
  }
  fixed32(field, value) {
    if (!value) return this;
    const b = Buffer.alloc(4);
    b.writeUInt32LE(value >>> 0);
    return this.key(field, 5).raw(b);
  }
  finish() {
    return Buffer.concat(this.parts);
  }
}
