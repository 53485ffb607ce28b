/**
 * Imported first by the entry: zod then never probes `new Function`, which `script-src 'self'` blocks and reports
 * as a violation. Object schemas read the setting when they are built, so this must run before any module defines one.
 */
import { z } from 'zod'

z.config({ jitless: true })
