// Connect's Decimal logical value: an unscaled integer and a scale, exact (never a binary float).

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** toBytes for |n| ≤ 2^53 - 1 in plain number arithmetic (most decimals), without BigInt operations. */
function smallToBytes(n: number): Uint8Array {
  // Count the bytes first, then fill them from the last one, so the only allocation is the result.
  let length = 0;
  for (let rest = n; ; ) {
    const byte = ((rest % 256) + 256) % 256;
    length++;
    rest = (rest - byte) / 256;
    if ((rest === 0 && byte < 0x80) || (rest === -1 && byte >= 0x80)) break;
  }
  const out = new Uint8Array(length);
  let rest = n;
  for (let i = length - 1; i >= 0; i--) {
    const byte = ((rest % 256) + 256) % 256;
    out[i] = byte;
    rest = (rest - byte) / 256;
  }
  return out;
}

export class Decimal {
  constructor(
    readonly unscaled: bigint,
    readonly scale: number,
  ) {}

  /** Parses "12.50", "-3", "1e3" style text into an exact decimal; the scale is taken from the text. */
  static parse(text: string): Decimal {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new RangeError(`Not a decimal number: ${text}`);
    const digits = `${m[2]}${m[3] ?? ''}` || '0';
    let scale = (m[3] ?? '').length - Number(m[4] ?? 0);
    let unscaled = BigInt(digits);
    if (scale < 0) {
      unscaled *= 10n ** BigInt(-scale);
      scale = 0;
    }
    return new Decimal(m[1] === '-' ? -unscaled : unscaled, scale);
  }

  /** Decodes Connect's wire form: big-endian two's-complement bytes of the unscaled value. */
  static fromBytes(bytes: Uint8Array, scale: number): Decimal {
    if (bytes.length === 0) return new Decimal(0n, scale);
    let value = 0n;
    for (const b of bytes) value = (value << 8n) | BigInt(b);
    if (bytes[0]! & 0x80) value -= 1n << BigInt(bytes.length * 8);
    return new Decimal(value, scale);
  }

  /** Encodes the unscaled value as minimal big-endian two's-complement bytes (Java's BigInteger.toByteArray). */
  toBytes(): Uint8Array {
    const v = this.unscaled;
    if (v >= -SAFE && v <= SAFE) return smallToBytes(Number(v));
    // The fewest bytes whose sign bit still reads right: hex digits of |v| (or |v+1| when negative), plus a sign bit.
    const magnitude = v < 0n ? -v - 1n : v;
    const bits = magnitude === 0n ? 0 : magnitude.toString(2).length;
    const length = Math.floor(bits / 8) + 1;
    const twos = v < 0n ? (1n << BigInt(length * 8)) + v : v;
    const hex = twos.toString(16).padStart(length * 2, '0');
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    return out;
  }

  /** Returns the same number at another scale; throws when digits would be lost. */
  rescale(scale: number): Decimal {
    if (scale === this.scale) return this;
    if (scale > this.scale) return new Decimal(this.unscaled * 10n ** BigInt(scale - this.scale), scale);
    const factor = 10n ** BigInt(this.scale - scale);
    if (this.unscaled % factor !== 0n) throw new RangeError(`Cannot rescale ${this.toString()} to scale ${scale} without rounding`);
    return new Decimal(this.unscaled / factor, scale);
  }

  toString(): string {
    const negative = this.unscaled < 0n;
    const digits = (negative ? -this.unscaled : this.unscaled).toString();
    if (this.scale <= 0) return `${negative ? '-' : ''}${digits}${'0'.repeat(-this.scale)}`;
    const padded = digits.padStart(this.scale + 1, '0');
    return `${negative ? '-' : ''}${padded.slice(0, -this.scale)}.${padded.slice(-this.scale)}`;
  }

  toNumber(): number {
    return Number(this.toString());
  }

  equals(other: Decimal): boolean {
    return this.unscaled === other.unscaled && this.scale === other.scale;
  }
}
