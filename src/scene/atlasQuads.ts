/** One InstancedMesh of textured quads that each show their own atlas slot: every sign of a kind in one draw call. */
import * as THREE from 'three'
import { attachUvRects, createAtlasMaterial } from './atlasMaterial'

export interface AtlasQuad {
  matrix: THREE.Matrix4
  uv: readonly [number, number, number, number]
}

const _m = new THREE.Matrix4()
const _q = new THREE.Quaternion()
const _p = new THREE.Vector3()
const _s = new THREE.Vector3()
const _up = new THREE.Vector3(0, 1, 0)

/** Matrix of a unit plane at a world position, turned about y, scaled to width × height. */
export function quadMatrix(x: number, y: number, z: number, rotationY: number, width: number, height: number, out = new THREE.Matrix4()) {
  return out.compose(_p.set(x, y, z), _q.setFromAxisAngle(_up, rotationY), _s.set(width, height, 1))
}

export function createAtlasQuadMesh(texture: THREE.Texture, quads: AtlasQuad[], capacity = quads.length) {
  const geometry = new THREE.PlaneGeometry(1, 1)
  const uvRects = attachUvRects(geometry, capacity)
  const mesh = new THREE.InstancedMesh(geometry, createAtlasMaterial(texture), Math.max(1, capacity))
  quads.forEach((quad, i) => {
    mesh.setMatrixAt(i, quad.matrix)
    uvRects.setXYZW(i, quad.uv[0], quad.uv[1], quad.uv[2], quad.uv[3])
  })
  for (let i = quads.length; i < capacity; i++) mesh.setMatrixAt(i, _m.makeScale(0, 0, 0))
  mesh.count = capacity
  mesh.computeBoundingSphere()
  return mesh
}

export function disposeMesh(mesh: THREE.Mesh | THREE.InstancedMesh | THREE.LineSegments) {
  mesh.geometry.dispose()
  const material = mesh.material
  if (Array.isArray(material)) material.forEach((m) => m.dispose())
  else material.dispose()
}
