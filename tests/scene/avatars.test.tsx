/** Other visitors: one instanced mesh whatever their number, at most MAX_AVATARS, gliding between updates. */
import ReactThreeTestRenderer from '@react-three/test-renderer'
import * as THREE from 'three'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MAX_AVATARS, type AvatarState } from '../../src/live/protocol'
import { Avatars } from '../../src/scene/Avatars'
import { sceneRegistry } from '../../src/scene/sceneRegistry'
import { clearAvatars, receiveAvatars } from '../../src/state/live/avatars'

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

const visitor = (i: number, x = i): AvatarState => ({ id: `v${i}`, zoneId: 'lobby', x, z: 10, yaw: 0, name: null, idle: false })

function meshes(renderer: Awaited<ReturnType<typeof ReactThreeTestRenderer.create>>) {
  const found: THREE.InstancedMesh[] = []
  renderer.scene.instance.traverse((object) => {
    if ((object as THREE.InstancedMesh).isMesh) found.push(object as THREE.InstancedMesh)
  })
  return found
}

describe('avatars in the hall', () => {
  afterEach(() => {
    clearAvatars()
    vi.restoreAllMocks()
  })

  it('draws any number of visitors with one instanced mesh, never more than MAX_AVATARS', async () => {
    const renderer = await ReactThreeTestRenderer.create(<Avatars />)
    await renderer.advanceFrames(1, 16)
    expect(meshes(renderer).map((m) => m.visible)).toEqual([false])
    for (const count of [1, 12, MAX_AVATARS * 2]) {
      receiveAvatars(Array.from({ length: count }, (_, i) => visitor(i)))
      await renderer.advanceFrames(1, 16)
      const [mesh, ...others] = meshes(renderer)
      expect(others).toEqual([])
      expect(mesh.isInstancedMesh).toBe(true)
      expect(mesh.count).toBe(Math.min(count, MAX_AVATARS))
      expect(sceneRegistry.avatars?.drawn).toBe(Math.min(count, MAX_AVATARS))
    }
    receiveAvatars([])
    await renderer.advanceFrames(1, 16)
    expect(meshes(renderer)[0].visible).toBe(false)
    await renderer.unmount()
  })

  it('places each visitor between its last two poses, on the plan (world z is minus plan z)', async () => {
    let time = 1_000
    vi.spyOn(performance, 'now').mockImplementation(() => time)
    const renderer = await ReactThreeTestRenderer.create(<Avatars />)
    receiveAvatars([visitor(0, 0)])
    time = 1_200
    receiveAvatars([visitor(0, 4)])
    time = 1_300
    await renderer.advanceFrames(1, 16)
    const [mesh] = meshes(renderer)
    const matrix = new THREE.Matrix4()
    mesh.getMatrixAt(0, matrix)
    const position = new THREE.Vector3().setFromMatrixPosition(matrix)
    expect(position.x).toBeCloseTo(2)
    expect(position.z).toBeCloseTo(-10)
    await renderer.unmount()
  })
})
