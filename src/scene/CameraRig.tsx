/**
 * The one camera's behaviour: orbit over the hall in overview, first person in walk mode (keys, joystick, drag,
 * gyroscope), smooth flights to whatever the store requests, and the camera pose written to `cameraPose` every
 * frame. While anything moves it asks for the next frame; once the camera stands still the hall stops drawing.
 */
import { OrbitControls } from '@react-three/drei'
import { useFrame, useThree } from '@react-three/fiber'
import { useCallback, useEffect, useEffectEvent, useRef, type ComponentRef } from 'react'
import * as THREE from 'three'
import { autoWalk, cancelAutoWalk, startAutoWalk, stepAutoWalk } from '../controls/autoWalk'
import { installDragLook } from '../controls/dragLook'
import { takeGyroTurn } from '../controls/gyroscope'
import { installKeyboard } from '../controls/keyboard'
import { MAX_TOUR_STEP, stepTour, stopTourWalk } from '../controls/tourDriver'
import { clampPitch, forwardOf, rightOf, stepWalk, type WalkPose } from '../controls/walkController'
import { noteActivity } from '../controls/wake'
import type { FloorPlan } from '../plan/types'
import { zoneAt } from '../plan/walk'
import { useExpoStore, type CameraRequest, type ViewMode } from '../state/store'
import { cameraPose, walkIntent, walkPose } from '../state/transient'
import {
  boothOverview,
  boothWalkPose,
  overviewAbove,
  pointOverview,
  startOverview,
  startWalkPose,
  tableOverview,
  tableWalkPose,
  tourStopPose,
  walkPoseBelow,
  walkView,
  zoneOverview,
  zoneWalkPose,
  type View,
} from './cameraViews'
import { cameraRotationY, worldZ } from './coords'
import { EYE_HEIGHT } from './dimensions'
import { screenFrameFor } from './framing'
import { easeInOutCubic, prefersReducedMotion } from './motion'
import { usePageCamera } from './pageCamera'

type Controls = ComponentRef<typeof OrbitControls>

/** The visitor took the camera (keys, a click, a flight, the overview): a walking tour pauses where it is. */
function pauseWalkingTour() {
  const { guidedTour, actions } = useExpoStore.getState()
  if (guidedTour?.status === 'walking') actions.tourPause()
}

/** Longest flight, seconds (the product allows 1.5). */
const MAX_FLIGHT = 1.2

interface Flight {
  from: View
  to: View
  start: number
  duration: number
  /** Where the flight lands: a walking pose, or an overview target for the orbit controls. */
  land: { mode: 'walk'; pose: WalkPose } | { mode: 'overview' }
}

const _dir = new THREE.Vector3()
const _target = new THREE.Vector3()
const _clamped = new THREE.Vector3()
/** The camera as the last frame left it: a frame that moves it asks for one more. */
const _lastPosition = new THREE.Vector3()
const _lastQuaternion = new THREE.Quaternion()

function applyWalkPose(camera: THREE.Camera, pose: WalkPose) {
  camera.position.set(pose.x, EYE_HEIGHT, worldZ(pose))
  camera.rotation.set(pose.pitch, cameraRotationY(pose.yaw), 0, 'YXZ')
}

function currentView(camera: THREE.Camera, controls: Controls | null): View {
  const target = controls
    ? controls.target.clone()
    : camera.position.clone().add(camera.getWorldDirection(_dir).multiplyScalar(10))
  return { position: camera.position.clone(), target }
}

