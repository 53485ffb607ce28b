import { describe, expect, it } from 'vitest'
import { validateContentPack } from '../../src/content/load'
import { liveNow, liveSessionSchema, mergeProgramme, nextBoundary, nextUp, pastSessions, sessionText, withdrawnSessions, type LiveSession } from '../../src/live/sessions'
import { readPackFiles } from '../helpers/realPack'

const H = 3_600_000
const T = Date.UTC(2027, 2, 1, 2, 0) // 10:00 in Hefei

const session = (id: string, start: number, end: number, venue: LiveSession['venue'] = { kind: 'lobby' }): LiveSession => ({
  id,
  kind: 'launch',
  title: { en: id },
  venue,
  start,
  end,
  precision: 'minute',
})

describe('what is live now and next', () => {
  it('a session that ends exactly now is over, one that starts exactly now is live', () => {
    const before = session('before', T - H, T)
    const starting = session('starting', T, T + H)
    expect(liveNow([before, starting], T).map((s) => s.id)).toEqual(['starting'])
    expect(pastSessions([before, starting], T).map((s) => s.id)).toEqual(['before'])
    expect(nextUp([before, starting], T)).toEqual([])
  })

  it('lists overlapping sessions together, earliest first, each at its own venue only', () => {
    const booth = { kind: 'booth' as const, exhibitorId: 'hefei-robot' }
    const a = session('a', T - H, T + H)
    const b = session('b', T - 2 * H, T + 2 * H, booth)
    const c = session('c', T - 30 * 60_000, T + 10 * 60_000, booth)
    expect(liveNow([a, b, c], T).map((s) => s.id)).toEqual(['b', 'a', 'c'])
    expect(liveNow([a, b, c], T, booth).map((s) => s.id)).toEqual(['b', 'c'])
    expect(liveNow([a, b, c], T, { kind: 'lobby' }).map((s) => s.id)).toEqual(['a'])
  })

  it('says nothing is live or next when there is nothing', () => {
    expect(liveNow([], T)).toEqual([])
    expect(nextUp([], T)).toEqual([])
    expect(nextBoundary([], T)).toBeNull()
    expect(nextBoundary([session('old', T - 2 * H, T - H)], T)).toBeNull()
  })

  it('orders what is next by start, and finds the next moment the answer changes', () => {
    const later = session('later', T + 3 * H, T + 4 * H)
    const soon = session('soon', T + H, T + 2 * H)
    const running = session('running', T - H, T + 30 * 60_000)
    expect(nextUp([later, soon, running], T).map((s) => s.id)).toEqual(['soon', 'later'])
    expect(nextBoundary([later, soon, running], T)).toBe(T + 30 * 60_000)
    // "live now" turns into "next" without anyone asking: at the boundary the running session is past
    expect(liveNow([later, soon, running], T + 30 * 60_000)).toEqual([])
    expect(nextBoundary([later, soon, running], T + 30 * 60_000)).toBe(T + H)
  })

  it('refuses a session ending before it starts, a title in no language and unknown fields', () => {
    expect(liveSessionSchema.safeParse({ ...session('x', T, T + H), end: T }).success).toBe(false)
    expect(liveSessionSchema.safeParse({ ...session('x', T, T + H), title: {} }).success).toBe(false)
    expect(liveSessionSchema.safeParse({ ...session('x', T, T + H), title: { fr: 'x' } }).success).toBe(false)
    expect(liveSessionSchema.safeParse({ ...session('x', T, T + H), venue: { kind: 'booth', exhibitorId: '<script>' } }).success).toBe(false)
    expect(liveSessionSchema.safeParse(session('launch-1', T, T + H)).success).toBe(true)
  })

  it('shows the title in the visitor language, else the one the host gave', () => {
    expect(sessionText({ 'zh-CN': '发布会', en: 'Launch' }, 'en')).toEqual({ text: 'Launch', language: 'en' })
    expect(sessionText({ ko: '출시' }, 'en')).toEqual({ text: '출시', language: 'ko' })
  })

  it('merges the pack and the server, the server winning an id both have', () => {
    const pack = [session('p', T - 5 * H, T - 4 * H), session('same', T, T + H)]
    const server = [{ ...session('same', T, T + 2 * H) }]
    expect(mergeProgramme(pack, server).map((s) => [s.id, s.end])).toEqual([
      ['p', T - 4 * H],
      ['same', T + 2 * H],
    ])
  })

  it('calls a kept session withdrawn only when the server’s programme, once read, no longer lists it and it has not ended', () => {
    const kept = [session('removed', T, T + H), session('listed', T, T + H), session('over', T - 2 * H, T - H), session('pack', T, T + H)]
    const server = [session('listed', T, T + H)]
    const pack = [session('pack', T, T + H)]
    expect([...withdrawnSessions(kept, server, pack, T)]).toEqual(['removed'])
    // nothing read yet, or no server: nothing is withdrawn
    expect(withdrawnSessions(kept, null, pack, T).size).toBe(0)
  })
})

describe('the convention’s own programme in the pack', () => {
  it('holds the forums named in the results press release, in Hefei time, all in the past', () => {
    const result = validateContentPack(readPackFiles())
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    const { sessions } = result.pack
    const titles = sessions.map((s) => s.title['zh-CN'])
    expect(titles).toEqual(expect.arrayContaining(['大会开幕式暨主旨论坛', '工业互联网创新应用论坛', '智能制造创新论坛', '徽商论坛']))
    const opening = sessions.find((s) => s.id === 'opening-keynote-forum')!
    // 19 November 2021, the whole day in Asia/Shanghai (UTC+8): the release names the day, not the hours
    expect(opening).toMatchObject({ start: Date.UTC(2021, 10, 18, 16), end: Date.UTC(2021, 10, 19, 16), precision: 'days' })
    for (const s of sessions) expect(s.end).toBeLessThanOrEqual(Date.UTC(2021, 10, 22, 16))
    expect(liveNow(sessions, Date.now())).toEqual([])
  })

  it('quotes each from the release, verbatim', () => {
    const files = readPackFiles() as Record<string, { kind: string; title: { 'zh-CN': string }; quote: string }[]>
    // a forum is named by the sentence quoted; the reports' launch by the reports it lists
    for (const s of files['sessions.json'].filter((s) => s.kind === 'forum')) expect(s.quote, s.title['zh-CN']).toContain(s.title['zh-CN'].replace(/[（(].*[)）]/, ''))
  })
})
