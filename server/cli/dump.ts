/**
 * `npm run db:dump [-- backup.sql]`: a plain-SQL backup of the database that `psql -f backup.sql` restores into any
 * PostgreSQL (also how to move from the embedded database to a server). With DATABASE_URL it runs pg_dump.
 */
import { writeFileSync } from 'node:fs'
import { readConfig } from '../config'
import { openDatabase } from '../db/database'
import { readRuntimeFile } from '../runtimeFile'
import { runCommand } from './run'

async function main(): Promise<number> {
  const target = process.argv[2] ?? `cloud-expo-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.sql`
  const config = readConfig()
  const running = config.databaseUrl ? undefined : readRuntimeFile(config.dataDir)
  let sql: string
  if (running) {
    const response = await fetch(`${running.url}/api/admin/dump`, { headers: { authorization: `Bearer ${running.adminToken}` } })
    if (!response.ok) throw new Error(`The running server refused the dump (${response.status})`)
    sql = await response.text()
  } else {
    const db = await openDatabase(config)
    try {
      sql = await db.dumpSql()
    } finally {
      await db.close()
    }
  }
  writeFileSync(target, sql)
  console.log(`Wrote ${target} (${(Buffer.byteLength(sql) / 1024).toFixed(1)} KB of SQL). Restore with: psql "$DATABASE_URL" -f ${target}`)
  return 0
}

runCommand(main)
