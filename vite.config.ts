import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin, type ResolvedConfig, type Rolldown } from 'vite'
import react from '@vitejs/plugin-react'
import { isPrecompressedCopy, precompressFolder } from './server/http/compression'
import { CONTENT_SECURITY_POLICY_META } from './src/contentSecurityPolicy'
import { LOGO_ASSETS_FOLDER, contentPackPlugin } from './scripts/contentPackPlugin'

/** Where the build puts the 360° pictures (src/panorama/panoramaPictures.ts finds them in assets/panoramas/). */
const PANORAMA_ASSETS_FOLDER = 'panoramas'

export default defineConfig({
  plugins: [
    react(),
    contentPackPlugin(),
    serviceWorkerPlugin(),
    bookingServerMarker(),
    contentSecurityPolicyMeta(),
    preloadHall(),
    precompressPlugin(),
    leaveOutXrEmulator(),
    xrControllerProfiles(),
  ],
  // Every `import … from 'zod'` of the app goes through src/zodJitless.ts, so zod is jitless before any module
  // builds a schema, whichever chunk the bundler puts that module in (an entry-first import alone does not hold
  // once a shared chunk with schemas is evaluated before the entry's own code).
  resolve: { alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL('./src/zodJitless.ts', import.meta.url)) }] },
  // In development the booking server runs beside Vite (scripts/dev.ts); the app calls it on its own origin,
  // WebSockets (the live layer's /api/live) included.
  server: {
    port: 5173,
    host: '127.0.0.1',
    proxy: { '/api': { target: `http://127.0.0.1:${process.env.API_PORT ?? 8787}`, ws: true } },
  },
  // `vite preview` is the app as static files alone (bookings stay on the device): no /api proxy there.
  preview: { port: 4173, host: '127.0.0.1', strictPort: true, proxy: {} },
  build: {
    target: 'es2022',
    // The benchmark reads the manifest to tell the initial JS from the lazily loaded chunks.
    manifest: true,
    chunkSizeWarningLimit: 1500,
    // A panorama is never inlined (a tiny test picture would be), so every one is a file the service worker can tell.
    assetsInlineLimit: (file) => (isPanoramaPicture(file) ? false : undefined),
    rolldownOptions: {
      output: {
        // The 360° pictures in a folder of their own, like the logos: fetched only when their panorama opens, never
        // precached, kept by the service worker once fetched (serviceWorkerPlugin).
        assetFileNames: (asset) =>
          asset.originalFileNames.some(isPanoramaPicture) ? `assets/${PANORAMA_ASSETS_FOLDER}/[name]-[hash][extname]` : 'assets/[name]-[hash][extname]',
      },
    },
  },
})

function isPanoramaPicture(file: string) {
  return /(^|[\\/])assets[\\/]panoramas[\\/][^\\/]+\.webp$/.test(file)
}

/**
 * In development, when scripts/dev.ts runs the booking server beside Vite, the page carries the mark the server
 * puts on the page it serves in production (server/app.ts), so the app books through it.
 */
function bookingServerMarker(): Plugin {
  return {
    name: 'cloud-expo:booking-server-marker',
    apply: 'serve',
    transformIndexHtml: (html) => (process.env.API_PORT ? html.replace('</head>', '    <meta name="expo-booking-server" content="/api" />\n  </head>') : html),
  }
}

/**
 * The built page carries the policy as a `<meta>` right after its charset, before anything it governs, so static
 * hosting enforces it too. Not in development, where React refresh runs an inline script.
 */
function contentSecurityPolicyMeta(): Plugin {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY_META}" />`
  return {
    name: 'cloud-expo:content-security-policy',
    apply: 'build',
    transformIndexHtml(html) {
      const charset = /<meta charset="[^"]*"\s*\/?>/i
      if (!charset.test(html)) throw new Error('index.html needs a <meta charset> for the Content-Security-Policy to follow')
      return html.replace(charset, (tag) => `${tag}\n    ${meta}`)
    },
  }
}

/**
 * The staff console's own chunks and styles (ConsoleApp and what only it imports), left out of the precache: the console
 * (/exhibitor, /organiser) works only with the booking server, so an offline copy of it serves nobody, and a visitor
 * (nearly everyone) should not download it because they opened the hall once. Staff load it from the network on
 * their first console visit (the worker's cache-first route falls through to the network) and the HTTP cache keeps it.
 */
