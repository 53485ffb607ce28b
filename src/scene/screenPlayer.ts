/**
 * One screen's video: a muted, inline <video> as a texture, fed by the browser's own HLS where it has it, by hls.js
 * (its own chunk, imported only here) where it has MediaSource instead, or by the MP4. It asks the hall for a frame
 * only when a new video frame is ready, and gives up for good on a failure (the screen keeps its title card).
 */
import * as THREE from 'three'
import type { ScreenSource } from '../live/screens'

type HlsInstance = import('hls.js').default

/** A source that has drawn no frame by then is treated as failed (a stalled stream, a playlist that never starts). */
const FIRST_FRAME_TIMEOUT_MS = 20_000
/** Without requestVideoFrameCallback the hall polls at about the stream's rate while the video plays. */
const POLL_MS = 1000 / 30

export interface ScreenPlayerEvents {
  /** A new frame is ready to draw (the first one included). */
  onFrame(): void
  /** Every way of playing this source failed. */
  onFailed(reason: string): void
}

export type PlaybackPath = 'native-hls' | 'hls.js' | 'mp4'

export class ScreenPlayer {
  readonly video: HTMLVideoElement
  readonly texture: THREE.VideoTexture
  path: PlaybackPath | null = null
  frames = 0
  private hls: HlsInstance | null = null
  private disposed = false
  private failed = false
  /** Counts play() calls: a refusal that belongs to a source given up on since is not this source's failure. */
  private attempt = 0
  private frameRequest = 0
  private poll: ReturnType<typeof setInterval> | null = null
  private firstFrameTimer: ReturnType<typeof setTimeout>

  constructor(
    readonly screen: string,
    readonly source: ScreenSource,
    private readonly events: ScreenPlayerEvents,
  ) {
    const video = document.createElement('video')
    // muted and inline: what lets a video start without a gesture on phones (and WeChat's browser)
    video.muted = true
    video.defaultMuted = true
    video.playsInline = true
    video.setAttribute('playsinline', '')
    video.setAttribute('webkit-playsinline', '')
    video.crossOrigin = 'anonymous'
    video.preload = 'auto'
    video.disablePictureInPicture = true
    // a recorded stream (an HLS VOD or the MP4) starts over; a live one never ends
    video.loop = true
    this.video = video
    this.texture = new THREE.VideoTexture(video)
    this.texture.colorSpace = THREE.SRGBColorSpace
    video.addEventListener('error', this.onVideoError)
    this.firstFrameTimer = setTimeout(() => this.frames === 0 && this.fail('no frame in time'), FIRST_FRAME_TIMEOUT_MS)
    void this.start()
  }

  private async start() {
    const { hls, mp4 } = this.source
    if (hls && this.video.canPlayType('application/vnd.apple.mpegurl')) {
      this.path = 'native-hls'
      this.video.src = hls
    } else if (hls && typeof MediaSource !== 'undefined') {
      let Hls: typeof import('hls.js').default
      try {
        Hls = (await import('hls.js/light')).default
      } catch {
        return this.fallBack('hls.js did not load')
      }
      if (this.disposed) return
      if (!Hls.isSupported()) return this.fallBack('no MediaSource for hls.js')
      this.path = 'hls.js'
      // no retries of our own: one fatal error and the screen goes back to its card
      const instance = new Hls({ enableWorker: true, lowLatencyMode: false, backBufferLength: 10, maxBufferLength: 10 })
      instance.on(Hls.Events.ERROR, (_event, data) => {
        if (data.fatal) this.fallBack(`hls.js: ${data.details}`)
      })
      instance.loadSource(hls)
      instance.attachMedia(this.video)
      this.hls = instance
    } else if (mp4) {
      this.playMp4(mp4)
    } else {
      return this.fail('nothing this browser can play')
    }
    this.watchFrames()
    this.play()
  }

  private playMp4(url: string) {
    this.path = 'mp4'
    this.video.src = url
  }

  /** The HLS stream failed: the MP4 if there is one, else the title card. */
  private fallBack(reason: string) {
    if (this.disposed || this.failed) return
    const mp4 = this.source.mp4
    if (this.path !== 'mp4' && mp4) {
      this.hls?.destroy()
      this.hls = null
      this.playMp4(mp4)
      this.play()
      return
    }
    this.fail(reason)
  }

  private onVideoError = () => this.fallBack(`video: ${this.video.error?.message || this.video.error?.code || 'error'}`)

  private fail(reason: string) {
    if (this.disposed || this.failed) return
    this.failed = true
    this.events.onFailed(reason)
  }

  private play() {
    const attempt = ++this.attempt
    this.video.play().catch((error: unknown) => {
      // a pause or a new source interrupting play() is not a failure; a refusal to play this source is
      if (error instanceof DOMException && error.name === 'AbortError') return
      if (!this.disposed && attempt === this.attempt) this.fallBack(`play(): ${error instanceof Error ? error.name : String(error)}`)
    })
  }

  private watchFrames() {
    const frame = () => {
      if (this.disposed) return
      this.frames++
      this.events.onFrame()
    }
    if ('requestVideoFrameCallback' in this.video) {
      const next = () => {
        frame()
        if (!this.disposed) this.frameRequest = this.video.requestVideoFrameCallback(next)
      }
      this.frameRequest = this.video.requestVideoFrameCallback(next)
    } else {
      let lastTime = -1
      this.poll = setInterval(() => {
        if (this.video.paused || this.video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || this.video.currentTime === lastTime) return
        lastTime = this.video.currentTime
        frame()
      }, POLL_MS)
    }
  }

  setMuted(muted: boolean) {
    this.video.muted = muted
  }

  /** Stops and lets go of everything: the decoder, the network, the texture. */
  dispose() {
    if (this.disposed) return
    this.disposed = true
    clearTimeout(this.firstFrameTimer)
    if (this.poll) clearInterval(this.poll)
    if (this.frameRequest) this.video.cancelVideoFrameCallback(this.frameRequest)
    this.video.removeEventListener('error', this.onVideoError)
    this.video.pause()
    this.hls?.destroy()
    this.hls = null
    this.video.removeAttribute('src')
    // load() with no source releases the decoder and any connection
    this.video.load()
    this.texture.dispose()
  }
}
