/**
 * The panorama's one WebGL pass: a full-screen triangle whose pixels each sample the equirectangular picture along
 * their own ray. Raw WebGL rather than three.js, so the view loads without the 3D hall's chunk and stays a few KB.
 * It draws only when asked (`draw`); the view asks once per change.
 */
import { halfExtent, lookBasis, type PanoramaLook } from './panoramaLook'

/** Part of the canvas drawn with one look (both halves of the Cardboard view), in device pixels from the bottom left. */
export interface Viewport {
  x: number
  y: number
  width: number
  height: number
}

export interface PanoramaRenderer {
  /** The picture to show, as decoded (larger than the GPU takes, it is scaled down first); null while the next loads. */
  setPicture(picture: HTMLImageElement | ImageBitmap | null): void
  draw(look: PanoramaLook, viewports: Viewport[]): void
  dispose(): void
}

const VERTEX = `
attribute vec2 corner;
varying vec2 ndc;
void main() {
  ndc = corner;
  gl_Position = vec4(corner, 0.0, 1.0);
}`

// atan/asin per pixel: cheap next to one texture read, and exact at the poles, unlike a cube map made from the picture.
const FRAGMENT = `
#ifdef GL_FRAGMENT_PRECISION_HIGH
precision highp float;
#else
precision mediump float;
#endif
uniform sampler2D picture;
uniform vec3 right;
uniform vec3 up;
uniform vec3 forward;
uniform vec2 halfExtent;
uniform float wrapU;
varying vec2 ndc;
void main() {
  vec3 ray = normalize(forward + ndc.x * halfExtent.x * right + ndc.y * halfExtent.y * up);
  float u = 0.5 + atan(ray.x, ray.z) / 6.2831853;
  float v = 0.5 - asin(clamp(ray.y, -1.0, 1.0)) / 3.1415927;
  // With a repeating texture the seam behind the viewer blends both edges; otherwise u is folded by hand.
  gl_FragColor = texture2D(picture, vec2(wrapU > 0.5 ? u : fract(u), v));
}`

function compile(gl: WebGLRenderingContext, type: number, source: string) {
  const shader = gl.createShader(type)!
  gl.shaderSource(shader, source)
  gl.compileShader(shader)
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS) && !gl.isContextLost()) throw new Error(`panorama shader: ${gl.getShaderInfoLog(shader)}`)
  return shader
}

const isPowerOfTwo = (n: number) => (n & (n - 1)) === 0

/**
 * A renderer on the canvas, or null when the browser gives no WebGL (the view then shows the picture as a strip).
 * A lost context is waited out and everything rebuilt on restore, the picture included.
 */
