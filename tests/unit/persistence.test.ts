// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { STORAGE_KEY, STORAGE_VERSION, SYNTHETIC_STORAGE_KEY, VISITOR_LIMITS } from '../../src/state/persistence'

/** Stores of earlier tests would go on answering storage events like forgotten tabs: each test closes them. */
const openTabs: (() => void)[] = []
beforeEach(() => openTabs.splice(0).forEach((close) => close()))

async function freshStore() {
  vi.resetModules()
  const addEventListener = vi.spyOn(window, 'addEventListener')
  const persistence = await import('../../src/state/persistence')
  const problems: unknown[] = []
  const { useExpoStore } = await import('../../src/state/store')
  for (const [type, listener] of addEventListener.mock.calls) {
    if (type === 'storage') openTabs.push(() => window.removeEventListener('storage', listener as EventListener))
  }
  addEventListener.mockRestore()
  persistence.onStorageProblem((p) => problems.push(p))
  return { useExpoStore, problems }
}

const LAUNCH = {
  id: 'launch-1',
  kind: 'launch',
  title: { en: 'Robot arm launch' },
  venue: { kind: 'booth', exhibitorId: 'hefei-robot' },
  start: Date.UTC(2027, 0, 5, 2),
  end: Date.UTC(2027, 0, 5, 3),
  precision: 'minute',
} as const

const backupKeys = () => Object.keys(localStorage).filter((k) => k.startsWith(`${STORAGE_KEY}:backup:`))

