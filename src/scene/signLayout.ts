/** Which signs hang where and what each shows: pure data from plan + pack that the sign atlas and the architecture share. */
import type { ContentPack, ZoneId } from '../content/schema'
import type { FloorPlan, Point, SectionArea, ZoneArea } from '../plan/types'
import { worldZ } from './coords'
import { BOOTH, HALL } from './dimensions'
import { koreaGate, yrdGateway } from '../plan/gates'
import { rectCentre, sectionName, zoneById, zoneFront } from './landmarks'

/** What a sign slot of the atlas shows. */
export type SignArt =
  | { kind: 'zone'; zh: string; en: string; ko?: string; colour: string }
  | { kind: 'section'; zh: string; en: string; colour: string }
  | { kind: 'title'; zh: string; en: string; colour: string }
  | { kind: 'taegeuk'; zh: string; en: string; ko: string }
  | { kind: 'caption'; zh: string; en: string; colour: string }

export interface SignArtSpec {
  key: string
  art: SignArt
  /** Slot size in atlas pixels; the quad keeps this aspect. */
  pixels: [number, number]
}

export interface SignPlacement {
  art: string
  /** World position of the sign's centre. */
  position: [number, number, number]
  rotationY: number
  width: number
  height: number
  /** Shows the same face on the back, turned round so it reads from both sides. */
  doubleSided: boolean
  /** A backing board this much larger than the face, in this colour. */
  board?: { colour: string; margin: number; depth: number }
  /** Hangs from the roof trusses on two cables. */
  hang: boolean
}

export const SIGN_PIXELS = {
  zone: [1016, 160],
  section: [400, 100],
  title: [1016, 160],
  taegeuk: [256, 256],
  caption: [400, 80],
} as const satisfies Record<SignArt['kind'], readonly [number, number]>

/** Rotation about y that turns a plane's front (+z) towards a plan direction. */
export const facingRotation = (dir: Point) => Math.atan2(dir.x, -dir.z)

// The gates stand on the floor the walk grid covers, so where they go is plan geometry.
export { koreaGate, yrdGateway, type KoreaGate } from '../plan/gates'

/** Width of a zone's hanging sign: its face; the board adds its margin. */
export const zoneSignWidth = (area: ZoneArea) => Math.max(6, Math.min(11, area.rect.width * 0.75, area.rect.depth * 1.2))
/** Width of a section's hanging sign. */
export const sectionSignWidth = (section: SectionArea) => Math.max(3, Math.min(5.5, section.rect.width * 0.6))
/** The tallest stand's top: an island's totem and fascia (boothLayout). */
const TALLEST_STAND = BOOTH.platformHeight + BOOTH.islandTotemHeight + 0.7
/** Centre height of a section's sign: its board's lower edge clears the tallest stand below it by half a metre. */
export const sectionSignHeight = (width: number) =>
  Math.max(HALL.sectionSignHeight, TALLEST_STAND + 0.5 + (width * SIGN_PIXELS.section[1]) / SIGN_PIXELS.section[0] / 2 + 0.08)

