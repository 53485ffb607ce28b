/**
 * The presence load bench for `npm run bench` (and alone: `npx tsx scripts/liveBench.ts` prints its JSON): 2,000
 * simulated visitors on `ws` sockets against one server process it starts on 127.0.0.1 (PGlite in a temporary
 * folder, rate limits off), spread over the 15 zones, each walking within its zone and sending a pose 5 times a
 * second, a few changing zone every second. Bounded: a ramp-up, a warm-up, MEASURE_S measured, a hard timeout;
 * every socket is closed and the server stopped whatever happens.
 *
 * Fan-out latency: every pose carries a marker the server passes on untouched, its heading (a 256th of a turn, the
 * avatar frame's own unit): the sender notes when it sent pose n, and an observer that gets a frame moving that
 * visitor to heading n takes the difference, on the one clock of this process. Visitors entering a view are not
 * counted (their pose may predate the view). Bytes are what each client received: payload plus the WebSocket
 * header (2 bytes up to 125, 4 up to 65,535), without TCP/IP. Server CPU is the child's own user + system time from
 * /proc, as a share of one core; the load generator runs on the same two cores (its CPU is reported beside).
 */
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import WebSocket from 'ws'
import { ZONE_IDS, type ZoneId } from '../src/content/schema'
import { emptyAvatarView, readAvatarFrame, yawOf, type AvatarSlot, type AvatarView } from '../src/live/avatarFrame'
import { POSE_MIN_INTERVAL_MS } from '../src/live/protocol'
import type { ZoneArea } from '../src/plan/types'
import { loadServerContent } from '../server/content'
import { startServerProcess, type ServerProcess } from '../tests/helpers/serverProcess'

const VISITORS = Number(process.env.LIVE_BENCH_VISITORS ?? 2_000)
const MEASURE_S = Number(process.env.LIVE_BENCH_SECONDS ?? 20)
const WARM_UP_S = 5
/** Visitors changing zone each second (a walk through a doorway: the avatar leaves one zone and appears in another). */
const ZONE_CHANGES_PER_S = 4
/** Connections opened at once during the ramp-up. */
const RAMP_BATCH = 100
const WALK_METRES_PER_S = 1.4
const HARD_TIMEOUT_MS = 180_000
/** Generator ticks per pose interval: each tick sends the poses of one tenth of the visitors, spread evenly. */
const TICKS = 10
const CLK_TCK = 100
/** Every n-th visitor decodes its frames and times the moves in them (the others count bytes): the generator stays cheap. */
const TIMED_EVERY = 4
const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits

interface SimVisitor {
  index: number
  socket: WebSocket
  id: string
  zone: ZoneArea
  x: number
  z: number
  goalX: number
  goalZ: number
  seq: number
  /** performance.now() when the pose with each heading marker went out. */
  sentAt: Float64Array
  view: AvatarView
  messages: number
  frames: number
  bytes: number
  closed: boolean
}

