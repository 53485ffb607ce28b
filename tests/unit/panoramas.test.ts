import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ZONE_IDS, type ZoneId } from '../../src/content/schema'
import { computeFloorPlan } from '../../src/plan/floorPlan'
import { equirectangularUv, PANORAMA_EYE_HEIGHT, panoramaDirection, panoramaHotspots, panoramaViewpoint, type PanoramaHotspot } from '../../src/plan/panoramas'
import type { FloorPlan, Rect } from '../../src/plan/types'
import { isWalkableDisc } from '../../src/plan/walk'
import { EYE_HEIGHT } from '../../src/scene/dimensions'
import { manifestViewpoint, PANORAMA_BUDGET_KB, PANORAMA_DIR, PANORAMA_MANIFEST, planFingerprint, type PanoramaManifest } from '../../scripts/panoramaManifest'
import { buildPlanInput } from '../helpers/planFixture'
import { loadRealPack } from '../helpers/realPack'

const pack = loadRealPack()
const samplePlan = computeFloorPlan({ zones: pack.zones, exhibitors: pack.exhibitors })
const plans: [string, FloorPlan][] = [
  ['the sample hall', samplePlan],
  ['a synthetic 1,000-booth hall', computeFloorPlan(buildPlanInput(1000))],
]
/** The room the plan promises round each viewpoint (VIEWPOINT_CLEARANCE). */
const CLEARANCE = 1.2

const inside = (p: { x: number; z: number }, r: Rect) => p.x >= r.x && p.x <= r.x + r.width && p.z >= r.z && p.z <= r.z + r.depth
const centreOf = (r: Rect) => ({ x: r.x + r.width / 2, z: r.z + r.depth / 2 })
const zoneHotspots = (hotspots: PanoramaHotspot[]) => hotspots.flatMap((h) => (h.kind === 'zone' ? [h.zoneId] : []))

/** The inverse of the picture convention, as the generator's shader reads it: picture coordinates to a direction. */
const directionAt = (u: number, v: number) => ({ yaw: (u - 0.5) * 2 * Math.PI, pitch: (0.5 - v) * Math.PI })

describe.each(plans)('panorama viewpoints of %s', (_, plan) => {
  it.each(ZONE_IDS)('stands %s inside its zone, on the floor with room round it, at a visitor’s eye height', (zoneId) => {
    const view = panoramaViewpoint(plan, zoneId)!
    const zone = plan.zones.find((z) => z.zoneId === zoneId)!
    expect(view.zoneId).toBe(zoneId)
    expect(inside(view.at, zone.rect)).toBe(true)
    expect(isWalkableDisc(plan.walkGrid, view.at, CLEARANCE)).toBe(true)
    // the same eyes as walk mode, so a panorama looks like the hall a visitor walks
    expect(view.eyeHeight).toBe(PANORAMA_EYE_HEIGHT)
    expect(view.eyeHeight).toBe(EYE_HEIGHT)
    expect(view.centreYaw).toBeGreaterThan(-Math.PI - 1e-9)
    expect(view.centreYaw).toBeLessThanOrEqual(Math.PI)
  })

  it('has no viewpoint for a zone the hall does not have', () => {
    const withoutLobby = { ...plan, zones: plan.zones.filter((z) => z.zoneId !== 'lobby') }
    expect(panoramaViewpoint(withoutLobby, 'lobby')).toBeNull()
  })

  it.each(ZONE_IDS)('points a hotspot of %s at every booth of the zone and at no other booth', (zoneId) => {
    const view = panoramaViewpoint(plan, zoneId)!
    const hotspots = panoramaHotspots(plan, view)
    const booths = plan.booths.filter((b) => b.zoneId === zoneId)
    const boothSpots = hotspots.filter((h) => h.kind === 'booth')
    expect(boothSpots.map((h) => h.exhibitorId).sort()).toEqual(booths.map((b) => b.exhibitorId).sort())
    for (const spot of boothSpots) {
      const booth = booths.find((b) => b.exhibitorId === spot.exhibitorId)!
      // walking `distance` along the hotspot's heading from the viewpoint reaches the stand's centre
      const heading = view.centreYaw + spot.yaw
      const reached = { x: view.at.x + Math.sin(heading) * spot.distance, z: view.at.z + Math.cos(heading) * spot.distance }
      expect(reached.x).toBeCloseTo(centreOf(booth.rect).x, 6)
      expect(reached.z).toBeCloseTo(centreOf(booth.rect).z, 6)
      expect(Math.abs(spot.yaw)).toBeLessThanOrEqual(Math.PI)
      // the fascia is above the eyes and below straight up
      expect(spot.pitch).toBeGreaterThan(0)
      expect(spot.pitch).toBeLessThan(Math.PI / 2)
    }
    const distances = hotspots.map((h) => h.distance)
    expect(distances).toEqual([...distances].sort((a, b) => a - b))
  })

  it('names neighbouring zones both ways, never the zone itself, on the horizon', () => {
    const neighbours = new Map<ZoneId, ZoneId[]>()
    for (const zoneId of ZONE_IDS) {
      const hotspots = panoramaHotspots(plan, panoramaViewpoint(plan, zoneId)!)
      neighbours.set(zoneId, zoneHotspots(hotspots))
      expect(zoneHotspots(hotspots)).not.toContain(zoneId)
      expect(zoneHotspots(hotspots).length).toBeGreaterThan(0)
      for (const spot of hotspots) if (spot.kind === 'zone') expect(spot.pitch).toBe(0)
    }
    for (const [zoneId, near] of neighbours) for (const other of near) expect(neighbours.get(other), `${other} should name ${zoneId}`).toContain(zoneId)
  })
})