function consoleOnlyFiles(bundle: Rolldown.OutputBundle): Set<string> {
  const chunks = Object.values(bundle).filter((output) => output.type === 'chunk')
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]))
  const isConsole = (chunk: Rolldown.OutputChunk) => /[\\/]src[\\/]console[\\/]ConsoleApp\.tsx$/.test(chunk.facadeModuleId ?? '')
  const reach = (starts: Rolldown.OutputChunk[], skip: (chunk: Rolldown.OutputChunk) => boolean) => {
    const seen = new Set<string>()
    const visit = (chunk: Rolldown.OutputChunk | undefined) => {
      if (!chunk || skip(chunk) || seen.has(chunk.fileName)) return
      seen.add(chunk.fileName)
      chunk.viteMetadata?.importedCss.forEach((css) => seen.add(css))
      chunk.viteMetadata?.importedAssets.forEach((asset) => seen.add(asset))
      for (const name of [...chunk.imports, ...chunk.dynamicImports]) visit(byName.get(name))
    }
    starts.forEach(visit)
    return seen
  }
  const consoleChunks = chunks.filter(isConsole)
  // Without the console's chunk (renamed or moved) everything is precached as before, never too little.
  if (consoleChunks.length === 0) return new Set()
  const visitors = reach(chunks.filter((chunk) => chunk.isEntry), isConsole)
  return new Set([...reach(consoleChunks, () => false)].filter((name) => !visitors.has(name)))
}

/**
 * The built page preloads what the visitor's page fetches right after the shell anyway, so it downloads in parallel
 * with the shell instead of after it has run: the content loader (imported by the boot), the overlay's panels
 * (imported as the overlay first paints) and the 3D hall (imported by
 * App.tsx once the content is ready), each with its own static imports the entry does not already bring. The hall's
 * are not links but a list in `<meta name="expo-hall-chunks">`, which src/hallPreload.ts (the entry's first module)
 * turns into preloads unless the link opens the 360° view (`?pano=`): that view must not fetch the hall, and a static
 * page cannot tell its links apart. Links and list are marked `data-expo-hall`: the staff
 * consoles share this page but never load the hall, and the booking server leaves them out of their page
 * (server/http/appPage.ts).
 */
/**
 * @pmndrs/xr can install an emulated headset (IWER with its dev UI: styled-components, icon fonts, its own three)
 * behind a dynamic import. The app turns that off (`emulate: false`) and the browser tests inject IWER themselves,
 * so the emulator is left out of the build rather than shipped as chunks nobody loads.
 */
function leaveOutXrEmulator(): Plugin {
  const leftOut = '\0cloud-expo:xr-emulator-left-out'
  return {
    name: 'cloud-expo:leave-out-xr-emulator',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id === './emulate.js' && importer && /[\\/]@pmndrs[\\/]xr[\\/]/.test(importer)) return leftOut
      return null
    },
    load(id) {
      if (id !== leftOut) return null
      return 'export function emulate() { throw new Error("The WebXR emulator is not part of the app; tests inject IWER") }'
    },
  }
}

/** Where the WebXR input profiles (which button is the trigger, the thumbstick… of each controller) are served. */
export const XR_PROFILES_FOLDER = 'xr-profiles'

/**
 * @pmndrs/xr reads each controller's button layout from the WebXR input profiles, by default from a CDN that the
 * page's policy refuses and an offline visit cannot reach. The build serves the profiles' JSON itself (the 3D models
 * are left out: the app draws no controller models), from the pinned @webxr-input-profiles/assets package; a headset
 * fetches the list and its own controller's profile, a few KB, when it enters VR.
 */
