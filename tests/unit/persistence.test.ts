// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { STORAGE_KEY, STORAGE_VERSION } from '../../src/state/persistence'

async function freshStore() {
  vi.resetModules()
  const persistence = await import('../../src/state/persistence')
  const problems: unknown[] = []
  const { useExpoStore } = await import('../../src/state/store')
  persistence.onStorageProblem((p) => problems.push(p))
  return { useExpoStore, problems }
}

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
    actions.startTour({ routeId: 'x', name: 'Chips', stops: [{ kind: 'zone', zoneId: 'next-gen-it' }] })
    const second = await freshStore()
    const state = second.useExpoStore.getState()
    expect(state.routes.map((r) => r.name)).toEqual(['Batteries', 'Chips'])
    expect(state.routeOptions).toMatchObject({ returnToStart: true, dwellSeconds: 20 })
    expect(state.guidedTour).toMatchObject({ name: 'Chips', stopIndex: 0 })
  })

  it('lifts version 1 data (before booking) to the current version, keeping what the visitor had', async () => {
    const v1 = { state: { favourites: ['a'], routeStops: [{ kind: 'zone', zoneId: 'nev' }], savedLanguage: 'ko' }, version: 1 }
    localStorage.setItem(STORAGE_KEY, JSON.stringify(v1))
    const { useExpoStore, problems } = await freshStore()
    expect(useExpoStore.getState()).toMatchObject({ favourites: ['a'], savedLanguage: 'ko', profile: null, activeRouteId: 'route-1' })
    // v1's single list of stops becomes the first saved route.
    expect(useExpoStore.getState().routes).toEqual([{ id: 'route-1', name: '', stops: [{ kind: 'zone', zoneId: 'nev' }] }])
    expect(useExpoStore.getState().visitorTimeZone).toBeTruthy()
    expect(problems).toEqual([])
    useExpoStore.getState().actions.toggleFavourite('b')
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
    ['the wrong shape', JSON.stringify({ state: { favourites: 'oops', routeStops: [] }, version: STORAGE_VERSION })],
    ['a version from the future', JSON.stringify({ state: {}, version: STORAGE_VERSION + 1 })],
    ['an unknown zone in the route', JSON.stringify({ state: { favourites: [], routeStops: [{ kind: 'zone', zoneId: 'mars' }], savedLanguage: null }, version: STORAGE_VERSION })],
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

  it('reports a full storage quota instead of failing silently', async () => {
    const { useExpoStore, problems } = await freshStore()
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    useExpoStore.getState().actions.toggleFavourite('x2')
    setItem.mockRestore()
    expect(problems).toContainEqual({ kind: 'quota' })
  })
})
