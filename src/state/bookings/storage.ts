/** The seams under the local backend: a key-value storage that tells of other tabs' writes, and a cross-tab lock. */

/** What the local backend needs of browser storage; localStorage fits, and tests share one in-memory area between "tabs". */
export interface BookingStorage {
  getItem(key: string): string | null
  /** May throw a QuotaExceededError DOMException. */
  setItem(key: string, value: string): void
  removeItem(key: string): void
  /** Calls back when another tab changed a key (`null`: everything was cleared); never for this tab's own writes. */
  subscribe(listener: (key: string | null) => void): () => void
}

/**
 * A storage whose reads and writes may complete later (an IndexedDB-like store, or a test's storage with
 * delays): the local backend awaits every call, so its cross-tab lock is what keeps a booking's read and
 * write together. Every `BookingStorage` is one.
 */
export interface AsyncBookingStorage {
  getItem(key: string): string | null | Promise<string | null>
  setItem(key: string, value: string): void | Promise<void>
  removeItem(key: string): void | Promise<void>
  subscribe(listener: (key: string | null) => void): () => void
}

/** The part of the Web Locks API the backend uses: an exclusive lock held while the callback runs. */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T> | T): Promise<T>
}

/** localStorage (or sessionStorage) with the `storage` event, which browsers fire in every other tab of the origin. */
export function browserStorage(area: Storage = window.localStorage, target: Window = window): BookingStorage {
  return {
    getItem: (key) => area.getItem(key),
    setItem: (key, value) => area.setItem(key, value),
    removeItem: (key) => area.removeItem(key),
    subscribe(listener) {
      const onStorage = (event: StorageEvent) => {
        if (event.storageArea === area) listener(event.key)
      }
      target.addEventListener('storage', onStorage)
      return () => target.removeEventListener('storage', onStorage)
    },
  }
}

/**
 * localStorage when this browser lets the page use it; otherwise (storage disabled, some private modes)
 * an in-memory area, so booking still works for the session, and `onUnavailable` says why.
 */
export function browserStorageOrMemory(onUnavailable?: (reason: string) => void): BookingStorage {
  try {
    const area = window.localStorage
    area.getItem('cloud-expo:probe')
    return browserStorage(area, window)
  } catch (error) {
    onUnavailable?.(String(error))
    return createMemoryStorageArea().tab()
  }
}

export interface MemoryStorageArea {
  /** A view of the area as one tab sees it: its own writes do not notify it, other tabs' do. */
  tab(): BookingStorage
  /** The raw stored values, for assertions. */
  snapshot(): Record<string, string>
  /** Writes without notifying anyone, like data left by an earlier app version. */
  seed(key: string, value: string): void
}

/**
 * One shared in-memory storage area, like localStorage across the tabs of an origin. With `quotaBytes` a
 * write that would exceed it throws the same QuotaExceededError browsers throw.
 */
export function createMemoryStorageArea(options: { quotaBytes?: number } = {}): MemoryStorageArea {
  const values = new Map<string, string>()
  const tabs = new Set<{ listeners: Set<(key: string | null) => void> }>()
  const size = () => [...values].reduce((sum, [k, v]) => sum + (k.length + v.length) * 2, 0)
  const notifyOthers = (writer: object, key: string) => {
    for (const tab of tabs) {
      if (tab === writer) continue
      // browsers deliver storage events as a later task, never during the write
      for (const listener of tab.listeners) queueMicrotask(() => listener(key))
    }
  }
  return {
    tab() {
      const tab = { listeners: new Set<(key: string | null) => void>() }
      tabs.add(tab)
      return {
        getItem: (key) => values.get(key) ?? null,
        setItem(key, value) {
          const previous = values.get(key)
          const next = size() - (previous === undefined ? 0 : (key.length + previous.length) * 2) + (key.length + value.length) * 2
          if (options.quotaBytes !== undefined && next > options.quotaBytes) {
            throw new DOMException(`Setting the value of '${key}' exceeded the quota.`, 'QuotaExceededError')
          }
          values.set(key, value)
          notifyOthers(tab, key)
        },
        removeItem(key) {
          if (values.delete(key)) notifyOthers(tab, key)
        },
        subscribe(listener) {
          tab.listeners.add(listener)
          return () => tab.listeners.delete(listener)
        },
      }
    },
    snapshot: () => Object.fromEntries(values),
    seed: (key, value) => void values.set(key, value),
  }
}

/** Whether a storage write failed because the quota is full (names differ between browsers). */
export function isQuotaExceeded(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { name, code } = error as { name?: unknown; code?: unknown }
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014
}

/**
 * Exclusive locks within one JavaScript realm: a promise chain per name. It is the fallback where the Web
 * Locks API is missing (it then serialises only this tab), and two test "tabs" share one to act as one browser.
 */
export function createInProcessLocks(): LockManagerLike {
  const tails = new Map<string, Promise<unknown>>()
  return {
    request<T>(name: string, callback: () => Promise<T> | T): Promise<T> {
      const previous = tails.get(name) ?? Promise.resolve()
      const run = previous.then(() => callback())
      // the next holder waits for this one to finish, whether it succeeded or threw
      const tail = run.then(
        () => undefined,
        () => undefined,
      )
      tails.set(name, tail)
      void tail.then(() => {
        if (tails.get(name) === tail) tails.delete(name)
      })
      return run
    },
  }
}

const realmLocks = createInProcessLocks()

/** The browser's Web Locks where available (they serialise across tabs), otherwise this realm's locks. */
export function defaultLocks(): LockManagerLike {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks
  if (locks && typeof locks.request === 'function') {
    return { request: <T>(name: string, callback: () => Promise<T> | T) => locks.request(name, async () => callback()) as Promise<T> }
  }
  return realmLocks
}