describe('panorama neighbours of the sample hall', () => {
  const near = (zoneId: ZoneId) => zoneHotspots(panoramaHotspots(samplePlan, panoramaViewpoint(samplePlan, zoneId)!))

  it('lead from the lobby to the zones beside it, and not to the back of the hall', () => {
    expect(near('lobby').sort()).toEqual(['new-materials', 'next-gen-it'])
    expect(near('lobby')).not.toContain('negotiation')
  })

  it('join zones across an aisle, not zones across the hall', () => {
    expect(near('ai')).toContain('next-gen-it')
    expect(near('ai')).not.toContain('new-energy')
    expect(near('negotiation')).toContain('korea-pavilion')
    expect(near('negotiation')).not.toContain('ai')
  })
})

describe('the equirectangular picture convention', () => {
  it('puts the centre heading in the middle, the right to the right and up at the top', () => {
    expect(equirectangularUv(0, 0)).toEqual({ u: 0.5, v: 0.5 })
    expect(equirectangularUv(Math.PI / 2, 0).u).toBeCloseTo(0.75, 12)
    expect(equirectangularUv(-Math.PI / 2, 0).u).toBeCloseTo(0.25, 12)
    expect(equirectangularUv(0, Math.PI / 2).v).toBeCloseTo(0, 12)
    expect(equirectangularUv(0, -Math.PI / 2).v).toBeCloseTo(1, 12)
  })

  it('shows what lies to plan +x on the right when looking along plan +z, and what lies behind at the edges', () => {
    const view = { zoneId: 'ai' as const, at: { x: 10, z: 10 }, eyeHeight: PANORAMA_EYE_HEIGHT, centreYaw: 0 }
    const uvOf = (x: number, z: number, height = PANORAMA_EYE_HEIGHT) => {
      const { yaw, pitch } = panoramaDirection(view, { x, z }, height)
      return equirectangularUv(yaw, pitch)
    }
    expect(uvOf(15, 15).u).toBeCloseTo(0.625, 12)
    expect(uvOf(5, 15).u).toBeCloseTo(0.375, 12)
    expect(uvOf(10, 2).u === 0 || uvOf(10, 2).u === 1).toBe(true)
    // above the eyes is above the middle row
    expect(uvOf(10, 15, 3).v).toBeLessThan(0.5)
    // turned to face plan +x, the same point is now in the middle
    expect(equirectangularUv(panoramaDirection({ ...view, centreYaw: Math.PI / 2 }, { x: 15, z: 10 }, PANORAMA_EYE_HEIGHT).yaw, 0).u).toBeCloseTo(0.5, 12)
  })

  it('wraps any heading into the picture once round', () => {
    expect(equirectangularUv((3 * Math.PI) / 2, 0).u).toBeCloseTo(0.25, 12)
    expect(equirectangularUv(-(3 * Math.PI) / 2, 0).u).toBeCloseTo(0.75, 12)
    for (const yaw of [-7, -Math.PI, 0.3, Math.PI, 9]) {
      const { u } = equirectangularUv(yaw, 0)
      expect(u).toBeGreaterThanOrEqual(0)
      expect(u).toBeLessThan(1)
    }
  })

  it('round-trips every direction through picture coordinates and back', () => {
    for (let i = 0; i < 200; i++) {
      const yaw = -Math.PI + 1e-9 + ((i * 0.6180339887) % 1) * (2 * Math.PI - 2e-9)
      const pitch = (((i * 0.7548776662) % 1) - 0.5) * Math.PI
      const { u, v } = equirectangularUv(yaw, pitch)
      const back = directionAt(u, v)
      expect(back.yaw).toBeCloseTo(yaw, 9)
      expect(back.pitch).toBeCloseTo(pitch, 9)
    }
  })
})

