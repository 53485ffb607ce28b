/**
 * The hall as a 360° picture, for `npm run panoramas` through the debug API: the visitor is stood at a zone's panorama
 * viewpoint (src/plan/panoramas.ts) so the detail that follows the visitor is there, then six cube faces are drawn from
 * it, turned into an equirectangular image on the GPU and read back as WebP.
 */
import * as THREE from 'three'
import type { ZoneId } from '../content/schema'
import { panoramaViewpoint, type PanoramaViewpoint } from '../plan/panoramas'
import type { Point } from '../plan/types'
import { useExpoStore } from '../state/store'
import { cameraPose, renderStats } from '../state/transient'
import { zoneWalkPose } from './cameraViews'
import { worldZ } from './coords'
import { EYE_HEIGHT } from './dimensions'
import { sceneRegistry } from './sceneRegistry'

export interface PanoramaRequest {
  zoneId: ZoneId
  /** Picture width in pixels (the height is half); a multiple of 4. Smaller copies are encoded from it. */
  width: number
}

export interface PanoramaTaken {
  viewpoint: PanoramaViewpoint
  width: number
  height: number
}

/** Scene parts that belong to one visitor, not to the hall: other visitors, their route and meetings, hover and open outlines. */
const PERSONAL_PARTS = ['avatars', 'route-pins', 'route-path', 'table-marks', 'table-labels', 'booth-hover-outline', 'booth-open-outline']

const VERTEX = /* glsl */ `
varying vec2 vUv;
void main() {
  vUv = uv;
  gl_Position = vec4(position.xy, 0.0, 1.0);
}`

// The picture's convention (src/plan/panoramas.ts): the centre column looks along centreYaw, yaw grows to the right,
// the top row looks straight up. Rows are read back bottom first, so pitch falls as vUv.y rises and the first row read
// is the top. Plan heading h is world (sin h, 0, -cos h): world z is minus plan z. A cube render target's texture is
// sampled by world direction as it is (three flips only cube textures loaded from images).
const FRAGMENT = /* glsl */ `
uniform samplerCube cube;
uniform float centreYaw;
uniform vec2 texel;
varying vec2 vUv;
vec4 look(vec2 uv) {
  float yaw = centreYaw + (uv.x - 0.5) * 6.283185307;
  float pitch = (0.5 - uv.y) * 3.141592654;
  return textureCube(cube, vec3(sin(yaw) * cos(pitch), sin(pitch), -cos(yaw) * cos(pitch)));
}
void main() {
  // four looks a pixel: the faces are drawn at about twice the picture's density, without multisampling
  vec4 sum = look(vUv + texel * vec2(-0.25, -0.25)) + look(vUv + texel * vec2(0.25, -0.25))
    + look(vUv + texel * vec2(-0.25, 0.25)) + look(vUv + texel * vec2(0.25, 0.25));
  gl_FragColor = vec4(sum.rgb * 0.25, 1.0);
}`

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve))

/** Waits, frame by frame, until `done` holds; fails naming the zone and the step when it does not within `seconds`. */
async function until(zoneId: ZoneId, what: string, done: (now: number) => boolean, seconds = 30) {
  const deadline = performance.now() + seconds * 1000
  for (;;) {
    const now = await nextFrame()
    if (done(now)) return
    if (now > deadline) throw new Error(`panorama of ${zoneId}: ${what} did not happen within ${seconds} s`)
  }
}

const near = (a: number, b: number, tolerance = 0.02) => Math.abs(a - b) <= tolerance

