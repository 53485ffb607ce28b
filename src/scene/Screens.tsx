/**
 * The booths' screens and the lobby's big board as live screens. Every screen shows a title card (the exhibitor's
 * name in the visitor's language on its zone's colour) from a small pooled atlas handed to the screens nearest the
 * visitor: one draw call. A screen whose exhibitor set a stream or video plays it when it is near and in view, as a
 * video texture on its face (at most SCREEN_CHOICE.max at once, one draw call each); the hall then draws only when a
 * new video frame is ready, and nothing when no video is in view. Every other screen shows a lit standby card in its
 * zone's colour (standbyScreens.ts, one draw call): none is ever black. The lobby's "card" is its results board.
 */
import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useMemo, useRef } from 'react'
import * as THREE from 'three'
import type { ContentPack, Language } from '../content/schema'
import { localized } from '../i18n/format'
import { LOBBY_SCREEN } from '../live/screens'
import type { FloorPlan } from '../plan/types'
import { markScreenFailed, setScreenPlaying, sourceKey, useScreenSources } from '../state/live/screenSources'
import { useExpoStore } from '../state/store'
import { quadMatrix } from './atlasQuads'
import type { BoothLayout } from './boothLayout'
import { fitText, type AtlasSlot } from './canvasText'
import { PALETTE } from './dimensions'
import { nearestBooths } from './labelPool'
import { useHeldBackFrame } from './heldBackFrame'
import { createPooledAtlas, disposePooledAtlas, reassignSlots } from './pooledAtlas'
import { resultsBoard } from './lobbyLayout'
import { sceneRegistry } from './sceneRegistry'
import { chooseScreens, type ScreenSpot } from './screenChoice'
import { ScreenPlayer } from './screenPlayer'
import { createStandbyScreens } from './standbyScreens'
import { usePageCamera } from './pageCamera'

/** 12 cards of 256 × 144 (16:9) in one 1024 × 512 atlas (4 a row): the screens within a few aisles of the visitor. */
export const CARD_ATLAS = { width: 1024, height: 512, slotWidth: 256, slotHeight: 144, slots: 12 } as const
/** How often the cards and videos follow the camera. */
const FOLLOW_SECONDS = 0.3

/** The title card: the zone's colour, the exhibitor's name large, the zone's name beneath. */
export function drawTitleCard(ctx: CanvasRenderingContext2D, slot: AtlasSlot, name: string, zone: string, colour: string) {
  const { x, y, width: w, height: h } = slot
  ctx.save()
  ctx.fillStyle = PALETTE.screen
  ctx.fillRect(x, y, w, h)
  const band = new THREE.Color(colour)
  ctx.fillStyle = `#${band.getHexString()}`
  ctx.fillRect(x + 4, y + 4, w - 8, h - 8)
  // darker towards the bottom, so white text reads on the lightest zone colours
  ctx.fillStyle = 'rgba(10, 20, 32, 0.38)'
  ctx.fillRect(x + 4, y + h * 0.5, w - 8, h * 0.5 - 4)
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillStyle = '#ffffff'
  fitText(ctx, name, x + w / 2, y + h * 0.42, w - 28, 30, 700, 10)
  ctx.fillStyle = 'rgba(255, 255, 255, 0.85)'
  fitText(ctx, zone, x + w / 2, y + h * 0.76, w - 36, 17, 600, 8)
  ctx.restore()
}

const _m = new THREE.Matrix4()
const _forward = new THREE.Matrix4().makeTranslation(0, 0, 0.01)
const _direction = new THREE.Vector3()
const _frustum = new THREE.Frustum()
const _viewProjection = new THREE.Matrix4()
const _sphere = new THREE.Sphere()

interface Playing {
  player: ScreenPlayer
  mesh: THREE.Mesh<THREE.PlaneGeometry, THREE.MeshBasicMaterial>
}

