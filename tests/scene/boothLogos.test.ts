/** Logos on the fascia labels: asked for near the visitor only, drawn into their own slot when they arrive, never blocking. */
import { describe, expect, it, vi } from 'vitest'
import { createPooledAtlas, gridSlot, reassignSlots } from '../../src/scene/pooledAtlas'
import { LOGOS_IN_FLIGHT, LOGO_REQUEST_RADIUS, LogoImages, drawArrivedLogos, requestLogosNear, type LoadImage } from '../../src/scene/boothLogos'
import { drawBoothLabel } from '../../src/scene/BoothLabels'
import * as THREE from 'three'

const GRID = { width: 512, height: 128, slotWidth: 256, slotHeight: 64 } as const

/** Booth b stands at x = b × 20 on the line z = 0; exhibitor ids are `ex-<b>`. */
const BOOTHS = 6
const centres = new Float32Array(Array.from({ length: BOOTHS }, (_, b) => [b * 20, 0]).flat())
const exhibitorOf = (b: number) => `ex-${b}`
const urlOf = (id: string) => `/assets/logos/${id}-0a.svg`

/** A loader whose images arrive (or fail) when the test says so. */
function manualLoader() {
  const pending = new Map<string, { resolve: (image: CanvasImageSource) => void; reject: (error: Error) => void }>()
  const load: LoadImage = (url) => new Promise((resolve, reject) => pending.set(url, { resolve, reject }))
  return { load, pending, image: (url: string) => ({ url }) as unknown as CanvasImageSource }
}

/** Lets settled loads finish and the next ones start, which they do in a task of their own. */
const flush = async () => {
  for (let hop = 0; hop < 2; hop++) await new Promise((resolve) => setTimeout(resolve, 0))
}

/** An atlas with a stand-in 2D context that records what is drawn where. */
function atlasWithCanvas(slots: number) {
  const atlas = createPooledAtlas(GRID, slots, BOOTHS, 'test-labels')
  const drawn: { image: unknown; x: number; y: number }[] = []
  const ctx = { drawImage: (image: unknown, x: number, y: number) => drawn.push({ image, x, y }) } as unknown as CanvasRenderingContext2D
  atlas.surface = { canvas: {} as HTMLCanvasElement, ctx }
  return { atlas, drawn }
}

