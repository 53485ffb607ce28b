/**
 * Vite plugin behind `import contentPack from 'virtual:content-pack'` (src/content/loadInBrowser.ts): the content pack
 * folder as one compact file (src/content/packFile.ts). A build emits it as a hashed, immutable asset
 * (`assets/content-<pack>-<hash>.json`), which the service worker precaches with the rest of the build; `npm run dev`
 * serves it freshly packed from the folder on every load and reloads the page when a file of the folder changes.
 */
import { basename, resolve, sep } from 'node:path'
import type { Plugin, ResolvedConfig } from 'vite'
import { readContentPackFiles } from '../server/contentFiles'
import { encodeContentPackFile } from '../src/content/packFormat'

const MODULE_ID = 'virtual:content-pack'
const RESOLVED_ID = `\0${MODULE_ID}`

export function contentPackPlugin(packDir = 'assets/content/wmc2021'): Plugin {
  const packName = basename(packDir)
  let config: ResolvedConfig
  let dir: string
  const pack = () => {
    // Files that do not parse travel in the pack as problems, so the app names them (a build also warns).
    const { files, syntaxProblems } = readContentPackFiles(dir)
    return { source: encodeContentPackFile(files, syntaxProblems), files: Object.keys(files).length, problems: syntaxProblems }
  }
  const devUrl = () => `${config.base}@content-pack/${packName}.json`
  return {
    name: 'cloud-expo:content-pack',
    configResolved(resolved) {
      config = resolved
      dir = resolve(resolved.root, packDir)
    },
    resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : undefined),
    load(id) {
      if (id !== RESOLVED_ID) return undefined
      const { source, files, problems } = pack()
      if (config.command === 'build') {
        for (const problem of problems) this.warn(`content pack: ${problem.file} ${problem.message}`)
        const ref = this.emitFile({ type: 'asset', name: `content-${packName}.json`, source })
        return `export default { url: import.meta.ROLLUP_FILE_URL_${ref}, files: ${files} }`
      }
      return `export default { url: ${JSON.stringify(devUrl())}, files: ${files} }`
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (request.url?.split('?')[0] !== devUrl()) return next()
        response.setHeader('Content-Type', 'application/json; charset=utf-8')
        // An author's edit shows on the next load.
        response.setHeader('Cache-Control', 'no-store')
        response.end(pack().source)
      })
      server.watcher.add(dir)
      server.watcher.on('all', (_event, path) => {
        if (!path.startsWith(dir + sep) || !path.endsWith('.json')) return
        // A file added or removed changes the module's file count; any edit is seen on a reload.
        const module = server.moduleGraph.getModuleById(RESOLVED_ID)
        if (module) server.moduleGraph.invalidateModule(module)
        server.ws.send({ type: 'full-reload' })
      })
    },
  }
}
