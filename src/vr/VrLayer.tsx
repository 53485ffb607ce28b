/**
 * The hall in a headset (@react-three/xr), loaded only where the browser offers immersive VR. The visitor's origin
 * stands on the page's walk pose (src/state/transient.ts), so everything that moves a visitor on the page (going to
 * a zone, the guided tour, a click on the floor) moves them in the headset too, and leaving VR leaves the page where
 * the visitor stood, looking where they looked, with the same booth open and the same route.
 *
 * Moving: teleport with the left hand's arc (onto the walk grid only, never into a stand, a wall or a table), the
 * left stick to walk (with the same collisions as on foot), snap turns on the right stick; the right hand's ray
 * opens stands and presses the panels' buttons. A
 * comfort vignette narrows the view while the visitor is carried and closes for a moment on every jump.
 */
import { TeleportTarget, XR, XROrigin, createXRStore, useXR, useXRControllerLocomotion } from '@react-three/xr'
import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useMemo, useRef, useState } from 'react'
import * as THREE from 'three'
import { cancelAutoWalk } from '../controls/autoWalk'
import { WALK } from '../controls/walkController'
import { isWalkable, moveWithCollision, nearestRoomyPoint } from '../plan/walk'
import type { FloorPlan } from '../plan/types'
import { useExpoStore } from '../state/store'
import { walkPose } from '../state/transient'
import { angleDelta, cameraRotationY, planPoint, worldZ } from '../scene/coords'
import { VrBoothCard } from './VrBoothCard'
import { VrMenu, VrMenuHandle } from './VrMenu'
import { registerVrEntry } from './vrEntry'

/**
 * A press and release of the trigger (or a pinch) on the same thing is a click however long it takes, as WebXR's own
 * `select` event is: pointer-events' default of 300 ms suits a mouse, not a finger squeezing a trigger (nor a frame
 * rate that drops while the hall loads). Our panels and stands have nothing to drag, so a long press means nothing else.
 */
const SELECT_AS_CLICK = { clickThresholdMs: Number.POSITIVE_INFINITY }

const xrStore = createXRStore({
  // Tests bring their own emulated headset (IWER); the app never installs one, so a desktop without a headset
  // sees no "Enter VR" at all.
  emulate: false,
  offerSession: false,
  // The default controller and hand models download from a CDN, which the page's policy (and an offline visit)
  // refuses: the rays and the teleport arc show where each hand points.
  // One job a hand: the left teleports, the right points and clicks. With both on one hand the nearer hit wins, and
  // aiming at the aisle in front of a stand would open the stand behind it instead of going there.
  controller: {
    left: { model: false, rayPointer: false, teleportPointer: SELECT_AS_CLICK },
    right: { model: false, rayPointer: SELECT_AS_CLICK, teleportPointer: false },
  },
  hand: {
    left: { model: false, rayPointer: false, teleportPointer: SELECT_AS_CLICK },
    right: { model: false, rayPointer: SELECT_AS_CLICK, teleportPointer: false },
  },
  // each controller's button layout, served by the app itself (vite.config.ts, xrControllerProfiles)
  baseAssetPath: new URL(`${import.meta.env.BASE_URL}xr-profiles/`, document.baseURI).href,
  frameRate: 'high',
})

/** Snap turn step: 30° is the step comfort guides for headsets recommend. */
const SNAP_DEGREES = 30
/** How long the vignette stays closed after a jump (teleport, snap turn, a zone chosen). */
const BLINK_MS = 180
/** Room a teleport leaves round the visitor: an arm's length, so a ray from the hand starts outside the stand. */
const TELEPORT_CLEARANCE = 0.6
/** How far in front of the eyes the menu opens where nothing is in the way. */
const MENU_DISTANCE = 1.4
/** How far the view narrows while carried (0 open … 1 closed). */
const MOVING_VIGNETTE = 0.6