function xrControllerProfiles(): Plugin {
  const source = fileURLToPath(new URL('./node_modules/@webxr-input-profiles/assets/dist/profiles/', import.meta.url))
  const files = () =>
    readdirSync(source, { recursive: true, encoding: 'utf8' })
      .map((name) => name.split(sep).join('/'))
      .filter((name) => name === 'profilesList.json' || name.endsWith('/profile.json'))
  return {
    name: 'cloud-expo:xr-controller-profiles',
    configureServer(server) {
      server.middlewares.use(`/${XR_PROFILES_FOLDER}/`, (req, res, next) => {
        const name = decodeURIComponent((req.url ?? '').split('?')[0].replace(/^\//, ''))
        if (!files().includes(name)) return next()
        res.setHeader('Content-Type', 'application/json')
        res.end(readFileSync(join(source, name)))
      })
    },
    generateBundle() {
      for (const name of files()) this.emitFile({ type: 'asset', fileName: `${XR_PROFILES_FOLDER}/${name}`, source: readFileSync(join(source, name)) })
    },
  }
}

function preloadHall(): Plugin {
  // in the order the page needs them: the content first, the overlay's panels (small; a deep link opens one as soon
  // as the content is in), the hall
  const lazyStarts = ['src/state/contentStart.ts', 'src/ui/overlayParts.ts', 'src/scene/Hall.tsx']
  const hallStart = 'src/scene/Hall.tsx'
  // the 360° view loads without the hall; a chunk the two share is needed either way, so it is preloaded on any link
  const panoramaStart = 'src/panorama/PanoramaView.tsx'
  let base = '/'
  return {
    name: 'cloud-expo:preload-hall',
    apply: 'build',
    configResolved(resolved) {
      base = resolved.base
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) throw new Error('The hall preload needs the bundle of a build')
        const chunks = Object.values(ctx.bundle).filter((output) => output.type === 'chunk')
        const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]))
        // The entry's static imports: Vite preloads those itself, and they are fetched before any of this anyway.
        const initial = new Set<string>()
        const addInitial = (fileName: string) => {
          if (initial.has(fileName)) return
          initial.add(fileName)
          byFile.get(fileName)?.imports.forEach(addInitial)
        }
        chunks.filter((chunk) => chunk.isEntry).forEach((chunk) => addInitial(chunk.fileName))
        const preloads: string[] = []
        const hallPreloads: string[] = []
        const addPreload = (fileName: string, into: string[]) => {
          if (initial.has(fileName) || preloads.includes(fileName) || into.includes(fileName)) return
          into.push(fileName)
          byFile.get(fileName)?.imports.forEach((name) => addPreload(name, into))
        }
        const chunkOf = (start: string) => {
          const chunk = chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/').endsWith(`/${start}`))
          if (!chunk) throw new Error(`No chunk of its own for ${start}: the page would preload nothing`)
          return chunk
        }
        const panoramaNeeds = new Set<string>()
        const addPanoramaNeed = (fileName: string) => {
          if (panoramaNeeds.has(fileName)) return
          panoramaNeeds.add(fileName)
          byFile.get(fileName)?.imports.forEach(addPanoramaNeed)
        }
        addPanoramaNeed(chunkOf(panoramaStart).fileName)
        for (const start of lazyStarts) {
          // in that order: a chunk the content or the panels share with the hall is theirs, preloaded on any link
          addPreload(chunkOf(start).fileName, start === hallStart ? hallPreloads : preloads)
        }
        // what the hall shares with the 360° view is not the hall's alone: preloaded on any link too
        for (const fileName of hallPreloads.filter((name) => panoramaNeeds.has(name) && !name.includes('/Hall-'))) {
          hallPreloads.splice(hallPreloads.indexOf(fileName), 1)
          preloads.push(fileName)
        }
        return {
          html,
          tags: [
            ...preloads.map((fileName) => ({
              tag: 'link',
              attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${fileName}`, 'data-expo-hall': true },
              injectTo: 'head' as const,
            })),
            {
              tag: 'meta',
              attrs: { name: 'expo-hall-chunks', content: hallPreloads.map((fileName) => `${base}${fileName}`).join(' '), 'data-expo-hall': true },
              injectTo: 'head' as const,
            },
          ],
        }
      },
    },
  }
}

/**
 * Emits /sw.js: src/offline/serviceWorker.js preceded by the list of every file of this build (shell, JS
 * chunks including the 3D hall, CSS, content JSON, public icons and manifest) and a version hashed from
 * their contents, so each build precaches into a cache of its own.
 */
function serviceWorkerPlugin(): Plugin {
  const fileName = 'sw.js'
  // The build manifest, source maps and the worker itself are never fetched by a visitor, and robots.txt only by crawlers.
  // hls.js plays live streams only, fetched when a screen with a stream comes into view in a browser without native
  // HLS: no visitor of a static site, and few others, should download it because they opened the hall once.
  // Exhibitors' logos are fetched as the visitor comes near a booth, the 360° pictures when their panorama opens (the
  // worker keeps each once fetched): precaching them would download every logo and picture on the first visit.
  // The VR layer and the controllers' layouts load only in browsers that offer a headset session: no one else should
  // download them.
  const keptWhenFetched = [LOGO_ASSETS_FOLDER, PANORAMA_ASSETS_FOLDER]
  const notPrecached = (name: string) =>
    name.startsWith('.vite/') ||
    name.endsWith('.map') ||
    name === fileName ||
    name === 'robots.txt' ||
    /^assets\/hls\.[^/]*\.js$/.test(name) ||
    /^assets\/VrLayer-[^/]*\.js$/.test(name) ||
    name.startsWith(`${XR_PROFILES_FOLDER}/`) ||
    keptWhenFetched.some((folder) => name.startsWith(`${config.build.assetsDir}/${folder}/`))
  const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex')
  const filesUnder = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]))
  let config: ResolvedConfig
  return {
    name: 'cloud-expo:service-worker',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const contentHash = new Map<string, string>()
        const consoleOnly = consoleOnlyFiles(bundle)
        for (const output of Object.values(bundle)) {
          if (!notPrecached(output.fileName) && !consoleOnly.has(output.fileName))
            contentHash.set(output.fileName, sha256(output.type === 'chunk' ? output.code : output.source))
        }
        if (config.publicDir && config.build.copyPublicDir) {
          for (const path of filesUnder(config.publicDir)) {
            const name = relative(config.publicDir, path).split(sep).join('/')
            if (!notPrecached(name)) contentHash.set(name, sha256(readFileSync(path)))
          }
        }
        const names = [...contentHash.keys()].sort()
        const version = sha256(names.map((name) => `${name}\0${contentHash.get(name)}`).join('\n')).slice(0, 16)
        const { base } = config
        // The page is cached as the start URL, which then answers every navigation (any query) offline.
        const urlOf = (name: string) => (name === 'index.html' ? base : `${base}${name}`)
        const header = [
          '// Cloud Expo service worker, generated for this build by serviceWorkerPlugin in vite.config.ts.',
          `const VERSION = ${JSON.stringify(version)}`,
          `const SHELL_URL = ${JSON.stringify(base)}`,
          `const ASSETS_PREFIX = ${JSON.stringify(`${base}${config.build.assetsDir}/`)}`,
          `const PRECACHE = ${JSON.stringify(names.map(urlOf), null, 2)}`,
          `const KEPT_WHEN_FETCHED_PREFIXES = ${JSON.stringify(keptWhenFetched.map((folder) => `${base}${config.build.assetsDir}/${folder}/`))}`,
        ].join('\n')
        const body = readFileSync(join(config.root, 'src/offline/serviceWorker.js'), 'utf8')
        this.emitFile({ type: 'asset', fileName, source: `${header}\n${body}` })
      },
    },
  }
}

/**
 * Writes a brotli (quality 11) and a gzip (level 9) copy beside each text file of the written build, public files
 * included (copied before the bundle is written), for the booking server to send as they are (server/http/compression.ts).
 * After the service worker's list was made (generateBundle), so the copies are never precached.
 */
function precompressPlugin(): Plugin {
  return {
    name: 'cloud-expo:precompress',
    apply: 'build',
    writeBundle: {
      order: 'post',
      sequential: true,
      async handler(options) {
        if (!options.dir) throw new Error('precompression needs an output folder (build.outDir)')
        const files = await precompressFolder(options.dir)
        // a visitor's worker would download every file twice more: the copies are for the server to pick from
        const serviceWorker = join(options.dir, 'sw.js')
        const listed = existsSync(serviceWorker) ? /^const PRECACHE = (\[[^\]]*\])/m.exec(readFileSync(serviceWorker, 'utf8'))?.[1] : undefined
        const copies = listed ? (JSON.parse(listed) as string[]).filter(isPrecompressedCopy) : []
        if (copies.length) throw new Error(`the service worker would precache compressed copies: ${copies.join(', ')}`)
        const sum = (pick: (f: (typeof files)[number]) => number | undefined) => files.reduce((total, f) => total + (pick(f) ?? f.bytes), 0)
        this.info(`precompressed ${files.length} files: ${sum((f) => f.bytes)} B raw, ${sum((f) => f.br)} B brotli, ${sum((f) => f.gzip)} B gzip`)
      },
    },
  }
}