describe('fascia logos', () => {
  it('asks only for the logos of labelled booths near where the visitor looks, each once', async () => {
    const { load, pending, image } = manualLoader()
    const logos = new LogoImages(load, () => undefined)
    const { atlas } = atlasWithCanvas(4)
    reassignSlots(atlas, [0, 1, 2, 3], () => new THREE.Matrix4())
    requestLogosNear(atlas, logos, centres, 0, 0, exhibitorOf, urlOf)
    // booths 0 and 1 are within the radius (0 m and 20 m), 2 and 3 are not; 4 and 5 have no label at all
    expect(LOGO_REQUEST_RADIUS).toBeLessThan(40)
    expect([...pending.keys()]).toEqual([urlOf('ex-0'), urlOf('ex-1')])
    requestLogosNear(atlas, logos, centres, 0, 0, exhibitorOf, urlOf)
    expect(pending.size).toBe(2)
    for (const id of ['ex-0', 'ex-1']) pending.get(urlOf(id))!.resolve(image(urlOf(id)))
    await flush()
    requestLogosNear(atlas, logos, centres, 60, 0, exhibitorOf, urlOf)
    // nearest first: booth 3 stands at the focus, booth 2 20 m from it
    expect([...pending.keys()]).toEqual([urlOf('ex-0'), urlOf('ex-1'), urlOf('ex-3'), urlOf('ex-2')])
  })

  it('loads a few logos at a time, nearest first, and forgets those no longer wanted before they start', async () => {
    const { load, pending, image } = manualLoader()
    const logos = new LogoImages(load, () => undefined)
    const wanted = (ids: number[]) => ids.map((b) => ({ exhibitorId: exhibitorOf(b), url: urlOf(exhibitorOf(b)) }))
    logos.want(wanted([0, 1, 2, 3, 4]))
    expect(LOGOS_IN_FLIGHT).toBe(2)
    expect([...pending.keys()]).toEqual(wanted([0, 1]).map((w) => w.url))
    // the visitor moved on before 2, 3 and 4 started: only 5 and 3 are wanted now
    logos.want(wanted([5, 3, 0]))
    pending.get(urlOf('ex-0'))!.resolve(image(urlOf('ex-0')))
    // the next starts in a task of its own, not in the microtasks of the one that arrived
    for (let tick = 0; tick < 10; tick++) await Promise.resolve()
    expect(pending.size).toBe(2)
    await flush()
    expect([...pending.keys()]).toEqual(wanted([0, 1, 5]).map((w) => w.url))
    // a failure frees its place as well
    pending.get(urlOf('ex-1'))!.reject(new Error('404'))
    await flush()
    expect([...pending.keys()]).toEqual(wanted([0, 1, 5, 3]).map((w) => w.url))
    pending.get(urlOf('ex-5'))!.resolve(image(urlOf('ex-5')))
    pending.get(urlOf('ex-3'))!.resolve(image(urlOf('ex-3')))
    await flush()
    expect(pending.size).toBe(4)
    expect(logos.takeArrived().sort()).toEqual(['ex-0', 'ex-3', 'ex-5'])
  })

  it('redraws just the slot of a booth whose logo arrived, asking for one frame once all wanted have come', async () => {
    const { load, pending, image } = manualLoader()
    const invalidate = vi.fn()
    const logos = new LogoImages(load, invalidate)
    const { atlas, drawn } = atlasWithCanvas(3)
    reassignSlots(atlas, [0, 1, 2], () => new THREE.Matrix4())
    const boothOf = new Map(Array.from({ length: BOOTHS }, (_, b) => [exhibitorOf(b), b]))
    requestLogosNear(atlas, logos, centres, 10, 0, exhibitorOf, urlOf)
    const version = atlas.texture.version
    // nothing has arrived: nothing is drawn, the texture is not uploaded again
    expect(drawArrivedLogos(atlas, logos, boothOf, () => undefined)).toBe(0)
    expect(atlas.texture.version).toBe(version)

    pending.get(urlOf('ex-1'))!.resolve(image(urlOf('ex-1')))
    pending.get(urlOf('ex-0'))!.resolve(image(urlOf('ex-0')))
    await flush()
    // booth 2 (30 m off) is still loading: no frame yet, one frame will draw them all
    expect(pending.has(urlOf('ex-2'))).toBe(true)
    expect(invalidate).not.toHaveBeenCalled()
    pending.get(urlOf('ex-2'))!.reject(new Error('404'))
    await flush()
    expect(invalidate).toHaveBeenCalledTimes(1)
    const slots: { booth: number; x: number; y: number; logo: unknown }[] = []
    const redrawn = drawArrivedLogos(atlas, logos, boothOf, (booth, slot, _ctx, logo) => slots.push({ booth, x: slot.x, y: slot.y, logo }))
    expect(redrawn).toBe(2)
    expect(slots.sort((a, b) => a.booth - b.booth)).toEqual([0, 1].map((b) => ({ booth: b, ...pick(gridSlot(GRID, atlas.pool.slotOfBooth[b])), logo: image(urlOf(exhibitorOf(b))) })))
    expect(atlas.texture.version).toBe(version + 1)
    // taken once: the next frame draws nothing more
    expect(drawArrivedLogos(atlas, logos, boothOf, () => undefined)).toBe(0)
    expect(drawn).toEqual([])
  })

  it('counts the logos still to come until the frame that draws them (a panorama waits for none)', async () => {
    const { load, pending, image } = manualLoader()
    const logos = new LogoImages(load, () => undefined)
    const { atlas } = atlasWithCanvas(4)
    reassignSlots(atlas, [0, 1, 2], () => new THREE.Matrix4())
    expect(logos.waiting).toBe(0)
    logos.want([0, 1, 2].map((b) => ({ exhibitorId: exhibitorOf(b), url: urlOf(exhibitorOf(b)) })))
    // two loading, one waiting its turn
    expect(logos.waiting).toBe(3)
    pending.get(urlOf('ex-0'))!.resolve(image(urlOf('ex-0')))
    pending.get(urlOf('ex-1'))!.reject(new Error('gone'))
    await flush()
    expect(logos.waiting).toBe(2)
    pending.get(urlOf('ex-2'))!.resolve(image(urlOf('ex-2')))
    await flush()
    // arrived, not drawn yet
    expect(logos.waiting).toBe(2)
    drawArrivedLogos(atlas, logos, new Map([0, 1, 2].map((b) => [exhibitorOf(b), b])), () => undefined)
    expect(logos.waiting).toBe(0)
  })

  it('leaves the text label where a logo fails, and never asks for it again', async () => {
    const { load, pending } = manualLoader()
    const invalidate = vi.fn()
    const logos = new LogoImages(load, invalidate)
    logos.want([{ exhibitorId: 'ex-0', url: urlOf('ex-0') }])
    pending.get(urlOf('ex-0'))!.reject(new Error('404'))
    await flush()
    pending.clear()
    logos.want([{ exhibitorId: 'ex-0', url: urlOf('ex-0') }])
    expect(pending.size).toBe(0)
    expect(logos.image('ex-0')).toBeUndefined()
    expect(invalidate).not.toHaveBeenCalled()
  })

  it('draws nothing and fetches nothing where there is no canvas or Image (node)', () => {
    const atlas = createPooledAtlas(GRID, 2, BOOTHS, 'test-labels')
    expect(atlas.surface).toBeNull()
    const logos = new LogoImages(null, () => undefined)
    reassignSlots(atlas, [0, 1], () => new THREE.Matrix4())
    requestLogosNear(atlas, logos, centres, 0, 0, exhibitorOf, urlOf)
    expect(logos.image('ex-0')).toBeUndefined()
    expect(drawArrivedLogos(atlas, logos, new Map([['ex-0', 0]]), () => undefined)).toBe(0)
  })

  it('puts the logo left of the names, which move over to make room', () => {
    const calls: { op: string; args: unknown[] }[] = []
    const ctx = new Proxy({} as Record<string, unknown>, {
      get: (target, key: string) => (key in target ? target[key] : key === 'measureText' ? () => ({ width: 10 }) : (...args: unknown[]) => calls.push({ op: key, args })),
      set: (target, key: string, value) => ((target[key] = value), true),
    }) as unknown as CanvasRenderingContext2D
    const slot = gridSlot(GRID, 1)
    const logo = {} as CanvasImageSource
    drawBoothLabel(ctx, slot, '示例', 'Sample', '#f00', logo)
    const image = calls.find((c) => c.op === 'drawImage')!
    expect(image.args).toEqual([logo, slot.x + 5, slot.y + 3, 53, 53])
    const [withLogo] = calls.filter((c) => c.op === 'fillText').map((c) => c.args[1] as number)
    calls.length = 0
    drawBoothLabel(ctx, slot, '示例', 'Sample', '#f00')
    expect(calls.some((c) => c.op === 'drawImage')).toBe(false)
    const [without] = calls.filter((c) => c.op === 'fillText').map((c) => c.args[1] as number)
    expect(without).toBe(slot.x + slot.width / 2)
    expect(withLogo).toBeGreaterThan(without)
  })
})

function pick(slot: { x: number; y: number }) {
  return { x: slot.x, y: slot.y }
}