describe('visitor persistence', () => {
  beforeEach(() => localStorage.clear())

  it('keeps favourites, route stops and the chosen language across a reload', async () => {
    const first = await freshStore()
    first.useExpoStore.getState().actions.toggleFavourite('some-booth')
    first.useExpoStore.getState().actions.addStop({ kind: 'zone', zoneId: 'ai' })
    first.useExpoStore.getState().actions.setLanguage('en')
    const second = await freshStore()
    expect(second.useExpoStore.getState()).toMatchObject({ favourites: ['some-booth'], savedLanguage: 'en' })
    expect(second.useExpoStore.getState().routes.map((r) => r.stops)).toEqual([[{ kind: 'zone', zoneId: 'ai' }]])
  })

  it('keeps several named routes, the route options and a guided tour in progress', async () => {
    const first = await freshStore()
    const { actions } = first.useExpoStore.getState()
    actions.newRoute('Batteries')
    actions.addStop({ kind: 'booth', exhibitorId: 'cell-maker' })
    actions.newRoute('Chips')
    actions.addStop({ kind: 'zone', zoneId: 'next-gen-it' })
    actions.setRouteOptions({ returnToStart: true, dwellSeconds: 20 })
    actions.startTour({ routeId: 'route-x', name: 'Chips', stops: [{ kind: 'zone', zoneId: 'next-gen-it' }] })
    const second = await freshStore()
    const state = second.useExpoStore.getState()
    expect(state.routes.map((r) => r.name)).toEqual(['Batteries', 'Chips'])
    expect(state.routeOptions).toMatchObject({ returnToStart: true, dwellSeconds: 20 })
    expect(state.guidedTour).toMatchObject({ name: 'Chips', stopIndex: 0 })
  })

  it('keeps the sessions added to the agenda across a reload, and lifts version 3 data without calling it repaired', async () => {
    const v3 = { state: { favourites: ['booth-a'], routes: [], activeRouteId: null, routeOptions: { startFrom: 'entrance', returnToStart: false, dwellSeconds: 8 }, guidedTour: null, savedLanguage: 'ko', profile: null, visitorTimeZone: 'Asia/Seoul' }, version: 3 }
    localStorage.setItem(STORAGE_KEY, JSON.stringify(v3))
    const first = await freshStore()
    expect(first.useExpoStore.getState()).toMatchObject({ favourites: ['booth-a'], savedLanguage: 'ko', agendaSessions: [] })
    expect(first.problems).toEqual([])
    first.useExpoStore.getState().actions.toggleAgendaSession(LAUNCH)
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!)).toMatchObject({ version: 4, state: { agendaSessions: [LAUNCH] } })
    const second = await freshStore()
    expect(second.useExpoStore.getState().agendaSessions).toEqual([LAUNCH])
  })

  it('merges sessions added in two tabs, and one removed in either is gone', async () => {
    const tab = await freshStore()
    tab.useExpoStore.getState().actions.toggleAgendaSession(LAUNCH)
    // another tab, which read storage before, adds a second session and writes
    const other = { ...LAUNCH, id: 'forum-1', venue: { kind: 'lobby' } }
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY)!)
    stored.state.agendaSessions = [LAUNCH, other]
    localStorage.setItem(STORAGE_KEY, JSON.stringify(stored))
    window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY, storageArea: localStorage }))
    expect(tab.useExpoStore.getState().agendaSessions.map((s) => s.id)).toEqual(['launch-1', 'forum-1'])
    // this tab removes the first; the other tab's addition stays
    tab.useExpoStore.getState().actions.toggleAgendaSession(LAUNCH)
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!).state.agendaSessions.map((s: { id: string }) => s.id)).toEqual(['forum-1'])
  })

  it('lifts version 1 data (before booking) to the current version, keeping what the visitor had', async () => {
    const v1 = { state: { favourites: ['booth-a'], routeStops: [{ kind: 'zone', zoneId: 'nev' }], savedLanguage: 'ko' }, version: 1 }
    localStorage.setItem(STORAGE_KEY, JSON.stringify(v1))
    const { useExpoStore, problems } = await freshStore()
    expect(useExpoStore.getState()).toMatchObject({ favourites: ['booth-a'], savedLanguage: 'ko', profile: null, activeRouteId: 'route-1' })
    // v1's single list of stops becomes the first saved route.
    expect(useExpoStore.getState().routes).toEqual([{ id: 'route-1', name: '', stops: [{ kind: 'zone', zoneId: 'nev' }] }])
    expect(useExpoStore.getState().visitorTimeZone).toBeTruthy()
    expect(problems).toEqual([])
    useExpoStore.getState().actions.toggleFavourite('booth-b')
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!).version).toBe(STORAGE_VERSION)
  })

  it('keeps the booking profile and chosen time zone', async () => {
    const first = await freshStore()
    first.useExpoStore.getState().actions.saveProfile({ name: 'Kim', company: 'K Co', email: 'kim@example.com', role: 'buyer' })
    first.useExpoStore.getState().actions.setVisitorTimeZone('Australia/Lord_Howe')
    const second = await freshStore()
    expect(second.useExpoStore.getState()).toMatchObject({ profile: { name: 'Kim' }, visitorTimeZone: 'Australia/Lord_Howe' })
  })

  it('does not keep a language the visitor did not choose', async () => {
    const first = await freshStore()
    first.useExpoStore.getState().actions.setLanguage('ko', { save: false })
    const second = await freshStore()
    expect(second.useExpoStore.getState().savedLanguage).toBeNull()
  })

  it.each([
    ['not JSON', '{"state": {"favourites": ['],
    ['without a version', JSON.stringify({ state: { favourites: ['booth-a'] } })],
    ['an older version of the wrong shape', JSON.stringify({ state: { favourites: 'oops', routeStops: [] }, version: 2 })],
  ])('sets aside stored data that is %s, reports it and starts from defaults', async (_, raw) => {
    localStorage.setItem(STORAGE_KEY, raw)
    const { useExpoStore, problems } = await freshStore()
    expect(useExpoStore.getState().favourites).toEqual([])
    expect(backupKeys()).toHaveLength(1)
    expect(localStorage.getItem(backupKeys()[0])).toBe(raw)
    expect(problems).toEqual([{ kind: 'corrupt', backupKey: backupKeys()[0] }])
    // Later changes are saved normally and never touch the backup.
    useExpoStore.getState().actions.toggleFavourite('x1')
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!).state.favourites).toEqual(['x1'])
    expect(localStorage.getItem(backupKeys()[0])).toBe(raw)
  })

  it('leaves the data of a newer version alone, whatever its shape, and never writes over it', async () => {
    const newer = JSON.stringify({ state: { bookmarks: { 'booth-a': true } }, version: STORAGE_VERSION + 1 })
    localStorage.setItem(STORAGE_KEY, newer)
    const { useExpoStore, problems } = await freshStore()
    expect(problems).toEqual([{ kind: 'newer', version: STORAGE_VERSION + 1 }])
    useExpoStore.getState().actions.toggleFavourite('booth-b')
    useExpoStore.getState().actions.newRoute('Mine')
    expect(useExpoStore.getState().favourites).toEqual(['booth-b']) // this session works, it is only not saved
    expect(localStorage.getItem(STORAGE_KEY)).toBe(newer)
    expect(backupKeys()).toEqual([])
  })

  it('checks every stored item on read: keeps the good ones, leaves out the bad, copies the original', async () => {
    const raw = JSON.stringify({
      version: STORAGE_VERSION,
      state: {
        favourites: ['booth-a', '<img src=x>', 42, 'booth-a', 'booth-b'],
        routes: [
          { id: 'route-1', name: 'Batteries', stops: [{ kind: 'zone', zoneId: 'ai' }, { kind: 'zone', zoneId: 'mars' }, { kind: 'booth', exhibitorId: '../x' }] },
          { id: '../../evil', name: 'x', stops: [] },
        ],
        activeRouteId: 'route-1',
        routeOptions: { startFrom: 'entrance', returnToStart: true, dwellSeconds: 30 },
        // a tampered tour index: Play would look for stop 7 of 1
        guidedTour: { routeId: 'route-1', name: 'Batteries', stops: [{ kind: 'zone', zoneId: 'ai' }], stopIndex: 7, status: 'paused', dwellEndsAt: null },
        savedLanguage: 'en',
        profile: null,
        visitorTimeZone: 'Europe/Berlin',
        // a kept session, and one whose venue was tampered with
        agendaSessions: [LAUNCH, { ...LAUNCH, id: 'launch-2', venue: { kind: 'booth', exhibitorId: '<script>' } }],
      },
    })
    localStorage.setItem(STORAGE_KEY, raw)
    const { useExpoStore, problems } = await freshStore()
    const state = useExpoStore.getState()
    expect(state.favourites).toEqual(['booth-a', 'booth-b'])
    expect(state.routes).toEqual([{ id: 'route-1', name: 'Batteries', stops: [{ kind: 'zone', zoneId: 'ai' }] }])
    expect(state.guidedTour).toBeNull()
    expect(state).toMatchObject({ activeRouteId: 'route-1', savedLanguage: 'en', visitorTimeZone: 'Europe/Berlin', routeOptions: { dwellSeconds: 30 } })
    expect(backupKeys()).toHaveLength(1)
    expect(localStorage.getItem(backupKeys()[0])).toBe(raw)
    expect(state.agendaSessions).toEqual([LAUNCH])
    expect(problems).toEqual([{ kind: 'repaired', backupKey: backupKeys()[0], dropped: 8 }])
  })

  it('never sets everything aside for one over-long list: 101 routes keep 100 and the rest of the data', async () => {
    const routes = Array.from({ length: 101 }, (_, i) => ({ id: `route-${i}`, name: `R${i}`, stops: [] }))
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ version: STORAGE_VERSION, state: { favourites: ['booth-a'], routes, savedLanguage: 'ko' } }))
    const { useExpoStore, problems } = await freshStore()
    expect(useExpoStore.getState().routes).toHaveLength(100)
    expect(useExpoStore.getState()).toMatchObject({ favourites: ['booth-a'], savedLanguage: 'ko' })
    expect(problems).toMatchObject([{ kind: 'repaired' }])
  })

  it('says the data was left in place, naming no backup, when the backup could not be written', async () => {
    localStorage.setItem(STORAGE_KEY, 'not json')
    const setItem = Storage.prototype.setItem
    const spy = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, key: string, value: string) {
      if (key.includes(':backup:')) throw new DOMException('full', 'QuotaExceededError')
      setItem.call(this, key, value)
    })
    const { useExpoStore, problems } = await freshStore()
    expect(problems).toEqual([{ kind: 'corrupt', backupKey: null }])
    useExpoStore.getState().actions.toggleFavourite('booth-a')
    spy.mockRestore()
    expect(localStorage.getItem(STORAGE_KEY)).toBe('not json')
    expect(backupKeys()).toEqual([])
  })

  it('enforces each stored limit where the visitor acts, with a message, instead of on the next load', async () => {
    const { useExpoStore } = await freshStore()
    const { actions } = useExpoStore.getState()
    for (let i = 0; i < VISITOR_LIMITS.routes; i++) expect(actions.newRoute(`R${i}`)).toBe(true)
    expect(actions.newRoute('one too many')).toBe(false)
    expect(actions.saveRouteCopy({ name: 'from a link', stops: [{ kind: 'zone', zoneId: 'ai' }] })).toBe(false)
    expect(useExpoStore.getState().routes).toHaveLength(VISITOR_LIMITS.routes)
    expect(useExpoStore.getState().notices.at(-1)).toMatchObject({ key: 'route.tooManyRoutes', params: { max: 100 } })
    useExpoStore.setState({ favourites: Array.from({ length: VISITOR_LIMITS.favourites }, (_, i) => `booth-${i}`) })
    actions.toggleFavourite('one-more')
    expect(useExpoStore.getState().favourites).not.toContain('one-more')
    expect(useExpoStore.getState().notices.at(-1)).toMatchObject({ key: 'notice.tooManyFavourites' })
    // and what was kept loads again whole
    const again = await freshStore()
    expect(again.useExpoStore.getState().routes).toHaveLength(VISITOR_LIMITS.routes)
    expect(again.problems).toEqual([])
  })

  it('reports a full storage quota instead of failing silently', async () => {
    const { useExpoStore, problems } = await freshStore()
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    useExpoStore.getState().actions.toggleFavourite('x2')
    setItem.mockRestore()
    expect(problems).toContainEqual({ kind: 'quota' })
  })

  it('keeps a synthetic load-test hall’s favourites and routes away from the visitor’s own', async () => {
    const real = await freshStore()
    real.useExpoStore.getState().actions.toggleFavourite('booth-a')
    const before = localStorage.getItem(STORAGE_KEY)
    window.history.replaceState(null, '', '/?synthetic=1000')
    try {
      const synthetic = await freshStore()
      expect(synthetic.useExpoStore.getState().favourites).toEqual([])
      synthetic.useExpoStore.getState().actions.toggleFavourite('synthetic-ai-1')
      synthetic.useExpoStore.getState().actions.addStop({ kind: 'booth', exhibitorId: 'synthetic-ai-1' })
    } finally {
      window.history.replaceState(null, '', '/')
    }
    expect(localStorage.getItem(STORAGE_KEY)).toBe(before)
    expect(JSON.parse(localStorage.getItem(SYNTHETIC_STORAGE_KEY)!).state.favourites).toEqual(['synthetic-ai-1'])
  })
})

