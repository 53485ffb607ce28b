/**
 * Presence across processes over Redis pub/sub (REDIS_URL): the high-rate presence channel off PostgreSQL, whose
 * NOTIFY stays for chat and bookings. Presence is optional, so Redis never is: away at start or later, the
 * server keeps serving, presence stays local, and both connections come back by themselves.
 */
import { randomBytes } from 'node:crypto'
import { Redis, type RedisOptions } from 'ioredis'
import { decodeNotice, encodeNotices, PRESENCE_CHANNEL, type PresenceBus, type PresenceBusState, type PresenceNotice, type SharedVisitor } from './presenceBus'

/** Reconnection pauses grow to this and stay there: Redis is tried again for as long as the server runs. */
const RETRY_MAX_MS = 5_000
/** A publish that takes longer than this is given up (a Redis that accepts connections but does not answer). */
const COMMAND_TIMEOUT_MS = 2_000

export interface RedisPresenceBusOptions {
  url: string
  /** The pub/sub channel: one per deployment when several share a Redis (and per test). */
  channel?: string
  log?: { warn(object: object, message: string): void; info?(object: object, message: string): void }
  random?: () => number
}

/** Doubling from 100 ms to RETRY_MAX_MS, with jitter so that the processes of a hall do not reconnect in step. */
export function redisRetryDelay(times: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_MAX_MS, 100 * 2 ** Math.min(times, 10))
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}

export class RedisPresenceBus implements PresenceBus {
  readonly process = randomBytes(6).toString('base64url')
  readonly channel: string
  /** Where a process that (re)joined asks the others to tell their rounds again. */
  private readonly askChannel: string
  /** Commands only: a subscribed connection may not publish. */
  private readonly publisher: Redis
  private readonly subscriber: Redis
  private onNotice?: (notice: PresenceNotice) => void
  /** The latest round this process was asked to tell, sent again when the publisher is back. */
  private latest?: SharedVisitor[]
  private subscribed = false
  private down = false
  private stopped = false

  constructor(private readonly options: RedisPresenceBusOptions) {
    this.channel = options.channel ?? PRESENCE_CHANNEL
    const random = options.random ?? Math.random
    const connection: RedisOptions = {
      // nothing waits for Redis: a command while it is away fails at once instead of queueing behind it
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectTimeout: 5_000,
      retryStrategy: (times) => redisRetryDelay(times, random),
      // the subscription is made again on every 'ready' below, which also covers a first connection that failed
      autoResubscribe: false,
      lazyConnect: true,
    }
    // named so that CLIENT LIST tells which server process holds which connection
    this.publisher = new Redis(options.url, { ...connection, connectionName: `cloud-expo-presence-pub-${this.process}` })
    this.subscriber = new Redis(options.url, { ...connection, connectionName: `cloud-expo-presence-sub-${this.process}` })
    for (const client of [this.publisher, this.subscriber]) {
      // ioredis reports every failed attempt; one line per outage is enough
      client.on('error', (error: Error) => this.lost(error))
      client.on('end', () => this.lost())
    }
    this.askChannel = `${this.channel}:ask`
    this.subscriber.on('ready', () => {
      this.subscriber.subscribe(this.channel, this.askChannel).then(
        () => {
          this.subscribed = true
          this.rejoined()
        },
        (error: unknown) => this.lost(error),
      )
    })
    this.subscriber.on('close', () => {
      this.subscribed = false
    })
    this.publisher.on('ready', () => this.rejoined())
    this.subscriber.on('message', (channel: string, payload: string) => {
      if (channel === this.askChannel) {
        if (payload !== this.process) this.republish()
        return
      }
      if (channel !== this.channel) return
      const notice = decodeNotice(payload)
      if (notice && notice.process !== this.process) this.onNotice?.(notice)
    })
  }

  /** Returns at once: connecting (and reconnecting) goes on in the background. */
  async start(onNotice: (notice: PresenceNotice) => void): Promise<void> {
    this.onNotice = onNotice
    for (const client of [this.publisher, this.subscriber]) {
      // a refused first attempt is retried by the retry strategy like any later loss
      client.connect().catch(() => undefined)
    }
  }

  async publish(visitors: SharedVisitor[]): Promise<void> {
    this.latest = visitors
    // away: presence stays local until the publisher is ready again, which sends the latest round
    if (this.publisher.status !== 'ready') return
    const notices = encodeNotices(this.process, visitors)
    if (notices.length === 1) await this.publisher.publish(this.channel, notices[0])
    else {
      const pipeline = this.publisher.pipeline()
      for (const notice of notices) pipeline.publish(this.channel, notice)
      // a pipeline reports each command's failure in its answer instead of rejecting
      const failed = (await pipeline.exec())?.find(([error]) => error)
      if (failed) throw failed[0]
    }
  }

  state(): PresenceBusState {
    return { bus: 'redis', connected: this.publisher.status === 'ready' && this.subscribed }
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.onNotice = undefined
    // disconnect, not quit: quit waits for a Redis that may be gone
    this.publisher.disconnect()
    this.subscriber.disconnect()
  }

  /**
   * Pub/sub keeps nothing: once both connections are up again (whichever came back last), this process tells its own
   * round (the others dropped its visitors while it was away) and asks the others for theirs (it dropped theirs, and
   * what they sent while its subscription was down is lost), so nobody waits for a next change or keep-alive.
   */
  private rejoined() {
    if (this.publisher.status !== 'ready' || !this.subscribed) return
    this.back()
    this.republish()
    this.publisher.publish(this.askChannel, this.process).catch(() => undefined)
  }

  private republish() {
    // a failure here is a moment's: the reconnection that follows a real loss sends the round again
    if (this.latest && !this.stopped) this.publish(this.latest).catch(() => undefined)
  }

  private lost(error?: unknown) {
    if (this.down || this.stopped) return
    this.down = true
    this.options.log?.warn({ err: error }, 'Redis for presence is away: presence stays on this process and reconnects by itself')
  }

  private back() {
    if (!this.down || !this.state().connected) return
    this.down = false
    this.options.log?.info?.({}, 'Redis for presence is back')
  }
}