export default function VrLayer({ plan }: { plan: FloorPlan }) {
  useEffect(() => {
    registerVrEntry(() => xrStore.enterVR())
    return () => registerVrEntry(null)
  }, [])
  return (
    <XR store={xrStore}>
      <VrSession plan={plan} />
    </XR>
  )
}

/** Where the head looks in the hall (plan heading), kept every frame so leaving VR can hand it to the page. */
const head = { yaw: 0 }

function VrSession({ plan }: { plan: FloorPlan }) {
  const session = useXR((s) => s.session)
  useEffect(() => {
    if (!session) return
    useExpoStore.getState().actions.setVrPresenting(true)
    head.yaw = walkPose.yaw
    return () => {
      // the page looks on from where the visitor stood and looked
      walkPose.yaw = head.yaw
      walkPose.pitch = 0
      useExpoStore.getState().actions.setVrPresenting(false)
    }
  }, [session])
  return session ? <VrWorld plan={plan} onExit={() => void session.end().catch(() => undefined)} /> : null
}

const _direction = new THREE.Vector3()
const _headPosition = new THREE.Vector3()

function VrWorld({ plan, onExit }: { plan: FloorPlan; onExit(): void }) {
  const origin = useRef<THREE.Group>(null)
  const xrCamera = useThree((s) => s.gl.xr.getCamera())
  const vignette = useMemo(createVignette, [])
  const comfort = useRef({ x: walkPose.x, z: walkPose.z, yaw: walkPose.yaw, blinkUntil: 0, strength: 0 })
  const [menu, setMenu] = useState<{ position: THREE.Vector3; facing: THREE.Vector3 } | null>(null)
  const grid = plan.walkGrid

  useEffect(() => {
    xrCamera.add(vignette)
    return () => {
      xrCamera.remove(vignette)
      vignette.geometry.dispose()
      vignette.material.dispose()
    }
  }, [xrCamera, vignette])

  /** The visitor's own move stops a walking tour, as a key press does on the page. */
  const takeOver = () => {
    cancelAutoWalk()
    const { guidedTour, actions } = useExpoStore.getState()
    if (guidedTour?.status === 'walking') actions.tourPause()
  }

  const teleport = (point: THREE.Vector3) => {
    // never into a stand, a wall or a table: the nearest floor with an arm's length round it (within a few metres)
    const at = nearestRoomyPoint(grid, planPoint(point.x, point.z), TELEPORT_CLEARANCE, { step: 0.25, maxRings: 16 })
    takeOver()
    walkPose.x = at.x
    walkPose.z = at.z
  }

  useXRControllerLocomotion(
    (velocity, turn, delta) => {
      if (velocity.x !== 0 || velocity.z !== 0) {
        takeOver()
        const next = moveWithCollision(grid, walkPose, { x: velocity.x * delta, z: -velocity.z * delta }, WALK.radius)
        walkPose.x = next.x
        walkPose.z = next.z
      }
      // three turns left for a positive angle; the plan's heading grows to the right
      if (turn !== 0) walkPose.yaw -= turn
    },
    { speed: WALK.speed },
    { type: 'snap', degrees: SNAP_DEGREES },
  )

  useFrame((_, delta) => {
    const group = origin.current
    if (group) {
      group.position.set(walkPose.x, 0, worldZ(walkPose))
      group.rotation.set(0, cameraRotationY(walkPose.yaw), 0)
    }
    const c = comfort.current
    const now = performance.now()
    const step = Math.hypot(walkPose.x - c.x, walkPose.z - c.z)
    const turned = Math.abs(angleDelta(c.yaw, walkPose.yaw))
    if (step > 1 || turned > 0.2) c.blinkUntil = now + BLINK_MS
    const target = now < c.blinkUntil ? 1 : step > 0.002 || turned > 0.001 ? MOVING_VIGNETTE : 0
    // closes at once, opens over a few frames
    c.strength = target > c.strength ? target : c.strength + (target - c.strength) * Math.min(1, delta * 8)
    setVignette(vignette, c.strength)
    Object.assign(c, { x: walkPose.x, z: walkPose.z, yaw: walkPose.yaw })

    xrCamera.getWorldDirection(_direction)
    if (Math.abs(_direction.y) < 0.99) head.yaw = Math.atan2(_direction.x, -_direction.z)
  })

  const openMenu = () => {
    xrCamera.getWorldPosition(_headPosition)
    // in front of the eyes, short of the first stand or wall that way, so the ray meets the menu before anything else
    const at = planPoint(_headPosition.x, _headPosition.z)
    const forward = { x: Math.sin(head.yaw), z: Math.cos(head.yaw) }
    let clear = 0
    while (clear < MENU_DISTANCE && isWalkable(grid, { x: at.x + forward.x * (clear + 0.1), z: at.z + forward.z * (clear + 0.1) })) clear += 0.1
    const distance = THREE.MathUtils.clamp(clear - 0.3, 0.6, MENU_DISTANCE)
    const ahead = new THREE.Vector3(forward.x, 0, -forward.z).multiplyScalar(distance)
    setMenu({ position: _headPosition.clone().add(ahead).setY(_headPosition.y - 0.1), facing: _headPosition.clone() })
  }
  const exitToPage = () => onExit()

  const { hall } = plan
  return (
    <>
      <XROrigin ref={origin}>
        <VrMenuHandle position={HANDLE_POSITION} facing={HANDLE_FACING} onOpen={openMenu} />
      </XROrigin>
      <TeleportTarget onTeleport={teleport}>
        {/* the floor as the arc sees it: invisible, just above the drawn floor */}
        <mesh rotation-x={-Math.PI / 2} position={[hall.x + hall.width / 2, 0.01, -(hall.z + hall.depth / 2)]}>
          <planeGeometry args={[hall.width, hall.depth]} />
          <meshBasicMaterial colorWrite={false} depthWrite={false} />
        </mesh>
      </TeleportTarget>
      {/* the menu takes the place in front of the eyes; the booth's card comes back when it closes */}
      {!menu && <VrBoothCard plan={plan} onExitToPage={exitToPage} />}
      {menu && <VrMenu position={menu.position} facing={menu.facing} onClose={() => setMenu(null)} onExit={exitToPage} />}
    </>
  )
}

