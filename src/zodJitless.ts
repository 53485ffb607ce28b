/**
 * zod, made jitless: it then never probes `new Function`, which `script-src 'self'` blocks and reports as a
 * violation. Object schemas read the setting when they are built, so it must be set before any module defines one:
 * the build resolves every `import … from 'zod'` of the app to this module (vite.config.ts), which configures zod
 * and re-exports it, and main.tsx imports it first as well.
 */
import { z } from 'zod/v4'

z.config({ jitless: true })

export * from 'zod/v4'
