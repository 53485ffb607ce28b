/**
 * Vitest global set-up: one throw-away PostgreSQL cluster for the whole run (unless CI already started one and
 * set TEST_DATABASE_URL), its address handed to the test workers, and stopped when the run ends however it ends.
 */
import { postgresUnavailable, startLocalCluster } from './postgres'

export default async function setup() {
  if (process.env.TEST_DATABASE_URL || postgresUnavailable()) return
  const cluster = await startLocalCluster()
  process.env.TEST_DATABASE_URL = cluster.url
  return () => cluster.stop()
}
