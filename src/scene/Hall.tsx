/**
 * The app's one <Canvas>: the hall's light, the camera rig and the hall built from the store's plan and pack (lazy-loaded
 * chunk). It draws on demand at a pixel ratio suited to the device, and reports to the store when WebGL is missing
 * or lost for good, so the plan view can take over.
 */
import { Canvas, useFrame, useThree } from '@react-three/fiber'
import { Component, lazy, Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import * as THREE from 'three'
import { useExpoStore } from '../state/store'
import { AdaptiveQuality } from './AdaptiveQuality'
import { CameraRig } from './CameraRig'
import { ContextRecovery } from './ContextRecovery'
import { DebugBridge } from './DebugBridge'
import { HallContent } from './HallContent'
import { HallLight } from './HallLight'
import { RenderOnDemand } from './RenderOnDemand'
import { dprCap, DprGovernor, isPhoneLike, QUALITY } from './renderQuality'
import { StatsCollector } from './StatsCollector'
import { watchImmersiveVr } from '../vr/vrEntry'

// The headset's layer (@react-three/xr and its pointers) downloads only where the browser offers immersive VR.
const VrLayer = lazy(() => import('../vr/VrLayer'))

/** Whether this browser offers immersive VR now (a headset plugged in or out changes it). */
function useImmersiveVrOffered() {
  const [offered, setOffered] = useState(false)
  useEffect(() => watchImmersiveVr(setOffered), [])
  return offered
}

/** three.js r163+ draws with WebGL 2 only, so a browser without it has no 3D hall at all. */
export function webgl2Available(): boolean {
  try {
    const probe = document.createElement('canvas').getContext('webgl2')
    // Hand the probe's context back at once: browsers keep only a handful alive.
    probe?.getExtension('WEBGL_lose_context')?.loseContext()
    return probe !== null
  } catch {
    return false
  }
}

/** Tells the store once; the plan view that takes over explains why to the visitor. */
function reportUnavailable() {
  const { webgl, actions } = useExpoStore.getState()
  if (webgl !== 'unavailable') actions.setWebglStatus('unavailable')
}

/** A renderer that could not be created (no context, a driver that refuses) ends here instead of in a blank page. */
class CanvasFailure extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false }

  static getDerivedStateFromError() {
    return { failed: true }
  }

  componentDidCatch(error: unknown) {
    console.warn('The 3D hall could not start:', error)
    reportUnavailable()
  }

  render() {
    return this.state.failed ? null : this.props.children
  }
}

function createGovernor() {
  const coarse = typeof window.matchMedia === 'function' && window.matchMedia('(pointer: coarse)').matches
  const phoneLike = isPhoneLike(coarse, window.innerWidth, window.innerHeight)
  return new DprGovernor(dprCap(phoneLike), window.devicePixelRatio || 1)
}

/**
 * Compiles the shader of everything in the built hall, shown or hidden, and uses each in the hall's first frame, which
 * waits for the compiler anyway. Otherwise what stays hidden until the visitor acts (the outline of a hovered or open
 * booth) is compiled in the frame that first shows it, and that frame waits for the GPU to finish all it was given:
 * opening the first booth stalled for two seconds in software rendering. Nothing here asks for a frame.
 */
function PrepareShaders() {
  const gl = useThree((s) => s.gl)
  const scene = useThree((s) => s.scene)
  const camera = useThree((s) => s.camera)
  const unused = useRef<Set<THREE.Material> | null>(null)
  useEffect(() => {
    unused.current = gl.compile(scene, camera)
  }, [gl, scene, camera])
  useFrame(() => {
    const materials = unused.current
    if (!materials) return
    unused.current = null
    // a program's first use checks how it linked and reads its uniforms: both wait on the GPU
    for (const material of materials) (gl.properties.get(material) as { currentProgram?: THREE.WebGLProgram }).currentProgram?.getUniforms()
  })
  return null
}

function HallCanvas({ empty }: { empty: boolean }) {
  const plan = useExpoStore((s) => s.plan)
  const pack = useExpoStore((s) => s.pack)
  const [governor] = useState(createGovernor)
  const [dprLevel, setDprLevel] = useState(governor.level)
  const onDprLevel = useCallback((level: number) => setDprLevel(level), [])
  const reach = plan ? Math.max(plan.hall.width, plan.hall.depth) : 200
  const showHall = !empty && plan !== null && pack !== null
  const vrOffered = useImmersiveVrOffered()
  return (
    <Canvas
      style={{ position: 'absolute', inset: 0 }}
      frameloop="demand"
      dpr={[QUALITY.dprFloor, dprLevel]}
      // Neutral tone mapping rolls off the bright highlights of the physical light without shifting hues: zone colours
      // are wayfinding. Labels and screens opt out (toneMapped: false) and show their pixels exactly.
      gl={{ antialias: true, powerPreference: 'high-performance', stencil: true, toneMapping: THREE.NeutralToneMapping }}
      camera={{ fov: 55, near: 0.3, far: 2000, position: [0, 40, 60] }}
    >
      <HallLight reach={reach} />
      <RenderOnDemand />
      <AdaptiveQuality governor={governor} onLevel={onDprLevel} />
      <ContextRecovery />
      <StatsCollector ready={empty || showHall} />
      <DebugBridge />
      {showHall && (
        <>
          <CameraRig plan={plan} />
          <HallContent plan={plan} pack={pack} />
          <PrepareShaders />
          {vrOffered && (
            <Suspense fallback={null}>
              <VrLayer plan={plan} />
            </Suspense>
          )}
        </>
      )}
    </Canvas>
  )
}

export default function Hall({ empty = false }: { empty?: boolean }) {
  const [supported] = useState(webgl2Available)
  const webgl = useExpoStore((s) => s.webgl)
  const view = useExpoStore((s) => s.view)
  useEffect(() => {
    if (!supported) reportUnavailable()
  }, [supported])
  // A context lost for good leaves the plan view in charge; asking for the hall again tries a fresh context.
  if (!supported || webgl === 'unavailable' || (webgl === 'lost' && view === 'plan')) return null
  return (
    <CanvasFailure>
      <HallCanvas empty={empty} />
    </CanvasFailure>
  )
}
