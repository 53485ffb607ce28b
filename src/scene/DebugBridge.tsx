/** `window.__expoDebug` behind `?debug=1`: live render numbers and helpers that let browser tests find things on screen. */
import { useThree } from '@react-three/fiber'
import { useEffect } from 'react'
import * as THREE from 'three'
import type { ZoneId } from '../content/schema'
import { useExpoStore } from '../state/store'
import { cameraPose, renderStats, walkPose } from '../state/transient'
import { cameraRotationY, worldZ } from './coords'
import { TABLE_MARK } from './dimensions'
import { capturePanorama, encodePanorama, type PanoramaRequest, type PanoramaTaken } from './panoramaCapture'
import { usePageCamera } from './pageCamera'
import { sceneRegistry, type ScreenVideoState, type VrPanelState } from './sceneRegistry'
import { isWalkable } from '../plan/walk'

export interface ScreenPoint {
  x: number
  y: number
  /** In front of the camera and inside the canvas. */
  visible: boolean
}

export interface ExpoDebug {
  readonly drawCalls: number
  readonly triangles: number
  readonly fps: number
  readonly dpr: number
  readonly frames: number
  /** performance.now() when the last frame drawn began (a slow frame ends well after it was asked for). */
  readonly lastFrameStartedAt: number
  /** Shader programs compiled so far. */
  readonly programs: number
  /** performance.now() of the first frame with the hall in it: milliseconds since navigation started. */
  readonly firstFrameAt: number
  camera(): { x: number; y: number; z: number; yaw: number; pitch: number }
  boothScreenPosition(exhibitorId: string): ScreenPoint | null
  floorScreenPosition(x: number, z: number): ScreenPoint
  cubeFaceScreenPosition(zoneId: ZoneId): (ScreenPoint & { facing: boolean }) | null
  /** The centre of a negotiation table's top; null for an unknown table. */
  tableScreenPosition(tableId: string): ScreenPoint | null
  /** Ids of the tables marked with the visitor's meetings, in string order. */
  markedTables(): string[]
  /** The numbered stop pins drawn over the route, in route order, at the centre of each pin's disc. */
  routeMarkers(): (ScreenPoint & { number: number })[]
  /** Points in the route path drawn on the floor; 0 when none is drawn. */
  routePathPoints(): number
  /** Other visitors drawn as avatars in the last frame. */
  avatars(): number
  /** Live screens: exhibitors whose title card is drawn, and the videos playing (none in a static build). */
  screens(): { cards: string[]; videos: ScreenVideoState[] }
  /** In a VR session: the in-world panels shown (booth card, menu), with each button's centre in world space. */
  vrPanels(): Record<string, VrPanelState>
  /** Whether a visitor may stand at a plan point (the walk grid: not in a stand, a wall, a column or at a table). */
  walkable(x: number, z: number): boolean
  /** Where the visitor's VR origin stands in world space (the page's walk pose) and its turn about the vertical. */
  vrOrigin(): { x: number; z: number; rotationY: number }
  /** Loses the WebGL context as a crashed driver would (WEBGL_lose_context); the hall waits for `restoreContext`. */
  loseContext(): void
  restoreContext(): void
  /** Asks for one frame, as any change in the hall does: the hall otherwise draws only when something moves. */
  invalidate(): void
  /**
   * `npm run panoramas`: stands the visitor at the zone's panorama viewpoint in walk mode, waits for the detail near it,
   * and renders the 360° picture from there (panoramaCapture.ts); `encodePanorama` gives it as base64 WebP.
   */
  capturePanorama(request: PanoramaRequest): Promise<PanoramaTaken>
  encodePanorama(options: { width: number; quality: number }): Promise<string>
}

declare global {
  interface Window {
    __expoDebug?: ExpoDebug
  }
}

const _v = new THREE.Vector3()
const _n = new THREE.Vector3()
const _toCamera = new THREE.Vector3()
const _m = new THREE.Matrix4()
const _ndc = new THREE.Vector2()
const _raycaster = new THREE.Raycaster()

