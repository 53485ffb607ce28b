/** A `?route=` share code with a name of any length, as a crafted link may carry one (the app's encoder cuts names short). */

/** Version 1, 4-byte booth keys, and two zone stops (zones 1 and 2), so it decodes against any catalogue. */
export function craftedShareCode(name: string): string {
  const nameBytes = [...new TextEncoder().encode(name)]
  const varint = (n: number): number[] => (n < 0x80 ? [n] : [(n & 0x7f) | 0x80, ...varint(n >>> 7)])
  const body = [1, 0x10 | 4, ...varint(nameBytes.length), ...nameBytes, 2, 0b11, 1, 2]
  let h = 0x811c9dc5
  for (const b of body) h = Math.imul(h ^ b, 0x01000193) >>> 0
  const bytes = [...body, h >>> 24, (h >>> 16) & 0xff, (h >>> 8) & 0xff, h & 0xff]
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
