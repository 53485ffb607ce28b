import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { assignSeat, type SeatedMeeting } from '../../src/booking/seats'

const M = 60_000
const meeting = (id: string, start: number, minutes: number, seat: number): SeatedMeeting => ({ id, start: start * M, end: (start + minutes) * M, seat })
const time = (start: number, minutes: number) => ({ start: start * M, end: (start + minutes) * M })
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end

/** The most meetings at one instant of [start, end). */
function peak(meetings: readonly { start: number; end: number }[], within: { start: number; end: number }): number {
  const instants = [within.start, ...meetings.map((m) => m.start).filter((t) => t > within.start && t < within.end)]
  return Math.max(0, ...instants.map((t) => meetings.filter((m) => m.start <= t && t < m.end).length))
}

describe('seats of an exhibitor’s parallel tables', () => {
  it('gives the lowest seat free for the whole meeting, moving nobody', () => {
    expect(assignSeat([], time(600, 30), 2)).toEqual({ seat: 1, moves: [] })
    expect(assignSeat([meeting('a', 600, 30, 1)], time(600, 30), 2)).toEqual({ seat: 2, moves: [] })
    // back to back is not at the same time
    expect(assignSeat([meeting('a', 600, 30, 1)], time(630, 30), 1)).toEqual({ seat: 1, moves: [] })
  })

  it('refuses when as many meetings as tables run at one instant of the time', () => {
    expect(assignSeat([meeting('a', 600, 30, 1), meeting('b', 615, 30, 2)], time(620, 30), 2)).toBeUndefined()
  })

  it('repacks neighbours when two grids leave no single seat free although one table is free at every instant', () => {
    // online 10:00–10:30 on seat 1, on-site 10:30–11:00 forced to seat 2 by a later meeting on seat 1
    const existing = [meeting('p', 600, 30, 1), meeting('r', 645, 30, 1), meeting('q', 630, 30, 2)]
    // 10:15–10:45 (the other grid) meets p, then q: one meeting at every instant, yet seats 1 and 2 are both in use
    const slot = time(615, 30)
    const assignment = assignSeat(existing, slot, 2)
    expect(assignment).toBeDefined()
    const after = existing.map((m) => ({ ...m, seat: assignment!.moves.find((move) => move.id === m.id)?.seat ?? m.seat }))
    const placed = [...after, { id: 'new', ...slot, seat: assignment!.seat }]
    for (const a of placed) for (const b of placed) if (a !== b && overlaps(a, b)) expect(a.seat).not.toBe(b.seat)
    expect(assignment!.moves.length).toBeGreaterThan(0)
  })

  it('never seats two overlapping meetings together and fits whenever the peak is below capacity (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.record({ start: fc.integer({ min: 0, max: 40 }), minutes: fc.constantFrom(2, 3, 4, 6) }), { maxLength: 25 }),
        (capacity, requests) => {
          const placed: SeatedMeeting[] = []
          requests.forEach((r, i) => {
            const slot = time(r.start, r.minutes)
            const assignment = assignSeat(placed, slot, capacity)
            // it fits exactly when fewer than `capacity` meetings run at one instant of it
            expect(assignment === undefined).toBe(peak(placed, slot) >= capacity)
            if (!assignment) return
            for (const move of assignment.moves) placed.find((m) => m.id === move.id)!.seat = move.seat
            placed.push({ id: `m${i}`, ...slot, seat: assignment.seat })
            for (const a of placed) {
              expect(a.seat).toBeGreaterThanOrEqual(1)
              expect(a.seat).toBeLessThanOrEqual(capacity)
              for (const b of placed) if (a !== b && overlaps(a, b)) expect(a.seat).not.toBe(b.seat)
            }
          })
        },
      ),
      { seed: 2021, numRuns: 400 },
    )
  })
})