/** The menu handle sits at the visitor's left, at hand height, turned towards them (origin space). */
const HANDLE_POSITION = new THREE.Vector3(-0.45, 1.0, -0.6)
const HANDLE_FACING = new THREE.Vector3(0, 1.0, 0.2)

/** A dark ring round the centre of the view, in front of the eyes; its opening narrows as `strength` grows. */
function createVignette() {
  const material = new THREE.ShaderMaterial({
    transparent: true,
    depthTest: false,
    depthWrite: false,
    uniforms: { inner: { value: 0.3 } },
    vertexShader: 'varying vec2 vPlace; void main() { vPlace = position.xy; gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0); }',
    fragmentShader:
      'uniform float inner; varying vec2 vPlace; void main() { float a = smoothstep(inner, inner + 0.06, length(vPlace)); gl_FragColor = vec4(0.02, 0.03, 0.05, a); }',
  })
  const mesh = new THREE.Mesh(new THREE.RingGeometry(0.005, 0.8, 64, 1), material)
  // 0.2 m in front of the eyes, drawn over everything and never culled
  mesh.position.set(0, 0, -0.2)
  mesh.renderOrder = 1000
  mesh.frustumCulled = false
  mesh.visible = false
  return mesh
}

function setVignette(mesh: THREE.Mesh<THREE.RingGeometry, THREE.ShaderMaterial>, strength: number) {
  mesh.visible = strength > 0.01
  // fully open the ring lies outside the view (0.3 m at 0.2 m is past the edge of a headset's field); closed it
  // leaves a small hole
  mesh.material.uniforms.inner.value = THREE.MathUtils.lerp(0.3, 0.01, strength)
}