/** Latencies in 0.1 ms buckets up to 10 s (the last bucket holds anything longer). */
class Histogram {
  readonly buckets = new Uint32Array(100_001)
  count = 0
  add(ms: number) {
    this.buckets[Math.min(this.buckets.length - 1, Math.max(0, Math.round(ms * 10)))]++
    this.count++
  }
  percentile(p: number): number {
    const rank = Math.ceil((p / 100) * this.count)
    let seen = 0
    for (let i = 0; i < this.buckets.length; i++) if ((seen += this.buckets[i]) >= rank) return i / 10
    return NaN
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

const wsHeader = (length: number) => (length <= 125 ? 2 : length <= 65_535 ? 4 : 10)

function cpuSeconds(pid: number): number {
  // fields after the command name (which may hold spaces): utime and stime are the 12th and 13th
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK
}

const rssMB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024

function randomPointIn(zone: ZoneArea, margin = 1): { x: number; z: number } {
  const { x, z, width, depth } = zone.rect
  return { x: x + margin + Math.random() * Math.max(0, width - 2 * margin), z: z + margin + Math.random() * Math.max(0, depth - 2 * margin) }
}

export async function liveBenchmarks(options: { port?: number } = {}) {
  const zones = loadServerContent().zones
  const byZone = new Map<ZoneId, ZoneArea>(zones.map((zone) => [zone.zoneId, zone]))
  const server = await startServerProcess(
    { RATE_LIMITS: 'off', LOG_LEVEL: 'warn', PORT: String(options.port ?? 0) },
    // a CPU profile of the server, to see where a round's time goes
    process.env.LIVE_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.LIVE_BENCH_PROFILE}`] : [],
  )
  const pid = server.process.pid!
  const visitors: SimVisitor[] = []
  const byId = new Map<string, SimVisitor>()
  const timers: NodeJS.Timeout[] = []
  let hardTimer: NodeJS.Timeout | undefined
  try {
    return await Promise.race([
      run(server, pid, zones, byZone, visitors, byId, timers),
      new Promise<never>((_, reject) => {
        hardTimer = setTimeout(() => reject(new Error(`the presence load bench ran over ${HARD_TIMEOUT_MS / 1000} s`)), HARD_TIMEOUT_MS)
      }),
    ])
  } finally {
    clearTimeout(hardTimer)
    for (const timer of timers) clearInterval(timer)
    for (const visitor of visitors) visitor.socket.terminate()
    await server.kill()
  }
}

async function run(
  server: ServerProcess,
  pid: number,
  zones: ZoneArea[],
  byZone: Map<ZoneId, ZoneArea>,
  visitors: SimVisitor[],
  byId: Map<string, SimVisitor>,
  timers: NodeJS.Timeout[],
) {
  const url = `${server.url.replace(/^http/, 'ws')}/api/live`
  const origin = server.url
  let measuring = false
  let refused = 0
  let dropped = 0
  let failedToConnect = 0
  let zoneChanges = 0
  let enters = 0
  let unreadable = 0
  const latency = new Histogram()

  const onMessage = (visitor: SimVisitor, data: Buffer, isBinary: boolean) => {
    const at = performance.now()
    if (measuring) {
      visitor.messages++
      visitor.bytes += data.length + wsHeader(data.length)
    }
    if (!isBinary) {
      // text is welcome, counts or refused: only the first two bytes of the type are looked at, the welcome read once
      if (data[9] === 0x77 /* w */) visitor.id = (JSON.parse(String(data)) as { id: string }).id
      else if (data[9] === 0x72 /* r */) refused++
      return
    }
    if (measuring) visitor.frames++
    // only the timed observers decode their frames: decoding all 20,000 a second would take the generator a core
    // of its own, and it shares the server's two
    if (visitor.index % TIMED_EVERY !== 0) return
    const timed = measuring
    const before: (AvatarSlot | null)[] = timed ? visitor.view.slots.slice() : []
    const touched = readAvatarFrame(visitor.view, data)
    if (!touched) {
      // would mean the two ends of the delta disagree: counted (it must stay 0), and the view starts again
      unreadable++
      visitor.view = emptyAvatarView()
      return
    }
    if (!timed) return
    for (const slot of touched) {
      const entry = visitor.view.slots[slot]
      // a slot that now holds someone else (or no one) was an enter or a leave, not a pose reaching its observers
      if (!entry || entry !== before[slot]) {
        if (entry) enters++
        continue
      }
      const sender = byId.get(entry.id)
      const sentAt = sender?.sentAt[entry.yaw] ?? 0
      if (sentAt > 0) latency.add(at - sentAt)
    }
  }

  // ramp-up: connections in batches, each saying hello once open and welcomed
  const began = performance.now()
  for (let start = 0; start < VISITORS; start += RAMP_BATCH) {
    await Promise.all(
      Array.from({ length: Math.min(RAMP_BATCH, VISITORS - start) }, (_, k) => {
        const index = start + k
        const zone = zones[index % zones.length]
        const place = randomPointIn(zone)
        const goal = randomPointIn(zone)
        const socket = new WebSocket(url, { headers: { origin }, perMessageDeflate: false })
        const visitor: SimVisitor = { index, socket, id: '', zone, ...place, goalX: goal.x, goalZ: goal.z, seq: 0, sentAt: new Float64Array(256), view: emptyAvatarView(), messages: 0, frames: 0, bytes: 0, closed: false }
        visitors.push(visitor)
        socket.on('message', (data: Buffer, isBinary) => onMessage(visitor, data, isBinary))
        socket.on('close', () => {
          if (!visitor.closed && visitor.id) dropped++
          visitor.closed = true
        })
        return new Promise<void>((resolve) => {
          socket.once('open', () => {
            socket.send(JSON.stringify({ type: 'hello', name: null, invisible: false, zoneId: zone.zoneId }))
            resolve()
          })
          socket.once('error', () => {
            failedToConnect++
            visitor.closed = true
            resolve()
          })
        })
      }),
    )
  }
  const welcomeDeadline = performance.now() + 30_000
  while (visitors.some((v) => !v.id && !v.closed) && performance.now() < welcomeDeadline) await new Promise((resolve) => setTimeout(resolve, 50))
  for (const visitor of visitors) if (visitor.id) byId.set(visitor.id, visitor)
  const rampSeconds = (performance.now() - began) / 1000

  // walking: each tick moves and sends the poses of one tenth of the visitors, so poses spread evenly over time
  const step = (WALK_METRES_PER_S * POSE_MIN_INTERVAL_MS) / 1000
  let tick = 0
  const sendPose = (visitor: SimVisitor) => {
    if (visitor.closed || visitor.socket.readyState !== WebSocket.OPEN) return
    const dx = visitor.goalX - visitor.x
    const dz = visitor.goalZ - visitor.z
    const distance = Math.hypot(dx, dz)
    if (distance <= step) {
      const goal = randomPointIn(visitor.zone)
      visitor.goalX = goal.x
      visitor.goalZ = goal.z
    } else {
      visitor.x += (dx / distance) * step
      visitor.z += (dz / distance) * step
    }
    // the marker: heading n in 256ths of a turn, exactly as the frame carries it back
    const marker = ++visitor.seq & 255
    visitor.sentAt[marker] = performance.now()
    visitor.socket.send(
      `{"type":"pose","zoneId":"${visitor.zone.zoneId}","x":${visitor.x.toFixed(2)},"z":${visitor.z.toFixed(2)},"yaw":${yawOf(marker)}}`,
    )
  }
  timers.push(
    setInterval(() => {
      const slice = tick++ % TICKS
      for (let i = slice; i < visitors.length; i += TICKS) sendPose(visitors[i])
    }, POSE_MIN_INTERVAL_MS / TICKS),
  )
  // a few visitors walk into another zone every second
  timers.push(
    setInterval(() => {
      for (let n = 0; n < ZONE_CHANGES_PER_S; n++) {
        const visitor = visitors[Math.floor(Math.random() * visitors.length)]
        const others = ZONE_IDS.filter((zone) => zone !== visitor.zone.zoneId && byZone.has(zone))
        visitor.zone = byZone.get(others[Math.floor(Math.random() * others.length)])!
        Object.assign(visitor, randomPointIn(visitor.zone))
        zoneChanges++
      }
    }, 1_000),
  )

  await new Promise((resolve) => setTimeout(resolve, WARM_UP_S * 1_000))

  // measured: counters from zero, server CPU and memory from /proc, the generator's own CPU and event-loop delay
  const loopDelay = monitorEventLoopDelay({ resolution: 10 })
  loopDelay.enable()
  zoneChanges = 0
  refused = 0
  enters = 0
  const rss: number[] = []
  const load0 = loadavg()[0]
  const cpu0 = cpuSeconds(pid)
  const generatorCpu0 = process.cpuUsage()
  const t0 = performance.now()
  measuring = true
  // poses sent before the window may arrive inside it: only those sent inside count
  for (const visitor of visitors) visitor.sentAt.fill(0)
  const rssTimer = setInterval(() => rss.push(rssMB(pid)), 1_000)
  timers.push(rssTimer)
  await new Promise((resolve) => setTimeout(resolve, MEASURE_S * 1_000))
  measuring = false
  const seconds = (performance.now() - t0) / 1000
  const serverCpu = (cpuSeconds(pid) - cpu0) / seconds
  const generatorCpuUsage = process.cpuUsage(generatorCpu0)
  loopDelay.disable()
  rss.push(rssMB(pid))

  const live = visitors.filter((v) => v.id && !v.closed)
  const messages = live.map((v) => v.messages / seconds)
  const frames = live.map((v) => v.frames / seconds)
  const kilobytes = live.map((v) => v.bytes / seconds / 1024)
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length)
  return {
    visitors: VISITORS,
    connected: byId.size,
    zones: zones.length,
    posesPerSecondEach: 1_000 / POSE_MIN_INTERVAL_MS,
    zoneChangesPerSecond: round(zoneChanges / seconds),
    rampUpSeconds: round(rampSeconds),
    measuredSeconds: round(seconds),
    fanOutLatencyMs: { timedObservers: `one visitor in ${TIMED_EVERY}`, p50: round(latency.percentile(50)), p99: round(latency.percentile(99)), max: round(latency.percentile(100)), samples: latency.count },
    perClientPerSecond: {
      messages: { mean: round(mean(messages)), p99: round(percentile(messages, 99)) },
      // binary ones: at most one a round (12.5 a second), fewer when nothing changed near a client, rounds overran or frames were shed
      avatarFrames: { mean: round(mean(frames)), p99: round(percentile(frames, 99)) },
      kilobytes: { mean: round(mean(kilobytes), 2), p99: round(percentile(kilobytes, 99), 2) },
    },
    // entered the view of a timed visitor (one in TIMED_EVERY), per timed visitor
    enteredViewsPerVisitorPerSecond: round(enters / seconds / Math.ceil(VISITORS / TIMED_EVERY), 2),
    server: { cpuPercentOfOneCore: round(serverCpu * 100, 0), rssMB: { end: round(rss.at(-1)!, 0), peak: round(Math.max(...rss), 0) } },
    loadGenerator: {
      note: 'the load generator (this process) shares the two cores with the server, and both with whatever else runs',
      cpuPercentOfOneCore: round(((generatorCpuUsage.user + generatorCpuUsage.system) / 1e6 / seconds) * 100, 0),
      eventLoopDelayP99Ms: round(loopDelay.percentile(99) / 1e6),
    },
    // runnable processes on the machine (1-minute average) when the window opened and closed: above 2, on two
    // cores, the server and the generator waited for CPU and every figure above is worse for it
    machineLoadAverage: { start: round(load0, 2), end: round(loadavg()[0], 2) },
    refused,
    dropped,
    unreadableFrames: unreadable,
    failedToConnect,
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  liveBenchmarks({ port: process.env.LIVE_BENCH_PORT ? Number(process.env.LIVE_BENCH_PORT) : undefined }).then(
    (report) => {
      console.log(JSON.stringify(report, null, 2))
      process.exit(0)
    },
    (error) => {
      console.error(error)
      process.exit(1)
    },
  )
}
