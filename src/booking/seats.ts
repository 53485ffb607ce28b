/**
 * Which of an exhibitor's parallel tables ("seats", numbered from 1) a new meeting takes. The database refuses two
 * live meetings on one seat at once, so seats numbered up to the exhibitor's tables cap its simultaneous meetings.
 * Free slots count the peak of simultaneous meetings; when meetings on two grids (online and on-site) leave no
 * single seat free for a slot whose peak is below capacity, the neighbours' seats are repacked (seats are never
 * shown to anyone, so moving them changes nothing people see).
 */

export interface SeatedMeeting {
  id: string
  start: number
  end: number
  seat: number
}

export interface SeatAssignment {
  seat: number
  /** Existing meetings whose seat changes, to be written in the same transaction. */
  moves: { id: string; seat: number }[]
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end

/**
 * A seat for [start, end) among the exhibitor's live meetings, or undefined when `capacity` meetings already run
 * at one instant of it. Tries a seat free for the whole time first; otherwise recolours the group of meetings
 * chained to it by overlaps, in order of start, each taking the lowest seat its earlier neighbours leave free:
 * on intervals this uses exactly as many seats as the most meetings at one instant.
 */
export function assignSeat(meetings: readonly SeatedMeeting[], time: { start: number; end: number }, capacity: number): SeatAssignment | undefined {
  const busy = new Set(meetings.filter((m) => overlaps(m, time)).map((m) => m.seat))
  for (let seat = 1; seat <= capacity; seat++) if (!busy.has(seat)) return { seat, moves: [] }

  const NEW = '\u0000new'
  const group: SeatedMeeting[] = [{ id: NEW, start: time.start, end: time.end, seat: 0 }]
  const rest = new Set(meetings)
  for (let i = 0; i < group.length; i++) {
    for (const m of rest) {
      if (overlaps(m, group[i])) {
        group.push(m)
        rest.delete(m)
      }
    }
  }
  group.sort((a, b) => a.start - b.start || a.end - b.end || (a.id === NEW ? 1 : b.id === NEW ? -1 : 0))
  const placed: SeatedMeeting[] = []
  for (const m of group) {
    // meetings outside the group overlap none of it, so only the group's own seats matter
    const taken = new Set(placed.filter((n) => overlaps(n, m)).map((n) => n.seat))
    let seat = 1
    while (taken.has(seat)) seat++
    if (seat > capacity) return undefined
    placed.push({ ...m, seat })
  }
  const seat = placed.find((m) => m.id === NEW)!.seat
  const before = new Map(meetings.map((m) => [m.id, m.seat]))
  const moves = placed.filter((m) => m.id !== NEW && before.get(m.id) !== m.seat).map((m) => ({ id: m.id, seat: m.seat }))
  return { seat, moves }
}
