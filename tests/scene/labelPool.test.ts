/** The fascia label pool follows the visitor without redrawing labels that stay in view. */
import { describe, expect, it } from 'vitest'
import { LabelPool, nearestBooths } from '../../src/scene/labelPool'

describe('label pool', () => {
  it('labels every booth once when there are fewer booths than slots', () => {
    const pool = new LabelPool(8, 5)
    const changed = pool.assign([0, 1, 2, 3, 4])
    expect(changed).toHaveLength(5)
    expect([...pool.slotOfBooth].every((s) => s >= 0)).toBe(true)
    expect(pool.assign([0, 1, 2, 3, 4])).toEqual([])
  })

  it('keeps the slots of booths that stay near and redraws only the ones that change', () => {
    const pool = new LabelPool(3, 10)
    pool.assign([0, 1, 2])
    const slotOf1 = pool.slotOfBooth[1]
    const slotOf2 = pool.slotOfBooth[2]
    const changed = pool.assign([1, 2, 7])
    expect(changed).toHaveLength(1)
    expect(pool.slotOfBooth[1]).toBe(slotOf1)
    expect(pool.slotOfBooth[2]).toBe(slotOf2)
    expect(pool.slotOfBooth[0]).toBe(-1)
    expect(pool.boothOfSlot[changed[0]]).toBe(7)
  })

  it('never gives two booths the same slot', () => {
    const pool = new LabelPool(4, 20)
    for (const wanted of [[0, 1, 2, 3], [3, 4, 5, 6], [6, 7, 0, 1], [19, 18, 17, 16]]) {
      pool.assign(wanted)
      const used = [...pool.boothOfSlot].filter((b) => b >= 0)
      expect(new Set(used).size).toBe(used.length)
      for (const b of wanted) expect(pool.boothOfSlot[pool.slotOfBooth[b]]).toBe(b)
    }
  })

  it('picks the booths nearest the focus point', () => {
    const centres = new Float32Array([0, 0, 10, 0, 20, 0, 30, 0])
    expect(nearestBooths(centres, 4, 14, 0, 2).sort()).toEqual([1, 2])
  })
})
