/** Server tests' fixtures: a migrated throw-away PGlite database, and the real content pack as the server loads it. */
import { loadServerContent, type ServerContent } from '../../server/content'
import { openDatabase, type Database } from '../../server/db/database'
import { migrate } from '../../server/db/migrate'
import { PACK_DIR } from './realPack'

/** A fresh in-memory database with every migration applied; close it when done. */
export async function migratedMemoryDb(): Promise<Database> {
  const db = await openDatabase({ dataDir: 'memory://' })
  try {
    await migrate(db)
    return db
  } catch (error) {
    await db.close()
    throw error
  }
}

let content: ServerContent | undefined

/** The real content pack (read and validated once per test file; nothing changes it). */
export function realContent(): ServerContent {
  content ??= loadServerContent(PACK_DIR)
  return content
}