export function CameraRig({ plan }: { plan: FloorPlan }) {
  const camera = usePageCamera()
  const gl = useThree((s) => s.gl)
  const invalidate = useThree((s) => s.invalidate)
  const controls = useRef<Controls>(null)
  const flight = useRef<Flight | null>(null)
  const clock = useRef(0)
  const lastZone = useRef<string | null>(null)
  /** A walk asked for while the camera was still landing in walk mode: set off once it stands. */
  const queuedWalk = useRef<CameraRequest | null>(null)

  const reach = Math.max(plan.hall.width, plan.hall.depth)
  const getState = useThree((s) => s.get)
  /** The part of the canvas the overlay leaves free for a booth, at the canvas's size now. */
  const screenFrame = useCallback(() => {
    const { width, height } = getState().size
    return screenFrameFor(width, height)
  }, [getState])

  // Far plane and the first view, once per plan.
  useEffect(() => {
    const perspective = camera as THREE.PerspectiveCamera
    perspective.near = 0.3
    perspective.far = Math.max(600, reach * 5)
    perspective.updateProjectionMatrix()
    const { cameraRequest, guidedTour, actions } = useExpoStore.getState()
    let mode = useExpoStore.getState().mode
    Object.assign(walkPose, startWalkPose(plan))
    const start = startOverview(plan)
    flight.current = null
    stopTourWalk()
    // A tour restored from the last visit: stand at its current stop, paused, until the visitor presses play.
    const resumeStop = guidedTour?.stops[guidedTour.stopIndex]
    const resumeAt = resumeStop ? tourStopPose(plan, resumeStop, screenFrame()) : null
    if (guidedTour) {
      if (resumeAt) {
        Object.assign(walkPose, resumeAt)
        // Before the mode subscription below exists, so no flight starts.
        if (mode !== 'walk') actions.setMode('walk')
        mode = 'walk'
      }
      actions.tourPause()
    }
    if (mode === 'walk') applyWalkPose(camera, walkPose)
    else {
      camera.position.copy(start.position)
      camera.lookAt(start.target)
      controls.current?.target.copy(start.target)
      controls.current?.update()
    }
    // A request made before the hall existed (a shared link) lands without a flight; a resumed tour's stop comes first,
    // since after a reload the link only echoes where the visitor last was.
    if (cameraRequest && !resumeAt) flyOnRequest(cameraRequest, true)
  }, [plan, camera, reach, screenFrame])

  /** Starts a flight (or cuts) to a view; walk flights land on a pose. */
  const flyTo = (to: View, land: Flight['land'], cut = false) => {
    cancelAutoWalk()
    queuedWalk.current = null
    const from = currentView(camera, controls.current)
    const distance = from.position.distanceTo(to.position) + from.target.distanceTo(to.target) * 0.5
    // In a headset a flight would move the world round a still body: the visitor is set down there at once instead.
    const instant = cut || prefersReducedMotion() || useExpoStore.getState().vrPresenting
    const duration = instant ? 0 : Math.min(MAX_FLIGHT, 0.45 + distance / 60)
    flight.current = { from, to, start: clock.current, duration, land }
  }

  const fly = (request: CameraRequest, cut = false) => {
    const mode = useExpoStore.getState().mode
    if (request.kind === 'zone') {
      if (mode === 'walk') {
        const pose = zoneWalkPose(plan, request.zoneId)
        if (pose) flyTo(walkView(pose), { mode: 'walk', pose }, cut)
      } else {
        const view = zoneOverview(plan, request.zoneId)
        if (view) flyTo(view, { mode: 'overview' }, cut)
      }
    } else if (request.kind === 'booth') {
      const booth = plan.booths.find((b) => b.exhibitorId === request.exhibitorId)
      if (!booth) return
      if (mode === 'walk') {
        const pose = boothWalkPose(plan, booth, screenFrame())
        flyTo(walkView(pose), { mode: 'walk', pose }, cut)
      } else flyTo(boothOverview(plan, booth, screenFrame()), { mode: 'overview' }, cut)
    } else if (request.kind === 'table') {
      const table = plan.tables.find((t) => t.id === request.tableId)
      if (!table) return
      if (mode !== 'walk') {
        flyTo(tableOverview(table, currentView(camera, controls.current)), { mode: 'overview' }, cut)
        return
      }
      if (!cut && flight.current?.land.mode === 'walk') {
        queuedWalk.current = request
        return
      }
      const pose = tableWalkPose(plan, table, walkPose)
      const far = Math.hypot(pose.x - walkPose.x, pose.z - walkPose.z) > 1
      flight.current = null
      // On foot when there is a way; a link opened before the hall existed, or no way at all, cuts there.
      if (cut || !startAutoWalk(plan.walkGrid, walkPose, pose, { yaw: pose.yaw, pitch: pose.pitch })) {
        flyTo(walkView(pose), { mode: 'walk', pose }, cut || far)
      }
    } else if (mode === 'walk') {
      if (!cut && flight.current?.land.mode === 'walk') {
        queuedWalk.current = request
        return
      }
      // Walk there on foot when there is a way; otherwise cut.
      flight.current = null
      if (!startAutoWalk(plan.walkGrid, walkPose, request.point)) {
        const pose = { ...walkPose, x: request.point.x, z: request.point.z }
        flyTo(walkView(pose), { mode: 'walk', pose }, true)
      }
    } else {
      flyTo(pointOverview(request.point, currentView(camera, controls.current)), { mode: 'overview' }, cut)
    }
  }

  const switchMode = (mode: ViewMode) => {
    // Leaving walk mode mid-walk hands the camera to the visitor: the tour waits.
    if (mode === 'overview') pauseWalkingTour()
    if (mode === 'walk') {
      const pose = walkPoseBelow(plan, currentView(camera, controls.current))
      flyTo(walkView(pose), { mode: 'walk', pose })
    } else {
      flight.current = null
      flyTo(overviewAbove(walkPose), { mode: 'overview' })
    }
  }

  // The subscriptions are made once per hall; through these they always act on the current plan and camera.
  const flyOnRequest = useEffectEvent(fly)
  const switchModeOnRequest = useEffectEvent(switchMode)

  useEffect(() => {
    const offRequest = useExpoStore.subscribe(
      (s) => s.cameraRequest,
      (request) => {
        if (!request) return
        // The tour never asks for camera moves: one while it walks is the visitor's own (a click, a menu).
        pauseWalkingTour()
        flyOnRequest(request)
      },
    )
    const offMode = useExpoStore.subscribe((s) => s.mode, (mode) => switchModeOnRequest(mode))
    // A tour set walking (play, next, previous) while the visitor looks from above comes down to walk first.
    const offTour = useExpoStore.subscribe(
      (s) => s.guidedTour?.status,
      (status) => {
        const { mode, actions } = useExpoStore.getState()
        if (status === 'walking' && mode === 'overview') actions.setMode('walk')
      },
    )
    const offKeys = installKeyboard()
    const offLook = installDragLook(gl.domElement, walkPose, () => useExpoStore.getState().mode === 'walk' && !flight.current)
    return () => {
      offRequest()
      offMode()
      offTour()
      offKeys()
      offLook()
      cancelAutoWalk()
      stopTourWalk()
    }
  }, [plan, gl, camera])

  useFrame((_, delta) => {
    const dt = Math.min(delta, 0.1)
    clock.current += dt
    const { mode, gyroLook, actions } = useExpoStore.getState()
    const orbit = controls.current
    const f = flight.current
    // Taken every frame, so turns made in overview or mid-flight are dropped rather than applied later in one jolt.
    const gyroTurn = takeGyroTurn()
    let moving = f !== null

    if (f) {
      const t = f.duration > 0 ? Math.min(1, (clock.current - f.start) / f.duration) : 1
      const k = easeInOutCubic(t)
      camera.position.lerpVectors(f.from.position, f.to.position, k)
      _target.lerpVectors(f.from.target, f.to.target, k)
      camera.lookAt(_target)
      if (t >= 1) {
        flight.current = null
        if (f.land.mode === 'walk') {
          Object.assign(walkPose, f.land.pose)
          applyWalkPose(camera, walkPose)
          const queued = queuedWalk.current
          queuedWalk.current = null
          if (queued && useExpoStore.getState().mode === 'walk') fly(queued)
        } else if (orbit) {
          orbit.target.copy(f.to.target)
          orbit.update()
        }
      }
    } else if (mode === 'walk') {
      const intent = walkIntent
      const keyed = intent.forward !== 0 || intent.strafe !== 0 || intent.turn !== 0
      if (keyed && autoWalk.path) cancelAutoWalk()
      if (keyed) pauseWalkingTour()
      if (gyroLook) {
        walkPose.yaw += gyroTurn.yaw
        walkPose.pitch = clampPitch(walkPose.pitch + gyroTurn.pitch)
      }
      // The tour keeps its pace by the wall clock, however slowly frames come.
      const tour = useExpoStore.getState().guidedTour
      moving ||= keyed || autoWalk.path !== null || tour?.status === 'walking'
      if (stepTour(walkPose, tour, plan, Math.min(delta, MAX_TOUR_STEP), actions.tourArrived, screenFrame)) {
        if (autoWalk.path) cancelAutoWalk()
      } else if (!stepAutoWalk(walkPose, dt, plan.walkGrid)) stepWalk(walkPose, intent, dt, plan.walkGrid)
      applyWalkPose(camera, walkPose)
    } else if (orbit) {
      // Keys pan and turn the overview too: ahead/back and sideways along the floor, turning round the target.
      const { forward, strafe, turn } = walkIntent
      if (forward !== 0 || strafe !== 0 || turn !== 0) {
        moving = true
        camera.getWorldDirection(_dir)
        const yaw = Math.atan2(_dir.x, -_dir.z)
        const speed = camera.position.distanceTo(orbit.target) * 0.8 * dt
        const fw = forwardOf(yaw)
        const rt = rightOf(yaw)
        const dx = (fw.x * forward + rt.x * strafe) * speed
        const dz = -(fw.z * forward + rt.z * strafe) * speed
        orbit.target.x += dx
        orbit.target.z += dz
        camera.position.x += dx
        camera.position.z += dz
        if (turn !== 0) {
          const offset = _dir.subVectors(camera.position, orbit.target)
          offset.applyAxisAngle(THREE.Object3D.DEFAULT_UP, -turn * 1.2 * dt)
          camera.position.copy(orbit.target).add(offset)
        }
        orbit.update()
      }
      // Keep the orbit target over the hall, so panning never loses it.
      const { hall } = plan
      _clamped.set(
        THREE.MathUtils.clamp(orbit.target.x, hall.x - 5, hall.x + hall.width + 5),
        THREE.MathUtils.clamp(orbit.target.y, 0, 8),
        THREE.MathUtils.clamp(orbit.target.z, -(hall.z + hall.depth + 5), -(hall.z - 5)),
      )
      if (!_clamped.equals(orbit.target)) {
        camera.position.add(_dir.subVectors(_clamped, orbit.target))
        orbit.target.copy(_clamped)
        orbit.update()
      }
    }
    if (orbit) orbit.enabled = mode === 'overview' && !flight.current

    // Orbit damping asks for its own frames (drei invalidates on every change); everything else asks here.
    if (!_lastPosition.equals(camera.position) || !_lastQuaternion.equals(camera.quaternion)) {
      moving = true
      noteActivity()
      _lastPosition.copy(camera.position)
      _lastQuaternion.copy(camera.quaternion)
    }
    if (moving) invalidate()

    // Publish the pose in plan coordinates for the minimap, the overlay and the debug API.
    camera.getWorldDirection(_dir)
    cameraPose.x = camera.position.x
    cameraPose.y = camera.position.y
    cameraPose.z = -camera.position.z
    cameraPose.yaw = Math.atan2(_dir.x, -_dir.z)
    cameraPose.pitch = Math.asin(THREE.MathUtils.clamp(_dir.y, -1, 1))

    if (mode === 'walk' && !flight.current) {
      const zone = zoneAt(plan, walkPose)
      if (zone && zone !== lastZone.current) {
        lastZone.current = zone
        actions.enterZone(zone)
      }
    } else lastZone.current = null
  })

  return (
    <OrbitControls
      camera={camera}
      ref={controls}
      makeDefault
      enableDamping
      dampingFactor={0.12}
      minDistance={6}
      maxDistance={reach * 1.6}
      minPolarAngle={0.12}
      maxPolarAngle={1.32}
      screenSpacePanning={false}
    />
  )
}
