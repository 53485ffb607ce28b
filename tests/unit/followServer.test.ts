import { describe, expect, it, vi } from 'vitest'
import type { BookingBackendEvent } from '../../src/booking/types'
import { followScreenSources, useScreenSources } from '../../src/state/live/screenSources'
import { followProgramme, readProgramme } from '../../src/state/programmeFeed'

const session = { id: '0b7e5c1a-1111-4c3b-9d2e-5a6b7c8d9e0f', kind: 'talk', title: { en: 'Talk' }, venue: { kind: 'lobby' }, start: 1, end: 2, precision: 'minute' }

function fakeBackend(kind: 'local' | 'server') {
  const listeners = new Set<(event: BookingBackendEvent) => void>()
  return {
    kind,
    subscribe: (listener: (event: BookingBackendEvent) => void) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    emit: (event: BookingBackendEvent) => listeners.forEach((l) => l(event)),
  }
}

const answer = (body: unknown, ok = true) => Promise.resolve({ ok, json: () => Promise.resolve(body) } as Response)
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('the server’s programme in the app', () => {
  it('keeps only valid sessions of an answer, and nothing of a malformed one', () => {
    expect(readProgramme({ sessions: [session, { ...session, id: 'Bad Id' }, { ...session, end: 0 }] })).toEqual([session])
    expect(readProgramme({ nope: [] })).toBeNull()
  })

  it('fetches at start and again on every programme change; a failure keeps what is shown', async () => {
    const backend = fakeBackend('server')
    const fetcher = vi.fn().mockReturnValueOnce(answer({ sessions: [] })).mockReturnValueOnce(answer({ sessions: [session] })).mockReturnValueOnce(answer({}, false))
    const received: unknown[] = []
    const stop = followProgramme(backend, (s) => received.push(s), fetcher)
    await settle()
    backend.emit({ type: 'programme-changed' })
    await settle()
    backend.emit({ type: 'programme-changed' })
    await settle()
    expect(fetcher).toHaveBeenCalledTimes(3)
    expect(received).toEqual([[], [session]])
    stop()
    backend.emit({ type: 'programme-changed' })
    expect(fetcher).toHaveBeenCalledTimes(3)
  })

  it('asks nothing without a server: only the pack’s sessions show', () => {
    const fetcher = vi.fn()
    followProgramme(fakeBackend('local'), () => undefined, fetcher)
    expect(fetcher).not.toHaveBeenCalled()
  })
})

describe('the live screens’ sources in the app', () => {
  const HLS = 'https://live.example.com/a/index.m3u8'

  it('fetches at start and again on every screens change; an answer that changes nothing leaves the list (and the video playing) alone', async () => {
    useScreenSources.setState({ sources: new Map() })
    const backend = fakeBackend('server')
    const fetcher = vi
      .fn()
      .mockReturnValueOnce(answer({ screens: [] }))
      .mockReturnValueOnce(answer({ screens: [{ screen: 'lobby', hls: HLS }] }))
      .mockReturnValueOnce(answer({ screens: [{ screen: 'lobby', hls: HLS }] }))
      .mockReturnValueOnce(answer({ screens: [{ screen: 'lobby', hls: HLS, mp4: 'https://live.example.com/a.mp4' }] }))
    const stop = followScreenSources(backend, fetcher)
    await settle()
    const empty = useScreenSources.getState().sources
    expect(empty.size).toBe(0)
    backend.emit({ type: 'screens-changed' })
    await settle()
    const first = useScreenSources.getState().sources
    expect([...first]).toEqual([['lobby', { hls: HLS }]])
    // the same list again (a reconnection's `ready`): the same map, so the scene does not start over
    backend.emit({ type: 'screens-changed' })
    await settle()
    expect(useScreenSources.getState().sources).toBe(first)
    backend.emit({ type: 'programme-changed' })
    await settle()
    expect(fetcher).toHaveBeenCalledTimes(3)
    backend.emit({ type: 'screens-changed' })
    await settle()
    expect(useScreenSources.getState().sources.get('lobby')).toEqual({ hls: HLS, mp4: 'https://live.example.com/a.mp4' })
    stop()
  })

  it('keeps what the screens show when a read fails or answers an unexpected shape', async () => {
    const kept = new Map([['lobby', { hls: HLS }]])
    useScreenSources.setState({ sources: kept })
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const backend = fakeBackend('server')
    const fetcher = vi.fn().mockReturnValueOnce(answer({}, false)).mockReturnValueOnce(answer({ screens: [{ screen: 'lobby', hls: 'javascript:alert(1)' }] })).mockRejectedValueOnce(new TypeError('offline'))
    const stop = followScreenSources(backend, fetcher)
    await settle()
    backend.emit({ type: 'screens-changed' })
    await settle()
    backend.emit({ type: 'screens-changed' })
    await settle()
    expect(fetcher).toHaveBeenCalledTimes(3)
    expect(useScreenSources.getState().sources).toBe(kept)
    expect(warn).toHaveBeenCalledTimes(3)
    warn.mockRestore()
    stop()
  })

  it('asks nothing without a server', () => {
    const fetcher = vi.fn()
    followScreenSources(fakeBackend('local'), fetcher)
    expect(fetcher).not.toHaveBeenCalled()
  })
})
