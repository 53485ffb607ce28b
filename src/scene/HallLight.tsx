/**
 * The hall's light: an environment of Lightformers (ceiling light panels, a bright entrance side, a cool fill) rendered
 * once into a small cube map that the polished floor mirrors, a low sun through the skylights for
 * direction, and a light haze that lets far zones fade a little. No HDR file, nothing fetched.
 */
import { Lightformer } from '@react-three/drei'
import { createPortal, useFrame, useThree } from '@react-three/fiber'
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import * as THREE from 'three'
import { PALETTE } from './dimensions'
import { environmentReceivers } from './materials'

/** Cube-map side in pixels: the light is soft and large, so a small map holds it; rendered once, not per frame. */
export const ENVIRONMENT_RESOLUTION = 32
/** Frames the environment renders: one, at mount (and again after a lost context is restored). */
export const ENVIRONMENT_FRAMES = 1

/**
 * Hands the environment to the materials that asked for it (environmentReceivers: the polished floor), never through
 * `scene.environment`: three.js r163+ applies that to every Lambert material too, and every stand and wall then sampled
 * the cube map per pixel, which in software WebGL more than doubled the 1,000-stand hall's frame time and greyed the
 * zone colours. Returns how many materials it changed.
 */
export function applyEnvironment(receivers: Iterable<THREE.MeshLambertMaterial>, environment: THREE.Texture | null) {
  if (!environment) return 0
  let changed = 0
  for (const material of receivers) {
    if (material.envMap === environment) continue
    material.envMap = environment
    material.needsUpdate = true
    changed++
  }
  return changed
}

/** Haze: where it starts and where it would be complete, as multiples of the hall's longest side. */
export const HAZE = { near: 0.45, far: 3.2 } as const

/** Rows of ceiling panels the Lightformer environment holds; their reflections run along the polished aisles. */
const PANEL_ROWS = [-24, -12, 0, 12, 24]

function Lightformers() {
  return (
    <>
      {/* The room's own glow: what a matte surface facing nothing bright still receives. */}
      <color attach="background" args={['#c9d3de']} />
      {PANEL_ROWS.map((z) => (
        <Lightformer key={z} form="rect" intensity={2.4} color="#ffffff" position={[0, 20, z]} rotation-x={Math.PI / 2} scale={[60, 4, 1]} />
      ))}
      {/* Daylight through the entrance side, warm; a cooler wall of light opposite; a low ring for the vertical faces. */}
      <Lightformer form="rect" intensity={1.6} color="#fff3e0" position={[0, 6, 40]} scale={[80, 10, 1]} />
      <Lightformer form="rect" intensity={0.9} color="#e3efff" position={[0, 6, -40]} rotation-y={Math.PI} scale={[80, 10, 1]} />
      <Lightformer form="rect" intensity={1.1} color="#ffffff" position={[-40, 6, 0]} rotation-y={Math.PI / 2} scale={[80, 8, 1]} />
      <Lightformer form="rect" intensity={1.1} color="#ffffff" position={[40, 6, 0]} rotation-y={-Math.PI / 2} scale={[80, 8, 1]} />
      {/* The floor seen from above-facing normals' lower half: a soft light bounce, not black. */}
      <Lightformer form="rect" intensity={0.5} color="#eef1f4" position={[0, -10, 0]} rotation-x={-Math.PI / 2} scale={[100, 100, 1]} />
    </>
  )
}

/**
 * The Lightformers drawn once into a small cube map, the environment's texture set on `holder`: what drei's
 * `<Environment frames={1}>` does, without the HDR, EXR and gain-map loaders it brings into the 3D chunk (about
 * 20 KB gzip nobody here uses: the hall's light is made, not loaded).
 */
function LightformerEnvironment({ holder, children }: { holder: THREE.Scene; children: ReactNode }) {
  const gl = useThree((s) => s.gl)
  const [virtualScene] = useState(() => new THREE.Scene())
  const target = useMemo(() => {
    const cube = new THREE.WebGLCubeRenderTarget(ENVIRONMENT_RESOLUTION)
    cube.texture.type = THREE.HalfFloatType
    return cube
  }, [])
  const camera = useRef<THREE.CubeCamera>(null)
  useEffect(() => () => target.dispose(), [target])
  // after the portal's children are in the virtual scene, before the hall's first frame
  useLayoutEffect(() => {
    if (!camera.current) return
    const autoClear = gl.autoClear
    gl.autoClear = true
    camera.current.update(gl, virtualScene)
    gl.autoClear = autoClear
    holder.environment = target.texture
    return () => {
      if (holder.environment === target.texture) holder.environment = null
    }
  }, [gl, virtualScene, target, holder])
  return createPortal(
    <>
      {children}
      <cubeCamera ref={camera} args={[0.1, 1000, target]} />
    </>,
    virtualScene,
  )
}

export function HallLight({ reach }: { reach: number }) {
  const gl = useThree((s) => s.gl)
  // The environment goes into this holder, never into the hall's scene (see applyEnvironment).
  const holder = useMemo(() => new THREE.Scene(), [])
  const formers = useMemo(() => <Lightformers />, [])
  // Only in frames drawn anyway: the floor is built later than the light, and again for another hall.
  useFrame(() => {
    applyEnvironment(environmentReceivers, holder.environment)
  })
  // A lost context takes the cube map's pixels with it and three.js cannot re-upload a render target: remounting the
  // environment renders it again, once.
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    const canvas = gl.domElement
    const onRestored = () => setGeneration((g) => g + 1)
    canvas.addEventListener('webglcontextrestored', onRestored)
    return () => canvas.removeEventListener('webglcontextrestored', onRestored)
  }, [gl])
  return (
    <>
      <color attach="background" args={[PALETTE.sky]} />
      <LightformerEnvironment key={generation} holder={holder}>
        {formers}
      </LightformerEnvironment>
      {/* Sun and sky light the Lambert surfaces (stands, architecture, carpets); the environment adds the floor's sheen. */}
      <hemisphereLight args={['#ffffff', '#e6eaee', 1.6]} />
      <directionalLight position={[-60, 120, 40]} intensity={1.2} />
      <ambientLight intensity={0.3} />
      <fog attach="fog" args={[PALETTE.fog, reach * HAZE.near, reach * HAZE.far]} />
    </>
  )
}
