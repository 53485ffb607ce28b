/**
 * Live screens: the public list the hall reads, an exhibitor's staff setting their own booth's screen, organisers
 * setting the lobby's. Every URL is checked against `STREAM_ORIGINS` here; the table's checks hold the scheme and length.
 * A change reaches every open hall through the event stream (`screens`), and the hall reads the list again.
 */
import type { FastifyRequest } from 'fastify'
import {
  LOBBY_SCREEN,
  checkScreenSource,
  screenSettingsSchema,
  screenSourceBodySchema,
  screensResponseSchema,
  type ScreenSource,
  type ScreenSourceBody,
} from '../../src/live/screens'
import type { AppContext } from '../context'
import { badRequest } from '../http/errors'
import { ChangeSet } from './changes'

interface SourceRow {
  screen_id: string
  hls_url: string | null
  mp4_url: string | null
}

const sourceOf = (row: SourceRow): ScreenSource => ({ ...(row.hls_url ? { hls: row.hls_url } : {}), ...(row.mp4_url ? { mp4: row.mp4_url } : {}) })

export function screenRoutes(ctx: AppContext) {
  const { api, sessions, db, config, content } = ctx
  const allowed = config.streamOrigins

  const read = async (screenId: string) => {
    const { rows } = await db.query<SourceRow>('select screen_id, hls_url, mp4_url from screen_sources where screen_id = $1', [screenId])
    return rows[0] ? sourceOf(rows[0]) : null
  }

  /** Checks, then stores (or removes, when both are null) one screen's source; answers the screen's settings. */
  const write = async (screenId: string, exhibitorId: string | null, staffId: string, body: ScreenSourceBody) => {
    const hls = body.hls?.trim() || null
    const mp4 = body.mp4?.trim() || null
    if ((hls || mp4) && allowed.length === 0) throw badRequest('screens-disabled', 'This server plays no streams: set STREAM_ORIGINS')
    const problems = checkScreenSource({ hls, mp4 }, allowed)
    if (Object.keys(problems).length > 0) throw badRequest('screen-url-invalid', 'A source is not a playable link from an allowed origin', problems)
    await db.transaction(async (tx) => {
      if (!hls && !mp4) await tx.query('delete from screen_sources where screen_id = $1', [screenId])
      else
        await tx.query(
          `insert into screen_sources (screen_id, exhibitor_id, hls_url, mp4_url, updated_by, updated_at)
           values ($1, $2, $3, $4, $5, to_timestamp($6::float8 / 1000))
           on conflict (screen_id) do update set hls_url = excluded.hls_url, mp4_url = excluded.mp4_url, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
          [screenId, exhibitorId, hls, mp4, staffId, ctx.now()],
        )
      // told on commit, to every process's open halls
      const changes = new ChangeSet()
      changes.screen()
      await changes.publish(tx)
    })
    return { source: await read(screenId), allowedOrigins: allowed }
  }

  api.route(
    {
      method: 'GET',
      url: '/api/screens',
      summary: 'Every screen with a live stream or video: the lobby and booths by exhibitor id',
      description: 'Screens not listed show their title card.',
      tags: ['live'],
      auth: 'none',
      responses: { 200: { description: 'By screen id', schema: screensResponseSchema } },
    },
    async ({ reply }) => {
      const { rows } = await db.query<SourceRow>('select screen_id, hls_url, mp4_url from screen_sources order by screen_id')
      // a booth that left the content pack keeps its row but no screen; a source whose origin is no longer allowed would be refused by the page's policy
      const screens = rows
        .filter((row) => row.screen_id === LOBBY_SCREEN || content.exhibitor(row.screen_id))
        .map((row) => ({ screen: row.screen_id, ...sourceOf(row) }))
        .filter((screen) => Object.values(checkScreenSource({ hls: screen.hls ?? null, mp4: screen.mp4 ?? null }, allowed)).length === 0 && (screen.hls || screen.mp4))
      void reply.header('cache-control', 'no-cache')
      return { screens }
    },
  )

  const settingsRoutes = (url: string, who: 'staff' | 'organiser', screenOf: (request: FastifyRequest) => Promise<{ screen: string; exhibitorId: string | null; staffId: string }>) => {
    // the GET and the PUT of one screen differ only in what they do: same address, audience and sign-in
    const place = who === 'staff' ? 'booth' : 'lobby'
    const shared = { url, tags: [who === 'staff' ? 'console' : 'organiser'], auth: who }
    api.route(
      {
        ...shared,
        method: 'GET',
        summary: `The ${place} screen’s source and the allowed origins`,
        responses: { 200: { description: 'The source, or null for the title card', schema: screenSettingsSchema } },
      },
      async ({ request, reply }) => {
        const { screen } = await screenOf(request)
        void reply.header('cache-control', 'no-store')
        return { source: await read(screen), allowedOrigins: allowed }
      },
    )
    api.route(
      {
        ...shared,
        method: 'PUT',
        summary: `Set the ${place} screen’s stream or video (both null: the title card)`,
        body: screenSourceBodySchema,
        responses: {
          200: { description: 'Saved', schema: screenSettingsSchema },
          400: { description: '`screen-url-invalid` (fields name the problem per URL) or `screens-disabled`' },
        },
      },
      async ({ request, body }) => {
        const { screen, exhibitorId, staffId } = await screenOf(request)
        return write(screen, exhibitorId, staffId, body)
      },
    )
  }

  // a booth's staff reach their own screen only: the screen is their session's exhibitor, never a parameter
  settingsRoutes('/api/console/screen', 'staff', async (request) => {
    const staff = await sessions.requireStaff(request)
    return { screen: staff.exhibitorId, exhibitorId: staff.exhibitorId, staffId: staff.id }
  })
  settingsRoutes('/api/organiser/screen', 'organiser', async (request) => {
    const organiser = await sessions.requireOrganiser(request)
    return { screen: LOBBY_SCREEN, exhibitorId: null, staffId: organiser.id }
  })
}
