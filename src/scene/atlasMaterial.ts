/** An unlit material whose instances each show their own rectangle of one atlas texture: all labels in one draw call. */
import * as THREE from 'three'

/** Name of the per-instance attribute: vec4(u offset, v offset, u scale, v scale). */
export const UV_RECT_ATTRIBUTE = 'uvRect'

export function createAtlasMaterial(map: THREE.Texture, options: { side?: THREE.Side } = {}) {
  const material = new THREE.MeshBasicMaterial({ map, side: options.side ?? THREE.FrontSide, toneMapped: false })
  material.onBeforeCompile = (shader) => {
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', `#include <common>\nattribute vec4 ${UV_RECT_ATTRIBUTE};`)
      .replace('#include <uv_vertex>', `#include <uv_vertex>\n\tvMapUv = ${UV_RECT_ATTRIBUTE}.xy + uv * ${UV_RECT_ATTRIBUTE}.zw;`)
  }
  // One program for every atlas material, distinct from plain MeshBasicMaterial programs.
  material.customProgramCacheKey = () => 'atlas-uv-rect'
  return material
}

/** The per-instance UV rectangles of an atlas InstancedMesh, attached to its geometry. */
export function attachUvRects(geometry: THREE.BufferGeometry, count: number) {
  const attribute = new THREE.InstancedBufferAttribute(new Float32Array(Math.max(1, count) * 4), 4)
  attribute.setUsage(THREE.DynamicDrawUsage)
  geometry.setAttribute(UV_RECT_ATTRIBUTE, attribute)
  return attribute
}
