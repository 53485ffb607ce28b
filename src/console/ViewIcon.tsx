/** Small line icons for the console's tabs: drawn here so no icon font or network request is needed. */
import type { ConsoleView } from './store'

const PATHS: Record<ConsoleView, string> = {
  inbox: 'M3 13h5l1.5 3h5L16 13h5M5 5h14l2 8v6H3v-6z',
  messages: 'M4 5h16v11H9l-5 4z',
  calendar: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5',
  hours: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 7v5l3 3',
  programme: 'M4 5h16v11H4zM9 20h6M12 16v4M10 8.5v4l3.5-2z',
  settings: 'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM3 20c0-3.5 2.7-6 6-6s6 2.5 6 6M17 11a2.5 2.5 0 1 0 0-5M18 14c2 .6 3 2.6 3 5',
}

export function ViewIcon({ view }: { view: ConsoleView }) {
  return (
    <svg className="console-tab-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path d={PATHS[view]} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}