export function Screens({ plan, pack, layout }: { plan: FloorPlan; pack: ContentPack; layout: BoothLayout }) {
  const invalidate = useThree((s) => s.invalidate)
  const scene = useThree((s) => s.scene)
  const sources = useScreenSources((s) => s.sources)
  const language = useExpoStore((s) => s.language)

  /** The screens cards go to: every stand with a screen, and stands whose exhibitor set a stream. */
  const cardBooths = useMemo(() => {
    const booths: number[] = []
    for (let i = 0; i < layout.count; i++) if (layout.hasScreen[i] || sources.has(plan.booths[i].exhibitorId)) booths.push(i)
    const centres = new Float32Array(Math.max(1, booths.length) * 2)
    booths.forEach((b, k) => {
      centres[k * 2] = layout.centres[b * 2]
      centres[k * 2 + 1] = layout.centres[b * 2 + 1]
    })
    return { booths, centres }
  }, [layout, plan, sources])

  const cards = useMemo(
    () => createPooledAtlas(CARD_ATLAS, Math.min(CARD_ATLAS.slots, cardBooths.booths.length), cardBooths.booths.length, 'screen-cards'),
    [cardBooths],
  )
  useEffect(() => () => disposePooledAtlas(cards), [cards])
  const standby = useMemo(() => createStandbyScreens(plan, layout, new Map(pack.zones.map((z) => [z.id, z.colour])), `${pack.event.shortName['zh-CN']} · ${pack.event.shortName.en}`), [plan, layout, pack])
  useEffect(() => () => standby.dispose(), [standby])

  /** Where each screen with a source is: booths by their screen's face, the lobby on its results board. */
  const spots = useMemo(() => {
    const indexOf = new Map(plan.booths.map((b) => [b.exhibitorId, b.index]))
    const list: (ScreenSpot & { matrix: THREE.Matrix4; radius: number })[] = []
    for (const screen of sources.keys()) {
      let matrix: THREE.Matrix4
      if (screen === LOBBY_SCREEN) {
        const board = resultsBoard(plan)
        matrix = quadMatrix(...board.position, board.rotationY, board.width, board.height).multiply(new THREE.Matrix4().makeTranslation(0, 0, 0.02))
      } else {
        const index = indexOf.get(screen)
        if (index === undefined) continue
        matrix = new THREE.Matrix4().fromArray(layout.screenMatrices, index * 16)
      }
      const position = new THREE.Vector3().setFromMatrixPosition(matrix)
      const scale = new THREE.Vector3().setFromMatrixScale(matrix)
      // the lobby's board is about three booth screens wide: it plays from across the lobby
      list.push({ screen, x: position.x, y: position.y, z: position.z, reach: screen === LOBBY_SCREEN ? 2 : 1, matrix, radius: Math.hypot(scale.x, scale.y) / 2 })
    }
    return list
  }, [sources, plan, layout])

  const playing = useRef(new Map<string, Playing>())
  const last = useRef({ time: -Infinity, x: Infinity, z: Infinity, dx: 0, dz: 0, language: '' as Language | '' })
  // without it the choice would stay wherever the camera came to rest
  const holdBack = useHeldBackFrame()

  const stop = (screen: string) => {
    const entry = playing.current.get(screen)
    if (!entry) return
    playing.current.delete(screen)
    entry.player.dispose()
    scene.remove(entry.mesh)
    entry.mesh.geometry.dispose()
    entry.mesh.material.dispose()
    if (useScreenSources.getState().playing === screen) setScreenPlaying(null)
  }
  const stopAll = () => [...playing.current.keys()].forEach(stop)

  const start = (screen: string) => {
    const spot = spots.find((s) => s.screen === screen)
    const source = useScreenSources.getState().sources.get(screen)
    if (!spot || !source) return
    const mesh = new THREE.Mesh(new THREE.PlaneGeometry(1, 1), new THREE.MeshBasicMaterial({ toneMapped: false }))
    mesh.name = `screen-video-${screen}`
    mesh.matrixAutoUpdate = false
    mesh.matrix.copy(spot.matrix).multiply(_forward)
    mesh.matrixWorldNeedsUpdate = true
    // the card stays in view until the first frame is there
    mesh.visible = false
    const player = new ScreenPlayer(screen, source, {
      onFrame: () => {
        if (!mesh.visible) {
          mesh.visible = true
          setScreenPlaying(screen)
        }
        invalidate()
      },
      onFailed: (reason) => {
        console.warn(`Screen ${screen} shows its title card: ${reason}`)
        markScreenFailed(screen, source)
        stop(screen)
        invalidate()
      },
    })
    mesh.material.map = player.texture
    player.setMuted(true)
    scene.add(mesh)
    playing.current.set(screen, { player, mesh })
  }

  // Sound follows the visitor's choice in the overlay; a hidden tab stops and lets go of every video.
  useEffect(() => {
    const offMuted = useScreenSources.subscribe((state, previous) => {
      if (state.muted === previous.muted) return
      for (const [screen, entry] of playing.current) if (screen === state.playing) entry.player.setMuted(state.muted)
    })
    const onVisibility = () => {
      if (document.hidden) stopAll()
      else {
        // back in view with the camera where it was: choose again on the next frame
        last.current.time = -Infinity
        invalidate()
      }
    }
    // scene tests render the hall without a document
    const doc = typeof document !== 'undefined' ? document : null
    doc?.addEventListener('visibilitychange', onVisibility)
    return () => {
      offMuted()
      doc?.removeEventListener('visibilitychange', onVisibility)
      stopAll()
    }
    // stop/stopAll only read refs and the scene
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scene, invalidate])
  // A changed list of sources (or hall) starts the choice over.
  useEffect(() => {
    stopAll()
    last.current.time = -Infinity
    invalidate()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [spots, cards])

  useEffect(() => {
    sceneRegistry.screens = {
      cards: () => [...cards.pool.boothOfSlot].filter((b) => b >= 0).map((b) => plan.booths[cardBooths.booths[b]].exhibitorId),
      videos: () =>
        [...playing.current.values()].map(({ player, mesh }) => ({
          screen: player.screen,
          path: player.path,
          drawn: mesh.visible,
          paused: player.video.paused,
          muted: player.video.muted,
          currentTime: player.video.currentTime,
          frames: player.frames,
        })),
    }
    return () => {
      sceneRegistry.screens = null
    }
  }, [cards, cardBooths, plan])

  const names = useMemo(() => new Map(pack.exhibitors.map((e) => [e.id, e.name])), [pack])
  const zones = useMemo(() => new Map(pack.zones.map((z) => [z.id, z])), [pack])

  const refreshCards = (fx: number, fz: number, redrawAll: boolean) => {
    // a new language: the pool is emptied so every card is handed out, and drawn, again
    if (redrawAll) cards.pool.assign([])
    reassignSlots(cards, nearestBooths(cardBooths.centres, cardBooths.booths.length, fx, fz, cards.pool.slots), (k, slot, ctx) => {
      const b = cardBooths.booths[k]
      const booth = plan.booths[b]
      const name = names.get(booth.exhibitorId)
      const zone = zones.get(booth.zoneId)
      if (ctx && name && zone) drawTitleCard(ctx, slot, localized(name, language), localized(zone.name, language), zone.colour)
      return _m.fromArray(layout.screenMatrices, b * 16)
    })
    // The screens that now show a title card put their standby card away.
    const carded: number[] = []
    for (const k of cards.pool.boothOfSlot) if (k >= 0) carded.push(cardBooths.booths[k])
    standby.showAllBut(carded)
  }

  const camera = usePageCamera()
  useFrame(({ clock }) => {
    const l = last.current
    const now = clock.elapsedTime
    camera.getWorldDirection(_direction)
    const turned = _direction.x * l.dx + _direction.z * l.dz < 0.9995 * Math.hypot(_direction.x, _direction.z) * Math.hypot(l.dx, l.dz)
    const moved = Math.hypot(camera.position.x - l.x, camera.position.z - l.z) > 0.05 || turned || l.language !== language
    // A playing video draws frames: the choice then runs at most every FOLLOW_SECONDS, and the camera may have only turned.
    if (!moved && playing.current.size === 0 && l.time > -Infinity) return
    if (holdBack(FOLLOW_SECONDS - (now - l.time), invalidate)) return
    const redrawAll = l.language !== language
    last.current = { time: now, x: camera.position.x, z: camera.position.z, dx: _direction.x, dz: _direction.z, language }
    refreshCards(camera.position.x, camera.position.z, redrawAll)

    if (spots.length === 0 || (typeof document !== 'undefined' && document.hidden)) return
    camera.updateMatrixWorld()
    _frustum.setFromProjectionMatrix(_viewProjection.multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse))
    const { failed, sources: current } = useScreenSources.getState()
    const playable = spots.filter((spot) => {
      const source = current.get(spot.screen)
      return source && !failed.has(sourceKey(spot.screen, source))
    })
    const radius = new Map(spots.map((s) => [s.screen, s.radius]))
    const wanted = chooseScreens(
      playable,
      camera.position,
      (spot) => _frustum.intersectsSphere(_sphere.set(_sphere.center.set(spot.x, spot.y, spot.z), radius.get(spot.screen) ?? 1)),
      new Set(playing.current.keys()),
    )
    for (const screen of [...playing.current.keys()]) if (!wanted.includes(screen)) stop(screen)
    for (const screen of wanted) if (!playing.current.has(screen)) start(screen)
  })

  return (
    <>
      <primitive object={cards.mesh} />
      <primitive object={standby.mesh} />
    </>
  )
}
