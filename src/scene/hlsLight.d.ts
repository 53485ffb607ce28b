/** hls.js's light build (no subtitles, alternate audio or DRM, which screens do not use) ships without its own types: they are the full build's. */
declare module 'hls.js/light' {
  export { default } from 'hls.js'
  export * from 'hls.js'
}
