// Ordinals as printed: 取組 carry circled numbers ①…⑳, and (21) beyond, from their position.

const CIRCLED_ONE = 0x2460; // ①; ①…⑳ are consecutive code points

export function circledNumber(ordinal: number): string {
  if (!Number.isInteger(ordinal) || ordinal < 1) throw new RangeError(`ordinal must be a positive integer: ${ordinal}`);
  return ordinal <= 20 ? String.fromCodePoint(CIRCLED_ONE + ordinal - 1) : `(${ordinal})`;
}
