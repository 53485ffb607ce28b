/** Per-frame values shared by the scene, controls and overlay: plain mutable objects, never React state. */
import type { WalkPose } from '../controls/walkController'

/** The camera pose, written by the scene's camera rig every frame and read by the minimap and debug overlay. */
export const cameraPose = {
  x: 0,
  y: 1.6,
  z: 0,
  /** Heading in radians: 0 looks along +z (into the hall), positive turns towards +x. */
  yaw: 0,
  pitch: 0,
}

/**
 * Where the visitor stands on foot (plan metres, heading, pitch): the camera rig walks it and sets the page camera
 * there; in a headset the VR origin stands on it, and teleports and snap turns write it.
 */
export const walkPose: WalkPose = { x: 0, z: 0, yaw: 0, pitch: 0 }

/** Movement intent from keyboard or joystick, -1..1 on each axis; read by the walk controller each frame. */
export const walkIntent = { forward: 0, strafe: 0, turn: 0 }

/** Numbers for `?debug=1` and automated checks, updated by the scene a few times a second. */
export const renderStats = { drawCalls: 0, triangles: 0, fps: 0, dpr: 1, frames: 0, firstFrameAt: 0, lastFrameStartedAt: 0 }
