/**
 * How this visitor appears to others: anonymous unless they choose a display name, and "appear invisible" takes
 * them out of every count. Kept in this browser under its own small versioned key, never in the visitor document.
 */
import { DISPLAY_NAME_MAX } from '../../live/protocol'

export const PRESENCE_STORAGE_KEY = 'cloud-expo:presence'
const VERSION = 1

export interface PresenceSettings {
  /** null: anonymous. */
  name: string | null
  invisible: boolean
}

export const ANONYMOUS: PresenceSettings = { name: null, invisible: false }

/** A name as the protocol accepts it: trimmed, at most DISPLAY_NAME_MAX characters, null when empty. */
export function cleanDisplayName(name: string | null | undefined): string | null {
  const trimmed = (name ?? '').trim().slice(0, DISPLAY_NAME_MAX).trim()
  return trimmed.length > 0 ? trimmed : null
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>

function browserStorage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

/** Anything unreadable, tampered or from another version reads as anonymous and visible: the safe default. */
export function readPresenceSettings(storage: StorageLike | null = browserStorage()): PresenceSettings {
  try {
    const raw = storage?.getItem(PRESENCE_STORAGE_KEY)
    if (!raw) return ANONYMOUS
    const value: unknown = JSON.parse(raw)
    if (typeof value !== 'object' || value === null) return ANONYMOUS
    const stored = value as { version?: unknown; name?: unknown; invisible?: unknown }
    if (stored.version !== VERSION) return ANONYMOUS
    return {
      name: typeof stored.name === 'string' ? cleanDisplayName(stored.name) : null,
      invisible: stored.invisible === true,
    }
  } catch {
    return ANONYMOUS
  }
}

/** Best effort: a browser that keeps nothing still applies the choice for this visit. */
export function writePresenceSettings(settings: PresenceSettings, storage: StorageLike | null = browserStorage()): void {
  try {
    storage?.setItem(PRESENCE_STORAGE_KEY, JSON.stringify({ version: VERSION, name: settings.name, invisible: settings.invisible }))
  } catch {
    // quota or a storage-less browser: nothing to keep
  }
}
