/**
 * The other visitors near this one, as per-frame data outside React: the last two known states of each avatar with
 * the time each arrived, so the scene can glide between updates. Written by the live connection, read by the scene.
 */
import { MAX_AVATARS, POSE_MIN_INTERVAL_MS, type AvatarState } from '../../live/protocol'
import type { ZoneId } from '../../content/schema'

interface Pose {
  x: number
  z: number
  yaw: number
}

export interface AvatarTrack {
  id: string
  zoneId: ZoneId
  name: string | null
  idle: boolean
  /** Where the glide starts (where the avatar was drawn when the update came) and where it ends. */
  from: Pose
  to: Pose
  /** performance.now() of the update, and how long the glide towards `to` takes. */
  at: number
  duration: number
}

const tracks = new Map<string, AvatarTrack>()
const listeners = new Set<() => void>()

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now())

/** The visitors to draw, at most MAX_AVATARS. */
export function avatarTracks(): ReadonlyMap<string, AvatarTrack> {
  return tracks
}

/** Called whenever the avatars change (the scene draws a frame and glides from there). */
export function onAvatarsChanged(listener: () => void): () => void {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

/**
 * The connection's view after an avatars frame: everyone near this visitor; whoever is missing from it is gone. An
 * avatar the frame did not move keeps gliding where it was going: only a changed pose starts a new glide.
 */
export function receiveAvatars(avatars: readonly AvatarState[], at = now()): void {
  const seen = new Set<string>()
  for (const avatar of avatars.slice(0, MAX_AVATARS)) {
    seen.add(avatar.id)
    const target = { x: avatar.x, z: avatar.z, yaw: avatar.yaw }
    const track = tracks.get(avatar.id)
    if (!track || track.zoneId !== avatar.zoneId) {
      tracks.set(avatar.id, { id: avatar.id, zoneId: avatar.zoneId, name: avatar.name, idle: avatar.idle, from: target, to: target, at, duration: 0 })
      continue
    }
    track.name = avatar.name
    track.idle = avatar.idle
    if (track.to.x === target.x && track.to.z === target.z && track.to.yaw === target.yaw) continue
    const from = avatarPose(track, at)
    // Glide over about the time since the last update, so steady 5 Hz poses join into steady motion.
    const duration = Math.min(1_000, Math.max(POSE_MIN_INTERVAL_MS, at - track.at))
    Object.assign(track, { from, to: target, at, duration })
  }
  for (const id of tracks.keys()) if (!seen.has(id)) tracks.delete(id)
  listeners.forEach((listener) => listener())
}

export function clearAvatars(): void {
  if (tracks.size === 0) return
  tracks.clear()
  listeners.forEach((listener) => listener())
}

/** Where an avatar is drawn at `time`: between its last two states, the turn taken the short way round. */
export function avatarPose(track: AvatarTrack, time: number, out: Pose = { x: 0, z: 0, yaw: 0 }): Pose {
  const t = track.duration <= 0 ? 1 : Math.min(1, Math.max(0, (time - track.at) / track.duration))
  out.x = track.from.x + (track.to.x - track.from.x) * t
  out.z = track.from.z + (track.to.z - track.from.z) * t
  let turn = track.to.yaw - track.from.yaw
  turn = Math.atan2(Math.sin(turn), Math.cos(turn))
  out.yaw = track.from.yaw + turn * t
  return out
}

/** Whether any avatar is still gliding at `time`: the on-demand hall keeps drawing only while one is. */
export function avatarsMoving(time: number): boolean {
  for (const track of tracks.values()) if (time < track.at + track.duration) return true
  return false
}
