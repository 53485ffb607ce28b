/** The hand-written pose check of parseClientMessage gives exactly clientMessageSchema's answers, valid or hostile. */
import { describe, expect, it } from 'vitest'
import { ZONE_IDS } from '../../src/content/schema'
import { clientMessageSchema, parseClientMessage } from '../../src/live/protocol'

const valid = { type: 'pose', zoneId: 'lobby', x: 12.5, z: -3.25, yaw: 1.5 }

/** Each a pose that is almost right, or right at a bound: the schema decides, and the fast path must agree. */
const cases: unknown[] = [
  valid,
  { ...valid, zoneId: ZONE_IDS[ZONE_IDS.length - 1] },
  { ...valid, x: 2_000, z: -2_000, yaw: -10 },
  { ...valid, x: -0, yaw: 10 },
  { ...valid, x: 2_000.0001 },
  { ...valid, z: -2_000.5 },
  { ...valid, yaw: 10.01 },
  { ...valid, yaw: -10.01 },
  { ...valid, x: Number.NaN },
  { ...valid, x: Number.POSITIVE_INFINITY },
  { ...valid, yaw: Number.NEGATIVE_INFINITY },
  { ...valid, x: '12.5' },
  { ...valid, z: null },
  { ...valid, yaw: true },
  { ...valid, x: [1] },
  { ...valid, x: { valueOf: () => 1 } },
  { ...valid, x: 10n },
  { ...valid, zoneId: 'nowhere' },
  { ...valid, zoneId: 'Lobby' },
  { ...valid, zoneId: 'lobby ' },
  { ...valid, zoneId: 7 },
  { ...valid, zoneId: ['lobby'] },
  { ...valid, extra: 1 },
  { ...valid, name: 'Ann' },
  { type: 'pose', zoneId: 'lobby', x: 1, z: 1 },
  { type: 'pose', zoneId: 'lobby', x: 1, yaw: 0 },
  { type: 'pose', x: 1, z: 1, yaw: 0 },
  { type: 'pose', zoneId: 'lobby', x: 1, z: 1, yaw: 0, undefinedKey: undefined },
  { type: 'pose', zoneId: 'lobby', x: undefined, z: 1, yaw: 0 },
  { type: 'Pose', zoneId: 'lobby', x: 1, z: 1, yaw: 0 },
  JSON.parse('{"type":"pose","zoneId":"lobby","x":1,"z":1,"yaw":0,"__proto__":{"x":1}}'),
  JSON.parse('{"type":"pose","zoneId":"lobby","x":1,"z":1,"yaw":0,"constructor":1}'),
  JSON.parse('{"type":"pose","zoneId":"lobby","x":1,"z":1,"yaw":0,"type":"pose"}'),
  JSON.parse('{"type":"pose","zoneId":"__proto__","x":1,"z":1,"yaw":0}'),
  JSON.parse('{"type":"pose","zoneId":"toString","x":1,"z":1,"yaw":0}'),
  Object.assign(Object.create({ extra: 1 }), valid),
  Object.assign(Object.create(null), valid),
  Object.assign(Object.create({ yaw: 0 }), { type: 'pose', zoneId: 'lobby', x: 1, z: 1 }),
  [valid],
  ['pose', 'lobby', 1, 1, 0],
  null,
  undefined,
  'pose',
  42,
  // the other messages go through the schema on both sides
  { type: 'hello', name: null, invisible: false, zoneId: 'lobby' },
  { type: 'hello', name: ' ', invisible: false, zoneId: 'lobby' },
  { type: 'status', invisible: true },
  { type: 'status', name: 'x'.repeat(41) },
  { type: 'hidden', hidden: true },
  { type: 'hidden', hidden: 'yes' },
  { type: 'move', x: 1 },
]

const schemaSays = (value: unknown) => {
  const result = clientMessageSchema.safeParse(value)
  return result.success ? result.data : null
}

describe('parseClientMessage', () => {
  it.each(cases.map((value, i) => [i, value] as const))('agrees with the schema on case %i', (_, value) => {
    expect(parseClientMessage(value)).toEqual(schemaSays(value))
  })

  it('takes valid poses and refuses hostile ones (the cases are not all of one kind)', () => {
    const answers = cases.map((value) => parseClientMessage(value))
    // the four valid ones above, the one naming its type twice, the one without a prototype and the one inheriting
    // its yaw (the schema reads inherited keys; JSON.parse never makes one, and the fast path leaves it to the schema)
    expect(answers.filter((answer) => answer?.type === 'pose').length).toBe(7)
    expect(answers.filter((answer) => answer === null).length).toBeGreaterThan(30)
  })

  it('agrees with the schema on thousands of random poses near the bounds', () => {
    // a fixed-seed generator: the same cases every run
    let seed = 42
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)
    const near = (bound: number) => [bound, -bound, bound + 1e-9 * bound, -bound - 1e-9 * bound, (random() - 0.5) * 3 * bound, Number.NaN][Math.floor(random() * 6)]
    for (let i = 0; i < 5_000; i++) {
      const pose: Record<string, unknown> = {
        type: random() < 0.95 ? 'pose' : 'hello',
        zoneId: random() < 0.9 ? ZONE_IDS[Math.floor(random() * ZONE_IDS.length)] : 'elsewhere',
        x: near(2_000),
        z: near(2_000),
        yaw: near(10),
      }
      if (random() < 0.05) delete pose[['zoneId', 'x', 'z', 'yaw'][Math.floor(random() * 4)]]
      if (random() < 0.05) pose.extra = 0
      expect(parseClientMessage(pose)).toEqual(schemaSays(pose))
    }
  })
})