export function createPanoramaRenderer(canvas: HTMLCanvasElement, onRestored: () => void): PanoramaRenderer | null {
  const options: WebGLContextAttributes = { alpha: false, antialias: false, depth: false, stencil: false, preserveDrawingBuffer: false }
  const gl = (canvas.getContext('webgl2', options) ?? canvas.getContext('webgl', options)) as WebGLRenderingContext | null
  if (!gl) return null
  const webgl2 = typeof WebGL2RenderingContext !== 'undefined' && gl instanceof WebGL2RenderingContext
  let picture: HTMLImageElement | ImageBitmap | HTMLCanvasElement | null = null
  let state: ReturnType<typeof build> | null = null

  function build() {
    const program = gl!.createProgram()!
    gl!.attachShader(program, compile(gl!, gl!.VERTEX_SHADER, VERTEX))
    gl!.attachShader(program, compile(gl!, gl!.FRAGMENT_SHADER, FRAGMENT))
    gl!.linkProgram(program)
    gl!.useProgram(program)
    const buffer = gl!.createBuffer()
    gl!.bindBuffer(gl!.ARRAY_BUFFER, buffer)
    // one triangle over the whole viewport: no diagonal seam, no second triangle
    gl!.bufferData(gl!.ARRAY_BUFFER, new Float32Array([-1, -1, 3, -1, -1, 3]), gl!.STATIC_DRAW)
    const corner = gl!.getAttribLocation(program, 'corner')
    gl!.enableVertexAttribArray(corner)
    gl!.vertexAttribPointer(corner, 2, gl!.FLOAT, false, 0, 0)
    const texture = gl!.createTexture()
    const at = (name: string) => gl!.getUniformLocation(program, name)
    return { texture, uniforms: { right: at('right'), up: at('up'), forward: at('forward'), halfExtent: at('halfExtent'), wrapU: at('wrapU') }, repeat: false, hasPicture: false }
  }

  function upload() {
    if (!state || !picture) return
    const max = gl!.getParameter(gl!.MAX_TEXTURE_SIZE) as number
    let source = picture
    if (picture.width > max || picture.height > max) {
      // a 8K picture on a phone whose GPU takes 4K: halve it in a canvas rather than fail to draw
      const scale = Math.min(max / picture.width, max / picture.height)
      const smaller = document.createElement('canvas')
      smaller.width = Math.floor(picture.width * scale)
      smaller.height = Math.floor(picture.height * scale)
      smaller.getContext('2d')!.drawImage(picture, 0, 0, smaller.width, smaller.height)
      source = smaller
    }
    gl!.bindTexture(gl!.TEXTURE_2D, state.texture)
    gl!.pixelStorei(gl!.UNPACK_FLIP_Y_WEBGL, false)
    gl!.texImage2D(gl!.TEXTURE_2D, 0, gl!.RGB, gl!.RGB, gl!.UNSIGNED_BYTE, source)
    // WebGL 1 repeats only power-of-two textures; no mipmaps, so nothing to blur at the seam or wait for
    state.repeat = webgl2 || (isPowerOfTwo(source.width) && isPowerOfTwo(source.height))
    gl!.texParameteri(gl!.TEXTURE_2D, gl!.TEXTURE_WRAP_S, state.repeat ? gl!.REPEAT : gl!.CLAMP_TO_EDGE)
    gl!.texParameteri(gl!.TEXTURE_2D, gl!.TEXTURE_WRAP_T, gl!.CLAMP_TO_EDGE)
    gl!.texParameteri(gl!.TEXTURE_2D, gl!.TEXTURE_MIN_FILTER, gl!.LINEAR)
    gl!.texParameteri(gl!.TEXTURE_2D, gl!.TEXTURE_MAG_FILTER, gl!.LINEAR)
    state.hasPicture = true
  }

  const onLost = (event: Event) => {
    event.preventDefault()
    state = null
  }
  const onRestore = () => {
    state = build()
    upload()
    onRestored()
  }
  canvas.addEventListener('webglcontextlost', onLost)
  canvas.addEventListener('webglcontextrestored', onRestore)
  state = build()

  return {
    setPicture(next) {
      picture = next
      if (state) state.hasPicture = false
      upload()
    },
    draw(look, viewports) {
      if (!state || gl.isContextLost()) return
      gl.viewport(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight)
      gl.clearColor(0.87, 0.91, 0.95, 1)
      gl.clear(gl.COLOR_BUFFER_BIT)
      if (!state.hasPicture) return
      const { right, up, forward } = lookBasis(look)
      const { uniforms } = state
      gl.uniform3fv(uniforms.right, right)
      gl.uniform3fv(uniforms.up, up)
      gl.uniform3fv(uniforms.forward, forward)
      gl.uniform1f(uniforms.wrapU, state.repeat ? 1 : 0)
      for (const v of viewports) {
        gl.viewport(v.x, v.y, v.width, v.height)
        gl.uniform2f(uniforms.halfExtent, ...halfExtent(look, v.width, v.height))
        gl.drawArrays(gl.TRIANGLES, 0, 3)
      }
    },
    dispose() {
      canvas.removeEventListener('webglcontextlost', onLost)
      canvas.removeEventListener('webglcontextrestored', onRestore)
      if (state && !gl.isContextLost()) gl.deleteTexture(state.texture)
      state = null
    },
  }
}
