import { describe, expect, it, vi } from 'vitest'
import type { BookingBackendEvent } from '../../src/booking/types'
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
