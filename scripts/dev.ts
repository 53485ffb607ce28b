/**
 * `npm run dev`: the booking server (embedded database in .data/, restarted when server code changes) and Vite
 * (the app with hot reload, /api proxied to the server), stopped together.
 */
import { spawn, type ChildProcess } from 'node:child_process'

const API_PORT = process.env.API_PORT ?? '8787'
const children: ChildProcess[] = []

function run(name: string, command: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } })
  child.on('exit', (code, signal) => {
    if (stopping) return
    console.error(`${name} stopped (${signal ?? code}); stopping the rest`)
    stop(code ?? 1)
  })
  children.push(child)
}

let stopping = false
function stop(code = 0) {
  if (stopping) return
  stopping = true
  for (const child of children) child.kill('SIGTERM')
  setTimeout(() => process.exit(code), 2000).unref()
}
process.on('SIGINT', () => stop())
process.on('SIGTERM', () => stop())

run('server', process.execPath, ['--import', 'tsx', '--watch-path=server', '--watch-path=src/booking', '--watch-path=src/content', 'server/main.ts'], {
  PORT: API_PORT,
  // links in mails open the app where the developer sees it: through Vite
  PUBLIC_URL: process.env.PUBLIC_URL ?? 'http://127.0.0.1:5173',
  STATIC_DIR: '',
})
run('vite', process.execPath, ['node_modules/vite/bin/vite.js'], { API_PORT })
