/** A fixed pool of label slots handed to the booths nearest the visitor, so 3000 stands need no more texture than 256. */

export class LabelPool {
  readonly boothOfSlot: Int32Array
  readonly slotOfBooth: Int32Array

  constructor(
    readonly slots: number,
    readonly boothCount: number,
  ) {
    this.boothOfSlot = new Int32Array(slots).fill(-1)
    this.slotOfBooth = new Int32Array(Math.max(1, boothCount)).fill(-1)
  }

  /**
   * Makes `wanted` (booth indices, nearest first) the labelled set. Booths that stay keep their slot, so only the
   * returned slots need redrawing.
   */
  assign(wanted: readonly number[]): number[] {
    const keep = new Set(wanted.slice(0, this.slots))
    const free: number[] = []
    const changed = new Set<number>()
    for (let s = this.slots - 1; s >= 0; s--) {
      const b = this.boothOfSlot[s]
      if (b >= 0 && keep.has(b)) continue
      if (b >= 0) {
        this.slotOfBooth[b] = -1
        this.boothOfSlot[s] = -1
        changed.add(s)
      }
      free.push(s)
    }
    for (const b of keep) {
      if (this.slotOfBooth[b] >= 0) continue
      const s = free.pop()
      if (s === undefined) break
      this.boothOfSlot[s] = b
      this.slotOfBooth[b] = s
      changed.add(s)
    }
    return [...changed].sort((a, b) => a - b)
  }
}

/** Indices of the `k` booths nearest to a focus point (world x, z); `centres` holds x, z pairs. */
export function nearestBooths(centres: Float32Array, count: number, x: number, z: number, k: number): number[] {
  if (count <= k) return Array.from({ length: count }, (_, i) => i)
  const distance = new Float32Array(count)
  for (let i = 0; i < count; i++) {
    const dx = centres[i * 2] - x
    const dz = centres[i * 2 + 1] - z
    distance[i] = dx * dx + dz * dz
  }
  const order = Array.from({ length: count }, (_, i) => i)
  order.sort((a, b) => distance[a] - distance[b])
  return order.slice(0, k)
}
