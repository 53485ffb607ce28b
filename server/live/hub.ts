/**
 * Live updates to apps and consoles as Server-Sent Events. Every process LISTENs on the database's change
 * channel, so a booking made through any process reaches the streams of all of them.
 */
import type { FastifyReply } from 'fastify'
import type { Database } from '../db/database'
import { EVENTS_CHANNEL, type ChangeNotice } from './changes'

/** What a stream listens for: its visitor's bookings, the free slots of a few exhibitors, a console's inbox. */
export interface StreamInterest {
  visitorId?: string
  /** Exhibitors whose slots an open picker or booth panel shows. */
  watch: string[]
  /** Staff of this exhibitor: their inbox and calendar. */
  staffOf?: string
  organiser?: boolean
}

interface Stream extends StreamInterest {
  reply: FastifyReply
}

/** Comments keep proxies from closing a quiet stream, and tell a dead client apart. */
const HEARTBEAT_MS = 25_000

export class LiveHub {
  private readonly streams = new Set<Stream>()
  private stopListening?: () => Promise<void>
  private heartbeat?: NodeJS.Timeout

  constructor(private readonly db: Database) {}

  get size(): number {
    return this.streams.size
  }

  async start(): Promise<void> {
    this.stopListening = await this.db.listen(EVENTS_CHANNEL, (payload) => this.dispatch(payload))
    this.heartbeat = setInterval(() => {
      for (const stream of this.streams) this.write(stream, ': ping\n\n')
    }, HEARTBEAT_MS)
    this.heartbeat.unref()
  }

  async stop(): Promise<void> {
    clearInterval(this.heartbeat)
    await this.stopListening?.()
    for (const stream of this.streams) stream.reply.raw.end()
    this.streams.clear()
  }

  /** Takes over the reply as an event stream until the client goes away. */
  open(reply: FastifyReply, interest: StreamInterest): void {
    reply.hijack()
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx and similar proxies would otherwise buffer the stream
      'x-accel-buffering': 'no',
    })
    const stream: Stream = { ...interest, reply }
    this.streams.add(stream)
    reply.raw.on('close', () => this.streams.delete(stream))
    this.send(stream, 'ready', {})
  }

  private dispatch(payload: string): void {
    let notice: ChangeNotice
    try {
      notice = JSON.parse(payload) as ChangeNotice
    } catch {
      return
    }
    const visitors = new Set(notice.visitors)
    const exhibitors = new Set(notice.exhibitors)
    for (const stream of this.streams) {
      // the programme is public: every open app and console shows it
      if (notice.sessions) this.send(stream, 'sessions', {})
      // so are the screens' sources
      if (notice.screens) this.send(stream, 'screens', {})
      if (stream.visitorId && visitors.has(stream.visitorId)) this.send(stream, 'bookings', {})
      for (const exhibitorId of stream.watch) if (exhibitors.has(exhibitorId)) this.send(stream, 'slots', { exhibitorId })
      if (stream.staffOf && exhibitors.has(stream.staffOf)) this.send(stream, 'inbox', {})
      if (stream.organiser && exhibitors.size > 0) this.send(stream, 'overview', {})
    }
  }

  private send(stream: Stream, event: string, data: object): void {
    this.write(stream, `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
  }

  private write(stream: Stream, text: string): void {
    if (stream.reply.raw.writableEnded) {
      this.streams.delete(stream)
      return
    }
    stream.reply.raw.write(text)
  }
}
