/** Which screens get a video: near and in the camera's view, nearest first, at most one, with a margin before one playing stops. */
import * as THREE from 'three'
import { describe, expect, it } from 'vitest'
import { SCREEN_CHOICE, chooseScreens, type ScreenSpot } from '../../src/scene/screenChoice'

/** A walking visitor at eye height looking along -z (into the hall), with the hall's field of view. */
function visitorCamera(x = 0, z = 0, yaw = 0) {
  const camera = new THREE.PerspectiveCamera(60, 16 / 9, 0.1, 500)
  camera.position.set(x, 1.6, z)
  camera.rotation.set(0, yaw, 0)
  camera.updateMatrixWorld()
  const frustum = new THREE.Frustum().setFromProjectionMatrix(new THREE.Matrix4().multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse))
  const inView = (spot: ScreenSpot) => frustum.intersectsSphere(new THREE.Sphere(new THREE.Vector3(spot.x, spot.y, spot.z), 0.9))
  return { position: camera.position, inView }
}

const spot = (screen: string, x: number, z: number, reach?: number): ScreenSpot => ({ screen, x, y: 1.6, z, ...(reach ? { reach } : {}) })
const none = new Set<string>()

describe('chooseScreens', () => {
  it('plays the nearest screen in view and only one', () => {
    const { position, inView } = visitorCamera()
    expect(chooseScreens([spot('far', 0, -10), spot('near', 1, -5), spot('nearer', -1, -3)], position, inView, none)).toEqual(['nearer'])
  })

  it('leaves a near screen behind the visitor, or beside them out of view, dark', () => {
    const { position, inView } = visitorCamera()
    expect(chooseScreens([spot('behind', 0, 3), spot('beside', 6, 0.5)], position, inView, none)).toEqual([])
    // turning round brings the one behind into view
    const turned = visitorCamera(0, 0, Math.PI)
    expect(chooseScreens([spot('behind', 0, 3)], turned.position, turned.inView, none)).toEqual(['behind'])
  })

  it('leaves a screen in view but further than a few booths dark', () => {
    const { position, inView } = visitorCamera()
    expect(chooseScreens([spot('down the aisle', 0, -(SCREEN_CHOICE.near + 1))], position, inView, none)).toEqual([])
  })

  it('keeps one playing until it is clearly far, so the edge does not start and stop it', () => {
    const { position, inView } = visitorCamera()
    const edge = [spot('edge', 0, -(SCREEN_CHOICE.near + 2))]
    expect(chooseScreens(edge, position, inView, none)).toEqual([])
    expect(chooseScreens(edge, position, inView, new Set(['edge']))).toEqual(['edge'])
    expect(chooseScreens([spot('edge', 0, -(SCREEN_CHOICE.keep + 1))], position, inView, new Set(['edge']))).toEqual([])
  })

  it('lets a larger screen (the lobby’s board) play from further away', () => {
    const { position, inView } = visitorCamera()
    expect(chooseScreens([spot('lobby', 0, -(SCREEN_CHOICE.near * 1.5), 2)], position, inView, none)).toEqual(['lobby'])
  })

  it('plays up to `max` when asked, nearest first', () => {
    const { position, inView } = visitorCamera()
    const spots = [spot('c', 0, -9), spot('a', 0, -3), spot('b', 0, -6)]
    expect(chooseScreens(spots, position, inView, none, { ...SCREEN_CHOICE, max: 2 })).toEqual(['a', 'b'])
  })
})
