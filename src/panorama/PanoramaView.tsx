/**
 * The light 360° view of the current zone (`?pano=<zoneId>`): its picture drawn by one raw WebGL pass, hotspots on the
 * booths and the neighbouring zones as DOM buttons over it, drag, wheel, pinch, keys and the gyroscope to look, and a
 * Cardboard view on touch screens. A chunk of its own, without three.js, for phones too weak for the 3D hall; the
 * overlay (panels, zone menu, search, dialogs) stays as it is. Without WebGL the picture is a strip to drag.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import type { ZoneId } from '../content/schema'
import { takeGyroTurn } from '../controls/gyroscope'
import { onWake } from '../controls/wake'
import { localized, useTranslate } from '../i18n/translate'
import { panoramaHotspots, panoramaViewpoint, type PanoramaHotspot, type PanoramaViewpoint } from '../plan/panoramas'
import { useExpoActions, useExpoStore } from '../state/store'
import { startGyroLook } from '../ui/GyroToggle'
import { isTypingTarget } from '../ui/shortcuts'
import { useCoarsePointer } from '../ui/Joystick'
import { angleFromCentre, blendLook, clampLook, dragLook, lookTowards, projectDirection, START_LOOK, wrapYaw, zoomLook, type PanoramaLook } from './panoramaLook'
import { panoramaPictureUrl } from './panoramaPictures'
import { createPanoramaRenderer, type PanoramaRenderer } from './panoramaRenderer'
import './panorama.css'

const DEG = Math.PI / 180
/** One arrow-key press (or its repeat) turns this far. */
const KEY_TURN = 5 * DEG
/** Only the nearest booths carry their names; the rest are dots that name themselves on hover and focus. */
const NAMED_BOOTHS = 8
/** The Cardboard view's gaze picks the hotspot nearest the centre of each eye within this angle. */
const GAZE_ANGLE = 8 * DEG
/** A press that moves less than this (CSS pixels) is a tap, not a drag. */
const TAP_SLOP = 8
/** How long a turn to a focused hotspot takes (cut when the visitor prefers reduced motion). */
const TURN_MS = 350

/** The view's per-frame values, outside React: the look, and frames drawn (for `?debug=1` and the tests). */
const live = { look: { ...START_LOOK }, frames: 0 }

const prefersReducedMotion = () =>
  typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches
const isCoarse = () => typeof window.matchMedia === 'function' && window.matchMedia('(pointer: coarse)').matches

const hotspotKey = (h: PanoramaHotspot) => (h.kind === 'booth' ? `booth:${h.exhibitorId}` : `zone:${h.zoneId}`)

/** What the view's imperative part needs from React, read at the time of each event. */
interface StageInputs {
  hotspots: PanoramaHotspot[]
  stereo: boolean
  activate(h: PanoramaHotspot): void
}

interface StageControl {
  requestDraw(): void
  /** Eases (or cuts) the look to a new one. */
  turnTo(look: PanoramaLook): void
  /** The picture to show; null while it loads or when it failed. */
  setPicture(picture: HTMLImageElement | null): void
}

export default function PanoramaView() {
  const t = useTranslate()
  const language = useExpoStore((s) => s.language)
  const zoneId = useExpoStore((s) => s.currentZoneId)
  const pack = useExpoStore((s) => s.pack!)
  const actions = useExpoActions()
  const url = panoramaPictureUrl(zoneId)
  const zone = pack.zones.find((z) => z.id === zoneId)
  const zoneName = zone ? localized(zone.name, language) : zoneId

  // The loading screen waits for the 3D hall's first frame, which this view never draws.
  useEffect(() => {
    if (!useExpoStore.getState().hallReady) actions.setHallReady()
  }, [actions])

  return (
    <section className="panorama" aria-labelledby="panorama-title">
      <h2 id="panorama-title" className="visually-hidden">
        {t('panorama.title', { zone: zoneName })}
      </h2>
      {url ? (
        <PanoramaStage zoneId={zoneId} url={url} zoneName={zoneName} />
      ) : (
        <div className="panorama-none">
          <p>{t('panorama.none', { zone: zoneName })}</p>
          <EnterHallButton />
        </div>
      )}
    </section>
  )
}

function EnterHallButton() {
  const t = useTranslate()
  const actions = useExpoActions()
  // The store's camera request already names where the visitor is (zone or booth): the hall opens there.
  return (
    <button type="button" className="button-primary panorama-enter-hall" onClick={() => actions.setView('hall')}>
      {t('panorama.enterHall')}
    </button>
  )
}

