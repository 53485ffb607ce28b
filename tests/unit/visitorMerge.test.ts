import { describe, expect, it } from 'vitest'
import { emptyVisitor, VISITOR_LIMITS, type PersistedVisitor } from '../../src/state/persistence'
import { mergeLists, mergeVisitor } from '../../src/state/visitorMerge'

const visitor = (changes: Partial<PersistedVisitor>): PersistedVisitor => ({ ...emptyVisitor(), visitorTimeZone: 'Asia/Shanghai', ...changes })
const zones = (...ids: string[]) => ids.map((zoneId) => ({ kind: 'zone' as const, zoneId: zoneId as 'ai' }))

describe('merging two tabs’ visitor data', () => {
  it('keeps additions from both sides and removals from either', () => {
    expect(mergeLists(['a', 'b', 'c'], ['a', 'c', 'd'], ['a', 'b', 'c', 'e'], (x) => x)).toEqual(['a', 'c', 'e', 'd'])
    expect(mergeLists(['a', 'b'], ['a', 'b'], ['b'], (x) => x)).toEqual(['b'])
  })

  it('keeps this tab’s new order when it reordered, and storage’s when it did not', () => {
    expect(mergeLists(['a', 'b', 'c'], ['c', 'a', 'b'], ['a', 'b', 'c', 'd'], (x) => x)).toEqual(['c', 'a', 'b', 'd'])
    expect(mergeLists(['a', 'b', 'c'], ['a', 'b', 'c', 'x'], ['c', 'b', 'a'], (x) => x)).toEqual(['c', 'b', 'a', 'x'])
  })

  it('merges one route changed in both tabs stop by stop, and takes the name from the tab that renamed it', () => {
    const route = { id: 'route-1', name: 'Batteries', stops: zones('ai') }
    const base = visitor({ routes: [route] })
    const ours = visitor({ routes: [{ ...route, name: 'Cells', stops: zones('ai', 'nev') }] })
    const theirs = visitor({ routes: [{ ...route, stops: zones('ai', 'yrd') }] })
    expect(mergeVisitor(base, ours, theirs, VISITOR_LIMITS).routes).toEqual([{ id: 'route-1', name: 'Cells', stops: zones('ai', 'yrd', 'nev') }])
  })

  it('takes single values from the tab that changed them and never exceeds a limit', () => {
    const base = visitor({ savedLanguage: 'zh-CN', profile: null })
    const ours = visitor({ savedLanguage: 'ko', favourites: ['booth-a', 'booth-b'] })
    const theirs = visitor({ savedLanguage: 'zh-CN', visitorTimeZone: 'Europe/Berlin', favourites: ['booth-c'] })
    const merged = mergeVisitor(base, ours, theirs, { ...VISITOR_LIMITS, favourites: 2 })
    expect(merged).toMatchObject({ savedLanguage: 'ko', visitorTimeZone: 'Europe/Berlin', favourites: ['booth-c', 'booth-a'] })
  })

  it('keeps a session added to the agenda in either tab and drops one removed in either', () => {
    const session = (id: string) => ({ id, kind: 'launch' as const, title: { en: id }, venue: { kind: 'lobby' as const }, start: 1, end: 2, precision: 'minute' as const })
    const base = visitor({ agendaSessions: [session('kept'), session('removed-here')] })
    const ours = visitor({ agendaSessions: [session('kept'), session('added-here')] })
    const theirs = visitor({ agendaSessions: [session('kept'), session('removed-here'), session('added-there')] })
    expect(mergeVisitor(base, ours, theirs, VISITOR_LIMITS).agendaSessions.map((s) => s.id)).toEqual(['kept', 'added-there', 'added-here'])
    expect(mergeVisitor(base, ours, theirs, { ...VISITOR_LIMITS, agendaSessions: 2 }).agendaSessions).toHaveLength(2)
  })
})
