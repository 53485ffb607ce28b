/** The organisers' view: negotiations per venue day by state, table-hours, peak tables and tables in use per hour (read-only), and the lobby's big screen. */
import { useCallback, useEffect, useId, useMemo, useState } from 'react'
import { addDays, dateInZone } from '../booking/timeZones'
import { BOOKING_STATUSES } from '../booking/types'
import { consoleApi, type Overview, type OverviewDay } from './api'
import { useStore } from 'zustand'
import ConsoleHeader from './ConsoleHeader'
import { useConsoleChat } from './consoleChat'
import { formatDateRange, formatIsoDate, timeZoneLabel } from './format'
import { useLanguage, useT } from './i18n'
import { openLiveStream } from './liveStream'
import LanguagePicker from './LanguagePicker'
import ProgrammeEditor from './ProgrammeEditor'
import { useConsoleActions, useConsoleStore } from './store'
import { useNow } from './useNow'
import { ScreenSetting, type ScreenSettingTarget } from './Settings'
import ViewHeading from './ViewHeading'

const DAYS_SHOWN = 14
const LOBBY_SCREEN: ScreenSettingTarget = {
  load: () => consoleApi.lobbyScreen(),
  save: (source) => consoleApi.saveLobbyScreen(source),
  heading: 'screen.lobbyHeading',
  intro: 'screen.lobbyIntro',
  cleared: 'screen.lobbyCleared',
}
const DAY = 86_400_000

type Loaded = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; overview: Overview; first: string }

/** Tables in use as one of five shades: few enough that each keeps readable numbers on it. */
function heatLevel(inUse: number, most: number): number {
  if (inUse <= 0 || most <= 0) return 0
  return Math.max(1, Math.ceil((inUse / most) * 4))
}

export default function OrganiserOverview() {
  const t = useT()
  const language = useLanguage()
  const actions = useConsoleActions()
  const revision = useConsoleStore((s) => s.revision)
  const now = useNow()
  const [offsetDays, setOffsetDays] = useState(0)
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' })
  // the venue's zone comes with the first answer; until then the browser's own day is as good a guess as any
  const [zone, setZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone)
  const first = addDays(dateInZone(zone, now), offsetDays)
  const last = addDays(first, DAYS_SHOWN - 1)

  useEffect(() => openLiveStream({ events: ['overview', 'sessions'], onEvent: (name) => actions.liveEvent(name), onState: (state) => actions.setLive(state) }), [actions])

  useEffect(() => {
    document.title = `${t('overview.heading')} · ${t('organiser.title')}`
  }, [t])

  const load = useCallback(async () => {
    try {
      // a day's padding each side covers any zone's offset: only whole venue days inside [first, last] are shown
      const from = Date.parse(`${first}T00:00:00Z`) - DAY
      const to = Date.parse(`${addDays(first, DAYS_SHOWN)}T00:00:00Z`) + DAY
      const overview = await consoleApi.overview({ from, to })
      setZone(overview.timeZone)
      setLoaded({ status: 'ready', overview, first })
    } catch {
      setLoaded({ status: 'failed' })
    }
  }, [first])

  useEffect(() => {
    setLoaded((current) => (current.status === 'ready' && current.first === first ? current : { status: 'loading' }))
    void load()
  }, [load, first, revision])

  const days = useMemo(() => {
    if (loaded.status !== 'ready') return []
    const byDate = new Map(loaded.overview.days.map((d) => [d.date, d]))
    return Array.from({ length: DAYS_SHOWN }, (_, i) => addDays(first, i)).map((date) => ({ date, day: byDate.get(date) }))
  }, [loaded, first])
  const totals = useMemo(() => {
    const sum = Object.fromEntries(BOOKING_STATUSES.map((s) => [s, 0])) as OverviewDay['counts']
    for (const { day } of days) if (day) for (const s of BOOKING_STATUSES) sum[s] += day.counts[s]
    return sum
  }, [days])
  const most = Math.max(1, ...days.flatMap(({ day }) => day?.byHour ?? [0]))

  return (
    <div className="console">
      <a className="skip-link" href="#console-main">
        {t('common.skipToMain')}
      </a>
      <ConsoleHeader eyebrow={t('app.name')} title={t('organiser.title')}>
        <LanguagePicker className="console-language" hideLabel />
      </ConsoleHeader>
      <main id="console-main" className="console-main organiser-main" tabIndex={-1}>
        <ViewHeading>{t('overview.heading')}</ViewHeading>
        <div className="calendar-toolbar">
          <div className="calendar-nav">
            <button type="button" onClick={() => setOffsetDays((o) => o - DAYS_SHOWN)}>
              <span aria-hidden="true">‹ </span>
              {t('overview.previous')}
            </button>
            <button type="button" onClick={() => setOffsetDays(0)} aria-pressed={offsetDays === 0}>
              {t('overview.today')}
            </button>
            <button type="button" onClick={() => setOffsetDays((o) => o + DAYS_SHOWN)}>
              {t('overview.next')}
              <span aria-hidden="true"> ›</span>
            </button>
          </div>
          <p className="calendar-week" aria-live="polite">
            <strong>{formatDateRange(first, last, language)}</strong>
          </p>
        </div>
        {loaded.status === 'loading' && (
          <p role="status" className="hint">
            {t('common.loading')}
          </p>
        )}
        {loaded.status === 'failed' && (
          <p className="refusal" role="alert">
            {t('overview.loadFailed')}{' '}
            <button type="button" className="button-link" onClick={() => void load()}>
              {t('common.retry')}
            </button>
          </p>
        )}
        {loaded.status === 'ready' && (
          <>
            <p className="hint">{t('overview.timeZone', { zone: timeZoneLabel(loaded.overview.timeZone, language), tables: loaded.overview.tables })}</p>
            <p className="overview-totals">{t('overview.totals', totals)}</p>
            <ol className="overview-days">
              {days.map(({ date, day }) => (
                <li key={date}>
                  <OverviewDayCard date={date} day={day} tables={loaded.overview.tables} most={most} today={date === dateInZone(zone, now)} />
                </li>
              ))}
            </ol>
          </>
        )}
        <div className="settings-grid organiser-screen">
          <ScreenSetting target={LOBBY_SCREEN} />
        </div>
        <ProgrammeEditor venue="lobby" asView={false} />
        <ChatReports />
      </main>
    </div>
  )
}