function PanoramaStage({ zoneId, url, zoneName }: { zoneId: ZoneId; url: string; zoneName: string }) {
  const t = useTranslate()
  const language = useExpoStore((s) => s.language)
  const plan = useExpoStore((s) => s.plan!)
  const pack = useExpoStore((s) => s.pack!)
  const debug = useExpoStore((s) => s.debug)
  const actions = useExpoActions()
  const coarse = useCoarsePointer()
  const [stereo, setStereo] = useState(false)
  const [picture, setPictureState] = useState<'loading' | 'ready' | 'failed'>('loading')
  const [webgl, setWebgl] = useState(true)
  const stage = useRef<HTMLDivElement>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  const strip = useRef<HTMLDivElement>(null)
  const layer = useRef<HTMLDivElement>(null)
  const twins = useRef<HTMLDivElement>(null)
  const control = useRef<StageControl | null>(null)

  const viewpoint = useMemo(() => panoramaViewpoint(plan, zoneId), [plan, zoneId])
  const hotspots = useMemo(() => (viewpoint ? panoramaHotspots(plan, viewpoint) : []), [plan, viewpoint])
  const names = useMemo(() => {
    const exhibitors = new Map(pack.exhibitors.map((e) => [e.id, e]))
    const zones = new Map(pack.zones.map((z) => [z.id, z]))
    return (h: PanoramaHotspot) => {
      if (h.kind === 'booth') {
        const exhibitor = exhibitors.get(h.exhibitorId)
        return exhibitor ? localized(exhibitor.name, language) : h.exhibitorId
      }
      const zone = zones.get(h.zoneId)
      return zone ? localized(zone.name, language) : h.zoneId
    }
  }, [pack, language])

  const inputs = useRef<StageInputs>({ hotspots, stereo, activate: () => undefined })
  inputs.current = {
    hotspots,
    stereo,
    activate: (h) => {
      if (h.kind === 'booth') {
        // a panel cannot be read through the lenses: the Cardboard view gives way to it
        setStereo(false)
        actions.openBooth(h.exhibitorId)
      } else actions.goToZone(h.zoneId)
    },
  }

  // The imperative part, once per mount: renderer, drawing on demand, pointer, wheel, keys and the gyroscope.
  useEffect(() => {
    const stageEl = stage.current!
    const canvasEl = canvas.current!
    let renderer: PanoramaRenderer | null = null
    let pending = 0
    let easing: { from: PanoramaLook; to: PanoramaLook; start: number } | null = null

    const requestDraw = () => {
      if (!pending) pending = requestAnimationFrame(draw)
    }

    function place(elements: HTMLCollection | undefined, look: PanoramaLook, width: number, height: number) {
      if (!elements) return
      for (const element of elements) {
        const el = element as HTMLElement
        const p = projectDirection(look, Number(el.dataset.yaw), Number(el.dataset.pitch), width, height)
        // Off screen, a hotspot keeps its place in the tab order and its name; only its picture goes.
        el.classList.toggle('is-away', !p.onScreen)
        if (p.onScreen) el.style.transform = `translate(${p.x.toFixed(1)}px, ${p.y.toFixed(1)}px) translate(-50%, -50%)`
      }
    }

    function draw(now: number) {
      pending = 0
      const turn = takeGyroTurn()
      let look = live.look
      if (turn.yaw !== 0 || turn.pitch !== 0) {
        easing = null
        look = clampLook({ ...look, yaw: look.yaw + turn.yaw, pitch: look.pitch + turn.pitch })
      }
      if (easing) {
        const k = Math.min(1, (now - easing.start) / TURN_MS)
        look = blendLook(easing.from, easing.to, k < 0.5 ? 2 * k * k : 1 - (-2 * k + 2) ** 2 / 2)
        if (k >= 1) easing = null
      }
      live.look = look
      const { stereo } = inputs.current
      const width = stageEl.clientWidth
      const height = stageEl.clientHeight
      if (width === 0 || height === 0) return
      const eyeWidth = stereo ? width / 2 : width
      if (renderer) {
        // the hall's own caps: sharp enough, and a phone's 3× screen would cost nine times the pixels of 1×
        const ratio = Math.min(window.devicePixelRatio || 1, isCoarse() ? 1.5 : 2)
        const [w, h] = [Math.round(width * ratio), Math.round(height * ratio)]
        if (canvasEl.width !== w || canvasEl.height !== h) [canvasEl.width, canvasEl.height] = [w, h]
        const eye = stereo ? Math.floor(w / 2) : w
        renderer.draw(look, stereo ? [{ x: 0, y: 0, width: eye, height: h }, { x: eye, y: 0, width: w - eye, height: h }] : [{ x: 0, y: 0, width: w, height: h }])
      } else if (strip.current) {
        // the picture is 2 × height wide; its centre column sits mid-screen at yaw 0
        const x = width / 2 - (0.5 + wrapYaw(look.yaw) / (2 * Math.PI)) * 2 * height
        strip.current.style.backgroundPosition = `${x.toFixed(1)}px 0`
      }
      if (renderer) {
        // each eye's layer covers its own half (panorama.css)
        place(layer.current?.children, look, eyeWidth, height)
        if (stereo) place(twins.current?.children, look, eyeWidth, height)
        if (stereo) markGaze(look)
      }
      live.frames++
      if (easing) requestDraw()
    }

    /** The Cardboard view's gaze: the hotspot nearest the centre of view, within reach, lit in both eyes. */
    function markGaze(look: PanoramaLook) {
      const gazed = gazedHotspot(look)
      const key = gazed ? hotspotKey(gazed) : ''
      for (const parent of [layer.current, twins.current])
        for (const element of parent?.children ?? []) element.classList.toggle('is-gazed', (element as HTMLElement).dataset.key === key)
    }

    function gazedHotspot(look: PanoramaLook) {
      let best: PanoramaHotspot | null = null
      let bestAngle = GAZE_ANGLE
      for (const h of inputs.current.hotspots) {
        const angle = angleFromCentre(look, h.yaw, h.pitch)
        if (angle < bestAngle) [best, bestAngle] = [h, angle]
      }
      return best
    }

    try {
      renderer = createPanoramaRenderer(canvasEl, requestDraw)
    } catch (error) {
      console.warn('The 360° view cannot use WebGL here', error)
      renderer = null
    }
    control.current = {
      requestDraw,
      turnTo(look) {
        if (prefersReducedMotion()) {
          easing = null
          live.look = clampLook(look)
        } else easing = { from: live.look, to: clampLook(look), start: performance.now() }
        requestDraw()
      },
      setPicture(picture) {
        renderer?.setPicture(picture)
        requestDraw()
      },
    }
    if (!renderer) setWebgl(false)

    // Pointer: one finger or the mouse drags the picture, two fingers pinch; in the Cardboard view a tap chooses what
    // the gaze rests on.
    const pointers = new Map<number, { x: number; y: number }>()
    let travelled = 0
    let pinch: { distance: number; fov: number } | null = null
    const spread = () => {
      const [a, b] = [...pointers.values()]
      return Math.hypot(a.x - b.x, a.y - b.y)
    }
    const onPointerDown = (event: PointerEvent) => {
      // a hotspot's own press stays its own (capturing it here would take its click away)
      if ((event.target as Element).closest('button')) return
      if (event.pointerType === 'mouse' && event.button !== 0) return
      stageEl.setPointerCapture?.(event.pointerId)
      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY })
      if (pointers.size === 1) travelled = 0
      pinch = pointers.size === 2 ? { distance: spread(), fov: live.look.fov } : null
      easing = null
    }
    const onPointerMove = (event: PointerEvent) => {
      const last = pointers.get(event.pointerId)
      if (!last) return
      const [dx, dy] = [event.clientX - last.x, event.clientY - last.y]
      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY })
      travelled += Math.abs(dx) + Math.abs(dy)
      if (pinch && pointers.size === 2) live.look = zoomLook({ ...live.look, fov: pinch.fov }, pinch.distance / Math.max(spread(), 1))
      else if (pointers.size === 1) {
        const [width, height] = [stageEl.clientWidth / (inputs.current.stereo ? 2 : 1), stageEl.clientHeight]
        // the strip has no perspective: a full turn is twice its height wide
        live.look = renderer ? dragLook(live.look, dx, dy, width, height) : clampLook({ ...live.look, yaw: live.look.yaw - (dx / (2 * height)) * 2 * Math.PI })
      }
      requestDraw()
    }
    const onPointerUp = (event: PointerEvent) => {
      if (!pointers.delete(event.pointerId)) return
      if (pointers.size < 2) pinch = null
      if (pointers.size === 0 && travelled < TAP_SLOP && inputs.current.stereo) {
        const gazed = gazedHotspot(live.look)
        if (gazed) inputs.current.activate(gazed)
      }
    }
    const onWheel = (event: WheelEvent) => {
      event.preventDefault()
      live.look = zoomLook(live.look, Math.exp(event.deltaY * 0.001))
      requestDraw()
    }
    // Keys turn the view wherever focus is, as in the hall, except in fields and dialogs.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return
      if (isTypingTarget(event.target) || (event.target as Element | null)?.closest?.('[role="dialog"]')) return
      const look = live.look
      const next =
        event.key === 'ArrowLeft' ? { ...look, yaw: look.yaw - KEY_TURN }
        : event.key === 'ArrowRight' ? { ...look, yaw: look.yaw + KEY_TURN }
        : event.key === 'ArrowUp' ? { ...look, pitch: look.pitch + KEY_TURN }
        : event.key === 'ArrowDown' ? { ...look, pitch: look.pitch - KEY_TURN }
        : event.key === '+' || event.key === '=' ? zoomLook(look, 0.9)
        : event.key === '-' || event.key === '_' ? zoomLook(look, 1 / 0.9)
        : null
      if (!next) return
      event.preventDefault()
      easing = null
      live.look = clampLook(next)
      requestDraw()
    }
    stageEl.addEventListener('pointerdown', onPointerDown)
    stageEl.addEventListener('pointermove', onPointerMove)
    stageEl.addEventListener('pointerup', onPointerUp)
    stageEl.addEventListener('pointercancel', onPointerUp)
    stageEl.addEventListener('wheel', onWheel, { passive: false })
    window.addEventListener('keydown', onKeyDown)
    const resize = new ResizeObserver(requestDraw)
    resize.observe(stageEl)
    // the gyroscope's readings wake the view; each frame takes the turn gathered since the last
    const stopWaking = onWake(requestDraw)
    requestDraw()
    return () => {
      cancelAnimationFrame(pending)
      stageEl.removeEventListener('pointerdown', onPointerDown)
      stageEl.removeEventListener('pointermove', onPointerMove)
      stageEl.removeEventListener('pointerup', onPointerUp)
      stageEl.removeEventListener('pointercancel', onPointerUp)
      stageEl.removeEventListener('wheel', onWheel)
      window.removeEventListener('keydown', onKeyDown)
      resize.disconnect()
      stopWaking()
      renderer?.dispose()
      control.current = null
    }
  }, [])

  // Each zone's picture: decoded off the main thread before it is shown; the look keeps the visitor's heading across
  // pictures (each picture's centre looks its own way), or turns to the booth whose panel is open.
  const lastViewpoint = useRef<PanoramaViewpoint | null>(null)
  useEffect(() => {
    const before = lastViewpoint.current
    lastViewpoint.current = viewpoint
    const open = useExpoStore.getState().openBoothId
    const openHotspot = hotspots.find((h) => h.kind === 'booth' && h.exhibitorId === open)
    if (openHotspot) live.look = lookTowards(START_LOOK, openHotspot.yaw, openHotspot.pitch)
    else if (before && viewpoint) live.look = clampLook({ ...START_LOOK, yaw: before.centreYaw + live.look.yaw - viewpoint.centreYaw })
    else live.look = { ...START_LOOK }
    control.current?.requestDraw()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per zone: later changes of the open booth do not turn the view
  }, [viewpoint])

  useEffect(() => {
    let cancelled = false
    setPictureState('loading')
    control.current?.setPicture(null)
    const image = new Image()
    image.decoding = 'async'
    image.src = url
    image.decode().then(
      () => {
        if (cancelled) return
        control.current?.setPicture(image)
        setPictureState('ready')
      },
      () => !cancelled && setPictureState('failed'),
    )
    return () => {
      cancelled = true
    }
  }, [url])

  // Hotspots come and go with the zone and the language: placed again at once.
  useEffect(() => control.current?.requestDraw(), [hotspots, names, stereo, picture, webgl])

  useEffect(() => {
    if (!debug) return
    Object.assign(window, { __expoPanorama: { look: () => ({ ...live.look }), frames: () => live.frames } })
  }, [debug])

  // The Cardboard view fills the screen; leaving it (or the view) gives the screen back.
  useEffect(() => {
    if (!stereo) return
    const wasFullscreen = Boolean(document.fullscreenElement)
    if (!wasFullscreen) document.documentElement.requestFullscreen?.().catch(() => undefined)
    return () => {
      if (!wasFullscreen && document.fullscreenElement) document.exitFullscreen?.().catch(() => undefined)
    }
  }, [stereo])

  const onHotspotFocus = (h: PanoramaHotspot, target: HTMLElement) => {
    // reached by keyboard while behind the viewer or off to a side: the view turns to it
    if (target.classList.contains('is-away')) control.current?.turnTo(lookTowards(live.look, h.yaw, h.pitch))
  }

  const hotspotLabel = (h: PanoramaHotspot) => (h.kind === 'booth' ? t('panorama.booth', { name: names(h) }) : t('panorama.zone', { zone: names(h) }))
  const boothRank = new Map(hotspots.filter((h) => h.kind === 'booth').map((h, i) => [hotspotKey(h), i]))
  const named = (h: PanoramaHotspot) => h.kind === 'zone' || (boothRank.get(hotspotKey(h)) ?? 0) < NAMED_BOOTHS

  return (
    <div className={`panorama-frame${stereo ? ' is-stereo' : ''}`}>
      <div ref={stage} className="panorama-stage">
        {webgl ? (
          <canvas ref={canvas} className="panorama-canvas" role="img" aria-label={t('panorama.pictureLabel', { zone: zoneName })} />
        ) : (
          <>
            <canvas ref={canvas} hidden />
            <div
              ref={strip}
              className="panorama-strip"
              role="img"
              aria-label={t('panorama.pictureLabel', { zone: zoneName })}
              style={{ backgroundImage: picture === 'ready' ? `url("${url}")` : undefined }}
            />
          </>
        )}
        <div ref={layer} className={`panorama-hotspots${webgl ? '' : ' is-list'}`} role="group" aria-label={t('panorama.hotspots')}>
          {!webgl && <h3 className="panorama-list-title">{t('panorama.hotspots')}</h3>}
          {hotspots.map((h) => (
            <button
              key={hotspotKey(h)}
              type="button"
              className={`panorama-hotspot is-${h.kind}${named(h) ? '' : ' is-small'}${webgl ? ' is-away' : ''}`}
              data-key={hotspotKey(h)}
              data-yaw={h.yaw}
              data-pitch={h.pitch}
              aria-label={hotspotLabel(h)}
              onFocus={(event) => onHotspotFocus(h, event.currentTarget)}
              onClick={() => inputs.current.activate(h)}
            >
              <span className="panorama-hotspot-mark" aria-hidden="true">
                {h.kind === 'zone' ? '➜' : ''}
              </span>
              <span className="panorama-hotspot-name">{names(h)}</span>
            </button>
          ))}
        </div>
        {stereo && (
          <>
            {/* the right eye's copies: pictures only, the left eye's are the buttons */}
            <div ref={twins} className="panorama-hotspots is-twin" aria-hidden="true">
              {hotspots.map((h) => (
                <span key={hotspotKey(h)} className={`panorama-hotspot is-${h.kind} is-away`} data-key={hotspotKey(h)} data-yaw={h.yaw} data-pitch={h.pitch}>
                  <span className="panorama-hotspot-mark">{h.kind === 'zone' ? '➜' : ''}</span>
                  <span className="panorama-hotspot-name">{names(h)}</span>
                </span>
              ))}
            </div>
            <span className="panorama-reticle is-left" aria-hidden="true" />
            <span className="panorama-reticle is-right" aria-hidden="true" />
          </>
        )}
        {picture !== 'ready' && (
          <p className="panorama-status" role="status">
            {picture === 'loading' ? t('panorama.loading') : t('panorama.failed')}
          </p>
        )}
      </div>
      <div className="panorama-controls">
        {stereo ? (
          <>
            <p className="panorama-hint">{t('panorama.stereoHint')}</p>
            <button type="button" className="button-primary" onClick={() => setStereo(false)}>
              {t('panorama.stereoExit')}
            </button>
          </>
        ) : (
          <>
            <EnterHallButton />
            {webgl && (
              <span className="panorama-zoom">
                <button type="button" aria-label={t('panorama.zoomOut')} title={t('panorama.zoomOut')} onClick={() => control.current?.turnTo(zoomLook(live.look, 1 / 0.8))}>
                  −
                </button>
                <button type="button" aria-label={t('panorama.zoomIn')} title={t('panorama.zoomIn')} onClick={() => control.current?.turnTo(zoomLook(live.look, 0.8))}>
                  +
                </button>
              </span>
            )}
            {webgl && coarse && (
              <button
                type="button"
                onClick={() => {
                  setStereo(true)
                  // looking through the lenses is looking by turning the phone: asked for on this same tap
                  startGyroLook()
                }}
              >
                {t('panorama.stereo')}
              </button>
            )}
            <p className="panorama-hint">{!webgl ? t('panorama.noWebgl') : coarse ? t('panorama.hintTouch') : t('panorama.hint')}</p>
          </>
        )}
      </div>
    </div>
  )
}
