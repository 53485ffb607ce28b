/** The visitor's tables in the hall: which are marked, what their labels say, and walking there from the entrance. */
import { describe, expect, it } from 'vitest'
import type { Booking } from '../../src/booking/types'
import { autoWalk, cancelAutoWalk, startAutoWalk, stepAutoWalk } from '../../src/controls/autoWalk'
import { computeFloorPlan } from '../../src/plan/floorPlan'
import { isWalkable } from '../../src/plan/walk'
import { startWalkPose, tableApproaches, tableWalkPose } from '../../src/scene/cameraViews'
import { angleDelta, yawTowards } from '../../src/scene/coords'
import { formatMarkTime, markedTablesOf, nextMarkChange, tableLabelText } from '../../src/scene/markedTables'
import { loadRealPack } from '../helpers/realPack'

const HOUR = 3_600_000
const NOW = Date.UTC(2021, 10, 27, 8, 0)

let nextId = 1
function booking(tableId: string, startsIn: number, overrides: Partial<Booking> = {}): Booking {
  const start = NOW + startsIn * HOUR
  const id = `b${nextId++}`
  return {
    id,
    exhibitorId: 'exhibitor-a',
    start,
    end: start + HOUR / 2,
    mode: 'online',
    visitorId: 'visitor',
    status: 'confirmed',
    confirmationCode: `C${id}`,
    tableId,
    meetingUrl: `https://meet.example/${id}`,
    topic: 'Supply',
    profile: { name: 'Li Hua', company: 'Hefei Parts', email: 'li@example.com', role: 'buyer' },
    visitorTimeZone: 'Asia/Shanghai',
    exhibitorTimeZone: 'Asia/Shanghai',
    createdAt: NOW - HOUR,
    ...overrides,
  }
}

describe('marked tables', () => {
  it('marks each table of a confirmed meeting that has not ended, and leaves cancelled and past ones out', () => {
    const marks = markedTablesOf(
      [
        booking('table-3', 2),
        booking('table-7', 5),
        booking('table-9', 1, { status: 'cancelled', cancelledAt: NOW - HOUR }),
        booking('table-4', -3),
      ],
      NOW,
    )
    expect([...marks.keys()].sort()).toEqual(['table-3', 'table-7'])
  })

  it('keeps a meeting in progress marked until it ends', () => {
    const running = booking('table-2', -0.25)
    expect(markedTablesOf([running], NOW).get('table-2')?.next).toBe(running)
    expect(markedTablesOf([running], running.end).size).toBe(0)
  })

  it('shows the next meeting of a table and counts the later ones', () => {
    const later = booking('table-3', 26, { exhibitorId: 'exhibitor-b' })
    const next = booking('table-3', 2)
    const past = booking('table-3', -5)
    const mark = markedTablesOf([later, past, next], NOW).get('table-3')!
    expect(mark.next).toBe(next)
    expect(mark.more).toBe(1)
  })

  it('orders the marks soonest first', () => {
    const marks = markedTablesOf([booking('table-8', 9), booking('table-1', 4), booking('table-5', 6)], NOW)
    expect([...marks.keys()]).toEqual(['table-1', 'table-5', 'table-8'])
  })

  it('knows when the marks change on their own: the soonest end of a marked meeting', () => {
    const first = booking('table-3', 2)
    expect(nextMarkChange([booking('table-4', 6), first, booking('table-5', -4)], NOW)).toBe(first.end)
    expect(nextMarkChange([booking('table-5', -4)], NOW)).toBeNull()
  })
})

describe('table labels', () => {
  const names = new Map([['exhibitor-a', { 'zh-CN': '合肥智造', en: 'Hefei Smart Manufacturing' }]])

  it('gives the exhibitor in Chinese and English and the start in the visitor’s zone and language', () => {
    // 02:00 UTC is 10:00 in Shanghai and 21:00 the day before in New York.
    const b = booking('table-3', 0, { start: Date.UTC(2021, 10, 28, 2, 0), end: Date.UTC(2021, 10, 28, 2, 30) })
    const text = tableLabelText({ tableId: 'table-3', next: b, more: 2 }, names, 'zh-CN', 'Asia/Shanghai')
    expect(text).toEqual({ zh: '合肥智造', en: 'Hefei Smart Manufacturing', time: '11月28日 10:00', more: '+2' })
    expect(formatMarkTime(b.start, 'en', 'America/New_York')).toBe('Nov 27, 21:00')
    expect(formatMarkTime(b.start, 'ko', 'Asia/Seoul')).toBe('11월 28일 11:00')
  })

  it('falls back to the exhibitor id and no "+N" for an unknown exhibitor with one meeting', () => {
    const b = booking('table-3', 1, { exhibitorId: 'gone' })
    expect(tableLabelText({ tableId: 'table-3', next: b, more: 0 }, names, 'en', 'UTC')).toMatchObject({ zh: 'gone', en: '', more: '' })
  })
})

describe('going to a table on foot', () => {
  const pack = loadRealPack()
  const plan = computeFloorPlan({ zones: pack.zones, exhibitors: pack.exhibitors })
  const table = plan.tables[2]

  it('stands beside the table, on walkable floor, facing it', () => {
    const from = startWalkPose(plan)
    const pose = tableWalkPose(plan, table, from)
    expect(isWalkable(plan.walkGrid, pose)).toBe(true)
    const distance = Math.hypot(pose.x - table.centre.x, pose.z - table.centre.z)
    expect(distance).toBeGreaterThan(plan.tableDiameter / 2)
    expect(distance).toBeLessThanOrEqual(3 + 1e-9)
    expect(Math.abs(angleDelta(pose.yaw, yawTowards(pose, table.centre)))).toBeLessThan(1e-9)
    expect(tableApproaches(plan, table).length).toBeGreaterThan(1)
  })

  it('walks from the entrance to the table and ends facing it', () => {
    const walker = startWalkPose(plan)
    const stand = tableWalkPose(plan, table, walker)
    expect(startAutoWalk(plan.walkGrid, walker, stand, { yaw: stand.yaw, pitch: stand.pitch })).toBe(true)
    let seconds = 0
    while (autoWalk.path && seconds < 300) {
      stepAutoWalk(walker, 1 / 30, plan.walkGrid)
      seconds += 1 / 30
    }
    cancelAutoWalk()
    expect(Math.hypot(walker.x - stand.x, walker.z - stand.z)).toBeLessThan(0.1)
    expect(Math.abs(angleDelta(walker.yaw, stand.yaw))).toBeLessThan(0.01)
    expect(walker.pitch).toBeCloseTo(stand.pitch, 2)
  })
})