/** Where the camera's line of sight meets the floor, in plan coordinates (null when it looks level or up). */
function floorPointSeen(): Point | null {
  const { x, y, z, yaw, pitch } = cameraPose
  if (pitch > -0.01) return null
  const reach = (y / -Math.sin(pitch)) * Math.cos(pitch)
  return { x: x + Math.sin(yaw) * reach, z: z + Math.cos(yaw) * reach }
}
const looksDownOn = (p: Point) => {
  const seen = floorPointSeen()
  return seen !== null && useExpoStore.getState().mode === 'overview' && near(seen.x, p.x, 0.05) && near(seen.z, p.z, 0.05)
}
const standsAt = (p: Point) => useExpoStore.getState().mode === 'walk' && near(cameraPose.y, EYE_HEIGHT) && near(cameraPose.x, p.x) && near(cameraPose.z, p.z)

/**
 * Stands the visitor at the viewpoint in walk mode, always by the same way (the zone's arrival spot, up above it, across
 * to the viewpoint, down), so each picture is taken facing the same way and the detail that follows the visitor's
 * gaze (product models, fascia logos, screen cards) is the same on every run. Only the store's own actions move the camera.
 */
async function standAtViewpoint(view: PanoramaViewpoint) {
  const { plan, actions } = useExpoStore.getState()
  const zoneId = view.zoneId
  const arrival = plan && zoneWalkPose(plan, zoneId)
  if (!arrival) throw new Error(`panorama of ${zoneId}: the zone is not in this hall`)
  actions.closeBooth()
  actions.hoverBooth(null)
  if (useExpoStore.getState().mode !== 'walk') {
    actions.setMode('walk')
    await until(zoneId, 'coming down to walk', () => useExpoStore.getState().mode === 'walk' && near(cameraPose.y, EYE_HEIGHT))
  }
  actions.goToZone(zoneId)
  await until(zoneId, "reaching the zone's arrival spot", () => standsAt(arrival))
  actions.setMode('overview')
  await until(zoneId, 'rising above it', () => looksDownOn(arrival))
  actions.goToPoint(view.at)
  await until(zoneId, 'looking down on the viewpoint', () => looksDownOn(view.at))
  actions.setMode('walk')
  await until(zoneId, 'standing at the viewpoint', () => standsAt(view.at))
  // What follows the visitor moves at most twice a second and asks for its own frame when due; the logos near it
  // load and then draw in one frame. Once all have come and a second passed without a frame, the hall is complete.
  // The lobby's cube turns for 20 s after the last move: past 25 s the frames it draws do not count.
  const landed = performance.now()
  await until(
    zoneId,
    'the logos near it arriving and the hall coming to rest',
    (now) =>
      now - landed > 1500 &&
      (sceneRegistry.logos?.waiting ?? 0) === 0 &&
      (now - renderStats.lastFrameStartedAt > 1000 || now - landed > 25_000),
    60,
  )
}

/** The six faces round the eye, tone-mapped and encoded exactly as the hall draws on screen. */
function renderCube(gl: THREE.WebGLRenderer, scene: THREE.Scene, camera: THREE.PerspectiveCamera, view: PanoramaViewpoint, faceSize: number) {
  const target = new THREE.WebGLCubeRenderTarget(faceSize, { generateMipmaps: false, stencilBuffer: true, colorSpace: THREE.SRGBColorSpace })
  // three tone-maps and encodes to sRGB only on screen, or into a target flagged as XR; the flag gives each material
  // the hall's tone mapping (labels and screens opt out, as on screen). Stored as plain bytes, not as an sRGB texture,
  // so the bytes are the screen's and sampling them does not decode them.
  target.texture.internalFormat = 'RGBA8'
  ;(target as { isXRRenderTarget?: boolean }).isXRRenderTarget = true
  const eye = new THREE.CubeCamera(camera.near, camera.far, target)
  eye.position.set(view.at.x, view.eyeHeight, worldZ(view.at))
  eye.update(gl, scene)
  return target
}

