/** Finds the system Chromium for Playwright, or stops with a message that says how to get one. */
import { existsSync } from 'node:fs'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--ignore-gpu-blocklist',
]

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}. Browser tests use the system Chromium and never download one.\n` +
        `Install it with:  sudo apt-get install -y chromium fonts-noto-cjk\n` +
        `or point CHROMIUM_PATH at an existing Chromium or Chrome binary.`,
    )
  }
  return path
}

export function chromiumLaunchOptions(extraArgs: string[] = []) {
  return { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, ...extraArgs] }
}
