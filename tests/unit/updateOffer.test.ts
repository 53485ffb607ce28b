// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SKIP_WAITING, acceptUpdate, currentUpdateOffer, dismissUpdate, watchForUpdates } from '../../src/offline/updateOffer'

class FakeWorker extends EventTarget {
  postMessage = vi.fn()
  constructor(public state: ServiceWorkerState) {
    super()
  }
  becomes(state: ServiceWorkerState) {
    this.state = state
    this.dispatchEvent(new Event('statechange'))
  }
}

class FakeRegistration extends EventTarget {
  installing: FakeWorker | null = null
  waiting: FakeWorker | null = null
  update = vi.fn(async () => this)
  /** The browser found a newer sw.js and installs it behind the active worker. */
  install(): FakeWorker {
    const worker = new FakeWorker('installing')
    this.installing = worker
    this.dispatchEvent(new Event('updatefound'))
    this.installing = null
    this.waiting = worker
    worker.becomes('installed')
    return worker
  }
}

class FakeContainer extends EventTarget {
  constructor(public controller: FakeWorker | null) {
    super()
  }
  /** A worker takes the tab over (a first install claiming it, or a newer build after skipWaiting). */
  controlledBy(worker: FakeWorker) {
    this.controller = worker
    this.dispatchEvent(new Event('controllerchange'))
  }
}

let stop = () => {}
afterEach(() => {
  stop()
  vi.useRealTimers()
})

function watch(registration: FakeRegistration, container: FakeContainer) {
  const reload = vi.fn()
  stop = watchForUpdates(registration as unknown as ServiceWorkerRegistration, {
    container: container as unknown as ServiceWorkerContainer,
    reload,
  })
  return reload
}

describe('the offer of a newer build', () => {
  it('offers nothing on a first install, even when the new worker takes the tab over', () => {
    const registration = new FakeRegistration()
    const container = new FakeContainer(null)
    const reload = watch(registration, container)
    const first = registration.install()
    container.controlledBy(first)
    expect(currentUpdateOffer()).toBe('none')
    expect(reload).not.toHaveBeenCalled()
  })

  it('offers a build installed behind the one that controls the tab', () => {
    const registration = new FakeRegistration()
    watch(registration, new FakeContainer(new FakeWorker('activated')))
    expect(currentUpdateOffer()).toBe('none')
    registration.install()
    expect(currentUpdateOffer()).toBe('ready')
  })

  it('offers a build that was already waiting when the page loaded', () => {
    const registration = new FakeRegistration()
    registration.waiting = new FakeWorker('installed')
    watch(registration, new FakeContainer(new FakeWorker('activated')))
    expect(currentUpdateOffer()).toBe('ready')
  })

  it('on accept asks the waiting worker to take over, then reloads once however often the controller changes', () => {
    const registration = new FakeRegistration()
    const container = new FakeContainer(new FakeWorker('activated'))
    const reload = watch(registration, container)
    const newer = registration.install()
    acceptUpdate()
    expect(newer.postMessage).toHaveBeenCalledWith({ type: SKIP_WAITING })
    expect(currentUpdateOffer()).toBe('reloading')
    expect(reload).not.toHaveBeenCalled()
    container.controlledBy(newer)
    container.controlledBy(new FakeWorker('activated'))
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it('reloads anyway when the waiting worker never takes over', () => {
    vi.useFakeTimers()
    const registration = new FakeRegistration()
    const reload = watch(registration, new FakeContainer(new FakeWorker('activated')))
    registration.install()
    acceptUpdate()
    vi.advanceTimersByTime(10_000)
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it('offers the reload in a tab whose worker another tab replaced, and reloads at once when accepted', () => {
    const registration = new FakeRegistration()
    const container = new FakeContainer(new FakeWorker('activated'))
    const reload = watch(registration, container)
    const newer = registration.install()
    dismissUpdate()
    // The other tab accepted: the newer worker is active and already serves this one.
    registration.waiting = null
    container.controlledBy(newer)
    expect(reload).not.toHaveBeenCalled()
    expect(currentUpdateOffer()).toBe('ready')
    acceptUpdate()
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it('once put off, stays hidden until a newer build arrives', () => {
    const registration = new FakeRegistration()
    watch(registration, new FakeContainer(new FakeWorker('activated')))
    registration.install()
    dismissUpdate()
    expect(currentUpdateOffer()).toBe('none')
    registration.install()
    expect(currentUpdateOffer()).toBe('ready')
  })

  it('checks for a newer build when the visitor comes back to the tab', () => {
    const registration = new FakeRegistration()
    watch(registration, new FakeContainer(new FakeWorker('activated')))
    document.dispatchEvent(new Event('visibilitychange'))
    expect(registration.update).toHaveBeenCalledTimes(1)
  })
})
