/**
 * Other visitors as light figures: one instanced capsule (one draw call whatever the number, at most MAX_AVATARS),
 * gliding between the live layer's updates. The on-demand hall draws only while one of them is still gliding.
 */
import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useMemo, useRef } from 'react'
import * as THREE from 'three'
import { MAX_AVATARS } from '../live/protocol'
import { avatarPose, avatarsMoving, avatarTracks, onAvatarsChanged } from '../state/live/avatars'
import { sceneRegistry } from './sceneRegistry'

const RADIUS = 0.22
const BODY = 1.1
const _matrix = new THREE.Matrix4()
const _position = new THREE.Vector3()
const _rotation = new THREE.Quaternion()
const _scale = new THREE.Vector3(1, 1, 1)
const _up = new THREE.Vector3(0, 1, 0)
const _pose = { x: 0, z: 0, yaw: 0 }
const IDLE = new THREE.Color('#b9c3cf')
const ACTIVE = new THREE.Color('#6d9bc3')

export function Avatars() {
  const mesh = useRef<THREE.InstancedMesh>(null)
  const invalidate = useThree((s) => s.invalidate)
  const geometry = useMemo(() => {
    const capsule = new THREE.CapsuleGeometry(RADIUS, BODY, 4, 10)
    // Standing on the floor, not half sunk into it.
    capsule.translate(0, BODY / 2 + RADIUS, 0)
    return capsule
  }, [])
  const material = useMemo(() => new THREE.MeshLambertMaterial({ color: '#ffffff' }), [])

  useEffect(() => {
    const registry = { drawn: 0 }
    sceneRegistry.avatars = registry
    // A new update starts a glide: wake the hall, which then keeps drawing only until the glide ends.
    const off = onAvatarsChanged(() => invalidate())
    return () => {
      off()
      if (sceneRegistry.avatars === registry) sceneRegistry.avatars = null
      geometry.dispose()
      material.dispose()
    }
  }, [invalidate, geometry, material])

  useFrame(() => {
    const instances = mesh.current
    if (!instances) return
    const time = performance.now()
    let drawn = 0
    for (const track of avatarTracks().values()) {
      if (drawn >= MAX_AVATARS) break
      avatarPose(track, time, _pose)
      // plan (x, z) → world (x, -z); a heading of yaw turns the figure by -yaw about the world's up
      _rotation.setFromAxisAngle(_up, -_pose.yaw)
      _matrix.compose(_position.set(_pose.x, 0, -_pose.z), _rotation, _scale)
      instances.setMatrixAt(drawn, _matrix)
      instances.setColorAt(drawn, track.idle ? IDLE : ACTIVE)
      drawn++
    }
    if (instances.count !== drawn || drawn > 0) {
      instances.count = drawn
      instances.instanceMatrix.needsUpdate = true
      if (instances.instanceColor) instances.instanceColor.needsUpdate = true
    }
    instances.visible = drawn > 0
    if (sceneRegistry.avatars) sceneRegistry.avatars.drawn = drawn
    if (avatarsMoving(time)) invalidate()
  })

  return <instancedMesh ref={mesh} name="avatars" args={[geometry, material, MAX_AVATARS]} count={0} visible={false} frustumCulled={false} />
}