export function computeSigns(plan: FloorPlan, pack: Pick<ContentPack, 'zones' | 'exhibitors' | 'event'>) {
  const arts: SignArtSpec[] = []
  const placements: SignPlacement[] = []
  const zoneInfo = new Map(pack.zones.map((z) => [z.id, z]))
  const colourOf = (id: ZoneId) => zoneInfo.get(id)?.colour ?? '#607d8b'

  for (const area of plan.zones) {
    if (area.zoneId === 'lobby') continue
    const zone = zoneInfo.get(area.zoneId)
    if (!zone) continue
    const key = `zone:${zone.id}`
    arts.push({
      key,
      art: {
        kind: 'zone',
        zh: zone.name['zh-CN'],
        en: zone.name.en,
        ko: zone.id === 'korea-pavilion' ? zone.name.ko : undefined,
        colour: zone.colour,
      },
      pixels: [...SIGN_PIXELS.zone],
    })
    const front = zoneFront(area)
    const width = zoneSignWidth(area)
    placements.push({
      art: key,
      position: [area.sign.x, HALL.zoneSignHeight, worldZ(area.sign)],
      rotationY: facingRotation(front.outward),
      width,
      height: (width * SIGN_PIXELS.zone[1]) / SIGN_PIXELS.zone[0],
      doubleSided: true,
      board: { colour: zone.colour, margin: 0.12, depth: 0.16 },
      hang: true,
    })
  }

  for (const s of plan.sections) {
    const zone = zoneById(plan, s.zoneId)
    if (!zone) continue
    const key = `section:${s.zoneId}:${s.section}`
    const name = sectionName(pack, s.zoneId, s.section)
    arts.push({ key, art: { kind: 'section', zh: name.zh, en: name.en, colour: colourOf(s.zoneId) }, pixels: [...SIGN_PIXELS.section] })
    const c = rectCentre(s.rect)
    const width = sectionSignWidth(s)
    placements.push({
      art: key,
      position: [c.x, sectionSignHeight(width), worldZ(c)],
      rotationY: facingRotation(zoneFront(zone).outward),
      width,
      height: (width * SIGN_PIXELS.section[1]) / SIGN_PIXELS.section[0],
      doubleSided: true,
      board: { colour: '#ffffff', margin: 0.08, depth: 0.1 },
      hang: true,
    })
  }

  // The entrance header, read on the way in (outside) and when turning back towards the exit (inside).
  arts.push({
    key: 'title',
    art: {
      kind: 'title',
      zh: `${pack.event.name['zh-CN']} · ${pack.event.shortName['zh-CN']}`,
      en: `${pack.event.name.en} · ${pack.event.shortName.en}`,
      colour: colourOf('lobby'),
    },
    pixels: [...SIGN_PIXELS.title],
  })
  const titleWidth = Math.min(11, plan.entranceWidth - 1)
  for (const [offset, rotationY] of [
    [0.35, Math.PI],
    [-0.35, 0],
  ] as const) {
    placements.push({
      art: 'title',
      position: [plan.entrance.x, HALL.entranceHeight + 1.1, worldZ(plan.entrance) - offset],
      rotationY,
      width: titleWidth,
      height: (titleWidth * SIGN_PIXELS.title[1]) / SIGN_PIXELS.title[0],
      doubleSided: false,
      hang: false,
    })
  }

  const korea = zoneInfo.get('korea-pavilion')
  const gate = koreaGate(plan)
  if (korea && gate) {
    arts.push({
      key: 'taegeuk',
      art: { kind: 'taegeuk', zh: korea.name['zh-CN'], en: korea.name.en, ko: korea.name.ko },
      pixels: [...SIGN_PIXELS.taegeuk],
    })
    placements.push({
      art: 'taegeuk',
      position: [gate.mid.x, gate.height - 1.3, worldZ(gate.mid)],
      rotationY: facingRotation(gate.outward),
      width: 1.7,
      height: 1.7,
      doubleSided: true,
      board: { colour: '#f4efe4', margin: 0.08, depth: 0.08 },
      hang: false,
    })
  }

  const yrd = yrdGateway(plan)
  if (yrd && zoneInfo.get('yrd')) {
    const width = yrd.width - 1.2
    placements.push({
      art: 'zone:yrd',
      position: [yrd.mid.x, yrd.height - 0.75, worldZ(yrd.mid)],
      rotationY: facingRotation(yrd.outward),
      width,
      height: Math.min(1.2, (width * SIGN_PIXELS.zone[1]) / SIGN_PIXELS.zone[0]),
      doubleSided: true,
      // The board is the gateway's lintel.
      board: { colour: zoneInfo.get('yrd')!.colour, margin: 0.3, depth: 0.5 },
      hang: false,
    })
  }

  return { arts, placements }
}

/** Faces of the magic cube in the order featured zones fill them: four sides, then top, then bottom. */
export function cubeFaceZones(pack: Pick<ContentPack, 'zones'>): ZoneId[] {
  const featured = pack.zones.filter((z) => z.featured && z.id !== 'lobby' && z.id !== 'negotiation').map((z) => z.id)
  const others = pack.zones.filter((z) => !z.featured && z.id !== 'lobby' && z.id !== 'negotiation').map((z) => z.id)
  return [...featured, ...others].slice(0, 6)
}

export function captionArts(pack: Pick<ContentPack, 'zones'>): SignArtSpec[] {
  const zones = new Map(pack.zones.map((z) => [z.id, z]))
  return cubeFaceZones(pack).map((id) => {
    const z = zones.get(id)!
    return { key: `caption:${id}`, art: { kind: 'caption', zh: z.name['zh-CN'], en: z.name.en, colour: z.colour }, pixels: [...SIGN_PIXELS.caption] }
  })
}
