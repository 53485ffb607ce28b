/** `npm run db:migrate`: applies the numbered SQL migrations (the server also does this at start). */
import { readConfig } from '../config'
import { openDatabase } from '../db/database'
import { migrate } from '../db/migrate'
import { readRuntimeFile } from '../runtimeFile'
import { runCommand } from './run'

async function main(): Promise<number> {
  const config = readConfig()
  if (!config.databaseUrl && readRuntimeFile(config.dataDir)) {
    console.log('A running server holds the embedded database and migrated it when it started.')
    return 0
  }
  const db = await openDatabase(config)
  try {
    const applied = await migrate(db)
    console.log(applied.length ? `Applied migrations ${applied.join(', ')}` : 'The database is up to date')
    return 0
  } finally {
    await db.close()
  }
}

runCommand(main)