/** Reported chat messages, words shown so the organiser can judge: hide one from both sides, or keep it. */
function ChatReports() {
  const t = useT()
  const language = useLanguage()
  const client = useConsoleChat()
  const reports = useStore(client.store, (s) => s.reports)
  useEffect(() => {
    void client.loadReports()
  }, [client])
  return (
    <section className="chat-reports" aria-labelledby="chat-reports-heading">
      <h3 id="chat-reports-heading">{t('reports.heading')}</h3>
      {reports?.length === 0 && <p>{t('reports.empty')}</p>}
      <ul>
        {reports?.map((report) => (
          <li key={report.reportId} className="chat-report-item">
            <p className="chat-text">{report.message.text}</p>
            <p className="hint">
              {t('reports.by', { reporter: t(report.reporter === 'visitor' ? 'reports.visitor' : 'reports.staff'), reason: report.reason || '—' })} · {report.exhibitorId} ·{' '}
              {formatIsoDate(new Date(report.at).toISOString().slice(0, 10), language)}
            </p>
            <button type="button" onClick={() => void client.setHidden(report.message.conversationId, report.message.seq, true)}>
              {t('reports.hide')}
            </button>{' '}
            <button type="button" onClick={() => void client.setHidden(report.message.conversationId, report.message.seq, false)}>
              {t('reports.keep')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}

function OverviewDayCard({ date, day, tables, most, today }: { date: string; day?: OverviewDay; tables: number; most: number; today: boolean }) {
  const t = useT()
  const language = useLanguage()
  const headingId = useId()
  const dateLabel = formatIsoDate(date, language)
  const hour = (h: number) => String(h).padStart(2, '0')
  return (
    <section className={`overview-day${day ? '' : ' is-quiet'}${today ? ' is-today' : ''}`} aria-labelledby={headingId} data-date={date}>
      <h3 id={headingId}>
        {dateLabel}
        {today && <span className="calendar-today-mark"> · {t('calendar.todayMark')}</span>}
      </h3>
      {!day ? (
        <p className="calendar-none">{t('overview.quiet')}</p>
      ) : (
        <>
          <dl className="overview-counts" aria-label={t('overview.counts')}>
            {BOOKING_STATUSES.map((status) => (
              <div key={status} className={`overview-count is-${status}`}>
                <dt>{t(`overview.status.${status}`)}</dt>
                <dd>{day.counts[status]}</dd>
              </div>
            ))}
            <div className="overview-count">
              <dt>{t('overview.tableHours')}</dt>
              <dd>{new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(day.tableHours)}</dd>
            </div>
            <div className="overview-count">
              <dt>{t('overview.peak')}</dt>
              <dd>{t('overview.peakValue', { peak: day.peakTables, tables })}</dd>
            </div>
          </dl>
          <table className="heat-strip">
            <caption>{t('overview.byHour', { date: dateLabel })}</caption>
            <thead>
              <tr>
                <th scope="row" className="heat-row-label">
                  {t('overview.hour')}
                </th>
                {day.byHour.map((_, h) => (
                  <th key={h} scope="col" className={h % 6 === 0 ? undefined : 'is-minor'}>
                    <span className="heat-hour">{hour(h)}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row" className="heat-row-label">
                  {t('overview.inUse')}
                </th>
                {day.byHour.map((inUse, h) => (
                  <td key={h} className={`heat-${heatLevel(inUse, most)}`}>
                    <span className="heat-value">{inUse}</span>
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}