/** The cube seen as an equirectangular picture, read back top row first. */
function unwrap(gl: THREE.WebGLRenderer, cube: THREE.WebGLCubeRenderTarget, centreYaw: number, width: number, height: number) {
  const target = new THREE.WebGLRenderTarget(width, height, { depthBuffer: false })
  const material = new THREE.ShaderMaterial({
    vertexShader: VERTEX,
    fragmentShader: FRAGMENT,
    uniforms: { cube: { value: cube.texture }, centreYaw: { value: centreYaw }, texel: { value: new THREE.Vector2(1 / width, 1 / height) } },
    depthTest: false,
    depthWrite: false,
  })
  const quad = new THREE.Mesh(new THREE.PlaneGeometry(2, 2), material)
  quad.frustumCulled = false
  const previous = gl.getRenderTarget()
  gl.setRenderTarget(target)
  gl.render(quad, new THREE.OrthographicCamera())
  gl.setRenderTarget(previous)
  const pixels = new Uint8Array(width * height * 4)
  gl.readRenderTargetPixels(target, 0, 0, width, height, pixels)
  target.dispose()
  material.dispose()
  quad.geometry.dispose()
  return new ImageData(new Uint8ClampedArray(pixels.buffer), width, height)
}

function encodeWebp(canvas: HTMLCanvasElement, quality: number): Promise<string> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => {
      // a browser that cannot encode WebP hands back a PNG instead
      if (!blob || blob.type !== 'image/webp') return reject(new Error('this browser cannot encode WebP'))
      const reader = new FileReader()
      reader.onload = () => resolve((reader.result as string).slice((reader.result as string).indexOf(',') + 1))
      reader.onerror = () => reject(reader.error)
      reader.readAsDataURL(blob)
    }, 'image/webp', quality),
  )
}

/** The last picture taken, kept in the page so a caller can try sizes and qualities against a byte budget. */
let lastPicture: HTMLCanvasElement | null = null

export async function capturePanorama(
  gl: THREE.WebGLRenderer,
  scene: THREE.Scene,
  camera: THREE.PerspectiveCamera,
  { zoneId, width }: PanoramaRequest,
): Promise<PanoramaTaken> {
  const plan = useExpoStore.getState().plan
  const view = plan && panoramaViewpoint(plan, zoneId)
  if (!view) throw new Error(`panorama of ${zoneId}: no such zone in this hall`)
  if (!Number.isInteger(width) || width % 4 !== 0 || width < 64) throw new Error(`panorama of ${zoneId}: width ${width} is not a multiple of 4`)
  lastPicture = null
  await standAtViewpoint(view)

  const height = width / 2
  const faceSize = Math.min(width / 2, gl.capabilities.maxCubemapSize)
  const hidden = PERSONAL_PARTS.map((name) => scene.getObjectByName(name)).filter((part) => part?.visible) as THREE.Object3D[]
  hidden.forEach((part) => (part.visible = false))
  let image: ImageData
  try {
    const cube = renderCube(gl, scene, camera, view, faceSize)
    image = unwrap(gl, cube, view.centreYaw, width, height)
    cube.dispose()
  } finally {
    hidden.forEach((part) => (part.visible = true))
    // the hall counts what each of its frames draws from the last reset: these draws are not its own
    gl.info.reset()
  }
  lastPicture = document.createElement('canvas')
  lastPicture.width = width
  lastPicture.height = height
  lastPicture.getContext('2d')!.putImageData(image, 0, 0)
  return { viewpoint: view, width, height }
}

/** The last picture as base64 WebP, scaled down to `width` when smaller (a scaled copy is sharper than a smaller rendering). */
export function encodePanorama({ width, quality }: { width: number; quality: number }): Promise<string> {
  const picture = lastPicture
  if (!picture) return Promise.reject(new Error('no panorama taken yet'))
  if (width >= picture.width) return encodeWebp(picture, quality)
  const scaled = document.createElement('canvas')
  scaled.width = width
  scaled.height = Math.round(width / 2)
  const ctx = scaled.getContext('2d')!
  ctx.imageSmoothingQuality = 'high'
  ctx.drawImage(picture, 0, 0, scaled.width, scaled.height)
  return encodeWebp(scaled, quality)
}
