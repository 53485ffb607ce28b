import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'
import { contentPackPlugin } from './scripts/contentPackPlugin'

export default defineConfig({
  // the app's content loader imports the pack's URL from the plugin's virtual module
  plugins: [react(), contentPackPlugin()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/scene/**/*.test.{ts,tsx}', 'tests/server/**/*.test.ts'],
    environment: 'node',
    // building a server app (migrations, content, plugins) takes seconds on a loaded two-core machine
    hookTimeout: 60_000,
    // one real PostgreSQL for the race tests, stopped at the end of the run
    globalSetup: ['tests/helpers/postgresGlobalSetup.ts'],
    // fiber, drei and test-renderer ship CommonJS without an exports map: inline them so one copy of three is used
    server: { deps: { inline: ['@react-three/test-renderer', /@react-three\//] } },
  },
})