export function DebugBridge() {
  const camera = usePageCamera()
  const gl = useThree((s) => s.gl)
  const invalidate = useThree((s) => s.invalidate)
  const scene = useThree((s) => s.scene)
  const debug = useExpoStore((s) => s.debug)

  useEffect(() => {
    if (!debug) return
    /** CSS pixels relative to the canvas's page position, so tests can click there directly. */
    const project = (world: THREE.Vector3): ScreenPoint => {
      camera.updateMatrixWorld()
      const rect = gl.domElement.getBoundingClientRect()
      _v.copy(world).project(camera)
      const x = rect.left + ((_v.x + 1) / 2) * rect.width
      const y = rect.top + ((1 - _v.y) / 2) * rect.height
      const visible = _v.z > -1 && _v.z < 1 && _v.x >= -1 && _v.x <= 1 && _v.y >= -1 && _v.y <= 1
      return { x, y, visible }
    }
    const api: ExpoDebug = {
      get drawCalls() {
        return renderStats.drawCalls
      },
      get triangles() {
        return renderStats.triangles
      },
      get fps() {
        return renderStats.fps
      },
      get dpr() {
        return renderStats.dpr
      },
      get frames() {
        return renderStats.frames
      },
      get lastFrameStartedAt() {
        return renderStats.lastFrameStartedAt
      },
      get programs() {
        return gl.info.programs?.length ?? 0
      },
      get firstFrameAt() {
        return renderStats.firstFrameAt
      },
      camera: () => ({ ...cameraPose }),
      boothScreenPosition(exhibitorId) {
        const booths = sceneRegistry.booths
        const index = booths?.indexOf.get(exhibitorId)
        if (!booths || index === undefined) return null
        const { layout, hit } = booths
        // Candidates from the counter up to the fascia and the top of the stand: the first one a click there
        // would actually land on (its ray meets this stand's box first) is the answer.
        _m.fromArray(layout.hitMatrices, index * 16)
        const candidates = [
          new THREE.Vector3().fromArray(layout.anchors, index * 3),
          new THREE.Vector3().setFromMatrixPosition(_m.fromArray(layout.labelMatrices, index * 16)),
          new THREE.Vector3(0, 0.45, 0).applyMatrix4(_m.fromArray(layout.hitMatrices, index * 16)),
          new THREE.Vector3(0, 0, 0).applyMatrix4(_m),
        ]
        let first: ScreenPoint | null = null
        for (const world of candidates) {
          const point = project(world)
          first ??= point
          if (!point.visible) continue
          if (!hit) return point
          _raycaster.setFromCamera(_ndc.set(_v.x, _v.y), camera)
          const hits = _raycaster.intersectObject(hit, false)
          if (hits[0]?.instanceId === index) return point
        }
        return { ...first!, visible: false }
      },
      floorScreenPosition: (x, z) => project(_n.set(x, 0, -z)),
      cubeFaceScreenPosition(zoneId) {
        const cube = sceneRegistry.cube
        const face = cube?.faces.find((f) => f.zoneId === zoneId)
        if (!cube || !face) return null
        cube.group.updateMatrixWorld()
        const centre = cube.group.localToWorld(_n.copy(face.normal).multiplyScalar(cube.size / 2))
        const normal = _toCamera.copy(face.normal).transformDirection(cube.group.matrixWorld)
        const facing = normal.dot(_v.subVectors(camera.position, centre)) > 0
        return { ...project(centre), facing }
      },
      tableScreenPosition(tableId) {
        const table = useExpoStore.getState().plan?.tables.find((t) => t.id === tableId)
        return table ? project(_n.set(table.centre.x, TABLE_MARK.topHeight, worldZ(table.centre))) : null
      },
      markedTables: () => [...(sceneRegistry.tableMarks?.tableIds ?? [])].sort(),
      routeMarkers: () => (sceneRegistry.route?.markers ?? []).map((m) => ({ number: m.number, ...project(m.centre) })),
      routePathPoints: () => sceneRegistry.route?.pathPoints ?? 0,
      avatars: () => sceneRegistry.avatars?.drawn ?? 0,
      screens: () => ({ cards: sceneRegistry.screens?.cards() ?? [], videos: sceneRegistry.screens?.videos() ?? [] }),
      walkable: (x, z) => {
        const plan = useExpoStore.getState().plan
        return plan !== null && isWalkable(plan.walkGrid, { x, z })
      },
      vrOrigin: () => ({ x: walkPose.x, z: worldZ(walkPose), rotationY: cameraRotationY(walkPose.yaw) }),
      vrPanels: () => Object.fromEntries([...sceneRegistry.vrPanels].map(([name, state]) => [name, state()])),
      loseContext: () => gl.forceContextLoss(),
      restoreContext: () => gl.forceContextRestore(),
      invalidate: () => invalidate(),
      capturePanorama: (request) => capturePanorama(gl, scene, camera as THREE.PerspectiveCamera, request),
      encodePanorama,
    }
    window.__expoDebug = api
    return () => {
      if (window.__expoDebug === api) delete window.__expoDebug
    }
  }, [debug, camera, gl, invalidate, scene])

  return null
}
