import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1', strictPort: true },
  build: {
    target: 'es2022',
    // The benchmark reads the manifest to tell the initial JS from the lazily loaded chunks.
    manifest: true,
    // Content JSON stays a real file even when small, so it is fetched, cached and reported by name.
    assetsInlineLimit: (filePath: string) => (filePath.endsWith('.json') ? false : undefined),
    chunkSizeWarningLimit: 1500,
  },
})
