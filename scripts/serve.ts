/** Shared by the benchmark and the screenshot script: build once, serve with `vite preview`, drive system Chromium. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium, type Browser } from '@playwright/test'
import { chromiumLaunchOptions } from '../tests/helpers/chromium'

export function build() {
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' })
  if (result.status !== 0) throw new Error('vite build failed')
}

export async function preview(port: number): Promise<{ url: string; stop: () => void }> {
  if (!existsSync('dist/index.html')) build()
  const server: ChildProcess = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    stdio: 'ignore',
    detached: true,
  })
  const url = `http://127.0.0.1:${port}`
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(url)).ok) break
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
  return { url, stop: () => process.kill(-server.pid!, 'SIGTERM') }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ ...chromiumLaunchOptions(), headless: true })
}
