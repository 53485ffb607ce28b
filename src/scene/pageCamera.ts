/**
 * The page's own camera, which the camera rig drives along the visitor's walk. In a VR session @react-three/xr makes
 * the headset's camera the scene's camera; the hall's nearness decisions (which logos, labels, product models and
 * screens are near) keep reading the page camera, which the rig keeps at the visitor's place in the hall, rather
 * than the headset's camera, whose position is the head's within the visitor's origin.
 */
import { useThree } from '@react-three/fiber'
import { useRef } from 'react'
import type * as THREE from 'three'

export function usePageCamera(): THREE.Camera {
  const camera = useThree((s) => s.camera)
  const headset = useThree((s) => s.gl.xr.getCamera())
  const page = useRef(camera)
  if (camera !== headset) page.current = camera
  return page.current
}
