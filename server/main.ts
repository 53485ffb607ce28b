/** Starts the server: reads the environment, opens and migrates the database, listens, and stops cleanly on SIGTERM. */
import { randomBytes } from 'node:crypto'
import { buildApp } from './app'
import { ConfigError, readConfig } from './config'
import { ContentPackError } from './content'
import { openDatabase } from './db/database'
import { migrate } from './db/migrate'
import { writeRuntimeFile } from './runtimeFile'

async function main() {
  const config = readConfig()
  const db = await openDatabase(config)
  const applied = await migrate(db)
  const adminToken = randomBytes(32).toString('base64url')
  const server = await buildApp({ config, db, adminToken })
  const address = await server.app.listen({ host: config.host, port: config.port })
  const removeRuntimeFile = db.kind === 'pglite' && config.dataDir !== 'memory://' ? writeRuntimeFile(config.dataDir, { pid: process.pid, url: address, adminToken }) : () => undefined
  const where = db.kind === 'pglite' ? `embedded PostgreSQL (PGlite) in ${config.dataDir}` : 'PostgreSQL at DATABASE_URL'
  console.log(`Cloud Expo server on ${address} · ${where}${applied.length ? ` · migrations ${applied.join(', ')} applied` : ''}${config.staticDir && server.servesApp ? ' · serving the built app' : ''}`)
  if (!config.smtpUrl) console.log(`Mail goes to the development outbox (${config.dataDir === 'memory://' ? 'in memory' : `${config.dataDir}/outbox`}); set SMTP_URL to send it`)

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`${signal}: finishing open requests, then stopping`)
    removeRuntimeFile()
    await server.close()
    await db.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof ContentPackError) console.error(error.message)
  else console.error(error)
  process.exit(1)
})
