/**
 * Vite plugin behind `import contentPack from 'virtual:content-pack'` (src/content/loadInBrowser.ts): the content pack
 * folder as one compact file (src/content/packFile.ts). A build emits it as a hashed, immutable asset
 * (`assets/content-<pack>-<hash>.json`), which the service worker precaches with the rest of the build; `npm run dev`
 * serves it freshly packed from the folder on every load and reloads the page when a file of the folder changes.
 *
 * Each exhibitor's logo (`logos/<id>.svg`) is a file of its own, never in the pack's bytes nor precached: the build
 * emits it hashed (`assets/logos/<id>-<hash>.svg`), dev serves it from the folder, and the pack names its address.
 * A logo that breaks the logo rules (src/content/logoCheck.ts) is left out (the build warns; content:check fails).
 */
import { createHash } from 'node:crypto'
import { basename, resolve, sep } from 'node:path'
import type { Plugin, ResolvedConfig } from 'vite'
import { readContentPackFiles, readContentPackLogos } from '../server/contentFiles'
import { checkLogoSvg } from '../src/content/logoCheck'
import { encodeContentPackFile } from '../src/content/packFormat'

/** The build's folder of logos; the service worker keeps a logo once fetched instead of precaching them all. */
export const LOGO_ASSETS_FOLDER = 'logos'

interface ShippedLogo {
  exhibitorId: string
  source: string
  hash: string
}

/** The folder's logos that keep the rules, with a hash of each; `warn` hears of every one left out. */
function shippableLogos(dir: string, warn: (message: string) => void): ShippedLogo[] {
  const logos: ShippedLogo[] = []
  for (const [file, source] of Object.entries(readContentPackLogos(dir))) {
    const exhibitorId = file.replace(/^logos\//, '').replace(/\.svg$/, '')
    const problems = checkLogoSvg(source)
    if (!/^[a-z0-9-]+$/.test(exhibitorId)) warn(`content pack: ${file} is not named after an exhibitor id; left out`)
    else if (problems.length > 0) warn(`content pack: ${file} ${problems.map((p) => p.message).join('; ')}; left out`)
    else logos.push({ exhibitorId, source, hash: createHash('sha256').update(source).digest('hex').slice(0, 10) })
  }
  return logos
}

const MODULE_ID = 'virtual:content-pack'
const RESOLVED_ID = `\0${MODULE_ID}`

export function contentPackPlugin(packDir = 'assets/content/wmc2021'): Plugin {
  const packName = basename(packDir)
  let config: ResolvedConfig
  let dir: string
  const pack = (logoAddresses: Record<string, string>) => {
    // Files that do not parse travel in the pack as problems, so the app names them (a build also warns).
    const { files, syntaxProblems } = readContentPackFiles(dir)
    return { source: encodeContentPackFile(files, syntaxProblems, logoAddresses), files: Object.keys(files).length, problems: syntaxProblems }
  }
  const devUrl = () => `${config.base}@content-pack/${packName}.json`
  // in dev the logos are served beside the pack: `/@content-pack/<pack>/logos/<id>.svg`, a query naming their content
  const devLogoPrefix = () => `${config.base}@content-pack/${packName}/logos/`
  const devPack = () => {
    const logos = shippableLogos(dir, (message) => config.logger.warn(message))
    return pack(Object.fromEntries(logos.map((l) => [l.exhibitorId, `${packName}/logos/${l.exhibitorId}.svg?v=${l.hash}`]))).source
  }
  return {
    name: 'cloud-expo:content-pack',
    configResolved(resolved) {
      config = resolved
      dir = resolve(resolved.root, packDir)
    },
    resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : undefined),
    load(id) {
      if (id !== RESOLVED_ID) return undefined
      if (config.command === 'build') {
        const logos = shippableLogos(dir, (message) => this.warn(message))
        const addresses: Record<string, string> = {}
        for (const logo of logos) {
          // named by this plugin, not by the bundler, so the pack (emitted below) can already hold each address
          const fileName = `${config.build.assetsDir}/${LOGO_ASSETS_FOLDER}/${logo.exhibitorId}-${logo.hash}.svg`
          this.emitFile({ type: 'asset', fileName, source: logo.source })
          addresses[logo.exhibitorId] = `${LOGO_ASSETS_FOLDER}/${logo.exhibitorId}-${logo.hash}.svg`
        }
        const { source, files, problems } = pack(addresses)
        for (const problem of problems) this.warn(`content pack: ${problem.file} ${problem.message}`)
        // the pack lands in assetsDir too, so the logos' addresses are relative to that folder
        const ref = this.emitFile({ type: 'asset', name: `content-${packName}.json`, source })
        return `export default { url: import.meta.ROLLUP_FILE_URL_${ref}, files: ${files} }`
      }
      const files = Object.keys(readContentPackFiles(dir).files).length
      return `export default { url: ${JSON.stringify(devUrl())}, files: ${files} }`
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = request.url?.split('?')[0] ?? ''
        if (path.startsWith(devLogoPrefix())) {
          const exhibitorId = path.slice(devLogoPrefix().length).replace(/\.svg$/, '')
          const logo = shippableLogos(dir, () => undefined).find((l) => l.exhibitorId === exhibitorId)
          if (!logo) return next()
          response.setHeader('Content-Type', 'image/svg+xml; charset=utf-8')
          response.setHeader('Cache-Control', 'no-store')
          return response.end(logo.source)
        }
        if (path !== devUrl()) return next()
        response.setHeader('Content-Type', 'application/json; charset=utf-8')
        // An author's edit shows on the next load.
        response.setHeader('Cache-Control', 'no-store')
        response.end(devPack())
      })
      server.watcher.add(dir)
      server.watcher.on('all', (_event, path) => {
        if (!path.startsWith(dir + sep) || !(path.endsWith('.json') || path.endsWith('.svg'))) return
        // A file added or removed changes the module's file count; any edit is seen on a reload.
        const module = server.moduleGraph.getModuleById(RESOLVED_ID)
        if (module) server.moduleGraph.invalidateModule(module)
        server.ws.send({ type: 'full-reload' })
      })
    },
  }
}
