/** What the app's HTTP backend needs of a browser, in Node: a fetch that keeps cookies, and an EventSource over fetch. */

/** fetch with one cookie jar, as one browser profile has; `drop` can lose answers to simulate a broken connection. */
export function browserFetch(base: string, options: { drop?: (url: string, init: RequestInit) => boolean } = {}) {
  const cookies = new Map<string, string>()
  const fetcher = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), base).toString()
    const headers = new Headers(init.headers)
    if (cookies.size) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '))
    const response = await fetch(url, { ...init, headers })
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const at = pair.indexOf('=')
      cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1))
    }
    // the server did the work; the answer never reaches the app
    if (options.drop?.(url, init)) throw new TypeError('fetch failed: connection reset')
    return response
  }) as typeof fetch
  return { fetch: fetcher, cookies }
}

type Listener = (event: MessageEvent) => void

/** The part of EventSource the backend uses, over a streaming fetch that sends the jar's cookies. */
export class FetchEventSource {
  onerror: ((event: Event) => void) | null = null
  private readonly listeners = new Map<string, Set<Listener>>()
  private readonly controller = new AbortController()

  constructor(
    readonly url: string,
    fetcher: typeof fetch,
  ) {
    void this.run(fetcher)
  }

  addEventListener(type: string, listener: Listener) {
    let set = this.listeners.get(type)
    if (!set) this.listeners.set(type, (set = new Set()))
    set.add(listener)
  }

  close() {
    this.controller.abort()
  }

  private async run(fetcher: typeof fetch) {
    try {
      const response = await fetcher(this.url, { signal: this.controller.signal })
      if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`)
      const reader = response.body.getReader()
      const decoder = new TextDecoder()
      let buffer = ''
      for (;;) {
        const { value, done } = await reader.read()
        if (done) throw new Error('stream ended')
        buffer += decoder.decode(value, { stream: true })
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const type = /^event: (.*)$/m.exec(block)?.[1]
          const data = /^data: (.*)$/m.exec(block)?.[1] ?? ''
          if (type) for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data }))
        }
      }
    } catch {
      if (!this.controller.signal.aborted) this.onerror?.(new Event('error'))
    }
  }
}
