/**
 * Which zones have a 360° picture and where it is: every `assets/panoramas/<zoneId>.webp` the build finds becomes a
 * hashed file of its own (under `assets/panoramas/`, fetched only when its panorama opens, kept by the service worker
 * once fetched: vite.config.ts). A zone without a file has no 360° button and `?pano=` for it falls back to the hall.
 */
import type { ZoneId } from '../content/schema'

// Eager: the addresses are a few short strings in this module, where lazy loaders would be one tiny chunk per picture
// (and a round trip before each picture could start). The pictures themselves still load only when shown.
const files = import.meta.glob<string>('/assets/panoramas/*.webp', { query: '?url', import: 'default', eager: true })

const urls = new Map<string, string>(
  Object.entries(files).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1, -'.webp'.length), url]),
)

/** The picture's address, or undefined when the zone has none. */
export function panoramaPictureUrl(zoneId: ZoneId): string | undefined {
  return urls.get(zoneId)
}

export function hasPanorama(zoneId: ZoneId): boolean {
  return urls.has(zoneId)
}
