/**
 * Browser tests: system Chromium (never a downloaded one). Two apps are served: the static build alone
 * (`vite preview`, where bookings stay on the device) and the booking server with the built app over a fresh
 * embedded database (tests/e2e/server/).
 */
import { defineConfig } from '@playwright/test'
import { chromiumLaunchOptions } from './tests/helpers/chromium'
import { E2E_SERVER_DATA_DIR, E2E_SERVER_PORT, E2E_STREAM_ORIGIN } from './tests/helpers/e2eServer'

const port = Number(process.env.E2E_PORT ?? 4173)
// Another build folder (E2E_DIST), ports and data folder let two checkouts' or two people's runs share a machine.
const dist = process.env.E2E_DIST ?? 'dist'

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  expect: {
    timeout: 20_000,
    // The look's stored pictures (tests/e2e/look.spec.ts), in one readable folder and named by view: CI draws with the
    // same Debian Chromium and SwiftShader, so there is one reference per view, not one per platform.
    toHaveScreenshot: { pathTemplate: '{testDir}/look-references/{arg}{ext}' },
  },
  fullyParallel: false,
  // Two cores and a software GPU: one worker keeps SwiftShader from starving the tests.
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1366, height: 820 },
    launchOptions: chromiumLaunchOptions(),
    trace: 'off',
  },
  projects: [
    { name: 'static', testIgnore: 'server/**', use: { baseURL: `http://127.0.0.1:${port}` } },
    { name: 'server', testMatch: 'server/**/*.spec.ts', use: { baseURL: `http://127.0.0.1:${E2E_SERVER_PORT}` } },
  ],
  webServer: [
    {
      command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${dist}`,
      url: `http://127.0.0.1:${port}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // a fresh embedded database each run; rate limits off because every test browser comes from 127.0.0.1; screens
      // play from the loopback stream host tests/e2e/server/screens.spec.ts starts
      command: `rm -rf ${E2E_SERVER_DATA_DIR} && node --import tsx server/main.ts`,
      url: `http://127.0.0.1:${E2E_SERVER_PORT}/api/health`,
      env: { PORT: String(E2E_SERVER_PORT), DATA_DIR: E2E_SERVER_DATA_DIR, STATIC_DIR: dist, RATE_LIMITS: 'off', LOG_LEVEL: 'warn', SWEEP_INTERVAL_MS: '2000', STREAM_ORIGINS: E2E_STREAM_ORIGIN },
      reuseExistingServer: !process.env.CI,
      timeout: 90_000,
    },
  ],
})