describe('two tabs', () => {
  beforeEach(() => localStorage.clear())

  /** Another tab's write reaches this one as a `storage` event, which jsdom does not fire by itself. */
  const storageEvent = () => window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY, storageArea: localStorage }))

  it('keep each other’s changes: a favourite in one, a stop in the other, both saved and both shown', async () => {
    const tabA = await freshStore()
    const tabB = await freshStore()
    tabA.useExpoStore.getState().actions.toggleFavourite('booth-a')
    // tab B writes before the event of A's write reached it: its write still keeps A's favourite
    tabB.useExpoStore.getState().actions.addStop({ kind: 'zone', zoneId: 'ai' })
    storageEvent()
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY)!).state
    expect(stored.favourites).toEqual(['booth-a'])
    expect(stored.routes.map((r: { stops: unknown }) => r.stops)).toEqual([[{ kind: 'zone', zoneId: 'ai' }]])
    expect(tabA.useExpoStore.getState().routes.map((r) => r.stops)).toEqual([[{ kind: 'zone', zoneId: 'ai' }]])
    expect(tabB.useExpoStore.getState().favourites).toEqual(['booth-a'])
    const reloaded = await freshStore()
    expect(reloaded.useExpoStore.getState()).toMatchObject({ favourites: ['booth-a'] })
    expect(reloaded.useExpoStore.getState().routes).toHaveLength(1)
  })

  it('merge stops added to the same route in both, and a removal in one stays removed', async () => {
    const tabA = await freshStore()
    tabA.useExpoStore.getState().actions.addStop({ kind: 'zone', zoneId: 'ai' })
    tabA.useExpoStore.getState().actions.toggleFavourite('booth-x')
    const tabB = await freshStore()
    tabA.useExpoStore.getState().actions.addStop({ kind: 'zone', zoneId: 'nev' })
    tabB.useExpoStore.getState().actions.addStop({ kind: 'zone', zoneId: 'life-health' })
    tabB.useExpoStore.getState().actions.toggleFavourite('booth-x')
    storageEvent()
    for (const tab of [tabA, tabB]) {
      expect(tab.useExpoStore.getState().routes[0].stops.map((s) => (s.kind === 'zone' ? s.zoneId : ''))).toEqual(['ai', 'nev', 'life-health'])
      expect(tab.useExpoStore.getState().favourites).toEqual([])
    }
  })

  it('each keep their own open route and tour, but a route deleted in one is left in neither', async () => {
    const tabA = await freshStore()
    tabA.useExpoStore.getState().actions.newRoute('One')
    tabA.useExpoStore.getState().actions.newRoute('Two')
    const tabB = await freshStore()
    const [one, two] = tabA.useExpoStore.getState().routes
    tabB.useExpoStore.getState().actions.selectRoute(one.id)
    storageEvent()
    expect(tabA.useExpoStore.getState().activeRouteId).toBe(two.id)
    tabA.useExpoStore.getState().actions.deleteRoute(one.id)
    storageEvent()
    expect(tabB.useExpoStore.getState().routes.map((r) => r.name)).toEqual(['Two'])
    expect(tabB.useExpoStore.getState().activeRouteId).toBe(two.id)
  })
})