/** Width and height from a WebP file's first chunk (lossy VP8, lossless VP8L or extended VP8X), or null when not a WebP. */
function webpSize(file: Buffer): { width: number; height: number } | null {
  if (file.length < 30 || file.toString('ascii', 0, 4) !== 'RIFF' || file.toString('ascii', 8, 12) !== 'WEBP') return null
  // the RIFF size counts everything after its own field: a cut-off file is no picture
  if (file.readUInt32LE(4) + 8 !== file.length) return null
  const chunk = file.toString('ascii', 12, 16)
  if (chunk === 'VP8 ') {
    if (file[23] !== 0x9d || file[24] !== 0x01 || file[25] !== 0x2a) return null
    return { width: file.readUInt16LE(26) & 0x3fff, height: file.readUInt16LE(28) & 0x3fff }
  }
  if (chunk === 'VP8L') {
    if (file[20] !== 0x2f) return null
    const bits = file.readUInt32LE(21)
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 }
  }
  if (chunk === 'VP8X') return { width: file.readUIntLE(24, 3) + 1, height: file.readUIntLE(27, 3) + 1 }
  return null
}

describe('the shipped panoramas', () => {
  const manifest = JSON.parse(readFileSync(PANORAMA_MANIFEST, 'utf8')) as PanoramaManifest
  const stale = 'panoramas are stale: run npm run panoramas'

  it('were taken of the sample hall as it is laid out now', () => {
    expect(manifest.plan, stale).toBe(planFingerprint(samplePlan))
  })

  it('would know the layout changed if one stand moved half a metre', () => {
    const moved = { ...samplePlan, booths: samplePlan.booths.map((b, i) => (i === 0 ? { ...b, rect: { ...b.rect, x: b.rect.x + 0.5 } } : b)) }
    expect(planFingerprint(moved)).not.toBe(planFingerprint(samplePlan))
    expect(planFingerprint(computeFloorPlan({ zones: pack.zones, exhibitors: pack.exhibitors }))).toBe(planFingerprint(samplePlan))
  })

  it.each(ZONE_IDS)('of %s: taken from the viewpoint the plan gives now', (zoneId) => {
    const entry = manifest.zones[zoneId]
    if (!entry) expect.fail(`${stale} (${zoneId} has none)`)
    expect(entry.viewpoint, stale).toEqual(manifestViewpoint(panoramaViewpoint(samplePlan, zoneId)!))
  })

  it.each(ZONE_IDS)(`of %s: a 2:1 WebP as the manifest says, within ${PANORAMA_BUDGET_KB} KB`, (zoneId) => {
    const entry = manifest.zones[zoneId]
    if (!entry) expect.fail(`${stale} (${zoneId} has none)`)
    const path = join(PANORAMA_DIR, entry.file)
    expect(existsSync(path), `${path} is missing: run npm run panoramas`).toBe(true)
    const file = readFileSync(path)
    const size = webpSize(file)
    expect(size, `${path} is not a WebP`).not.toBeNull()
    expect(size).toEqual({ width: entry.width, height: entry.height })
    expect(size!.width).toBe(2 * size!.height)
    expect(statSync(path).size).toBe(entry.bytes)
    expect(entry.bytes).toBeLessThanOrEqual(PANORAMA_BUDGET_KB * 1024)
  })
})

describe('the WebP header reader the freshness test relies on', () => {
  const riff = (chunk: string, body: number[]) => {
    const data = Buffer.from([...Buffer.from(chunk, 'ascii'), 0, 0, 0, 0, ...body])
    const file = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBP'), data])
    file.writeUInt32LE(file.length - 8, 4)
    return file
  }

  it('reads lossy, lossless and extended headers, and refuses what is not a WebP', () => {
    const lossy = riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, 0x00, 0x10, 0x00, 0x08, 0, 0])
    expect(webpSize(lossy)).toEqual({ width: 4096, height: 2048 })
    // 14 bits of width - 1 then 14 bits of height - 1
    const bits = (3072 - 1) | ((1536 - 1) << 14)
    const lossless = riff('VP8L', [0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, (bits >>> 24) & 0xff, 0, 0, 0, 0, 0])
    expect(webpSize(lossless)).toEqual({ width: 3072, height: 1536 })
    const extended = riff('VP8X', [0, 0, 0, 0, 0xff, 0x07, 0x00, 0xff, 0x03, 0x00])
    expect(webpSize(extended)).toEqual({ width: 2048, height: 1024 })
    expect(webpSize(Buffer.from('\x89PNG\r\n\x1a\n'.padEnd(40, '\0'), 'binary'))).toBeNull()
    expect(webpSize(lossy.subarray(0, lossy.length - 1))).toBeNull()
  })
})
