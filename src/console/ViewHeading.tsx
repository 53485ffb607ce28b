/** A view's one h2: it takes focus when the view is opened from the tabs, so screen readers hear where they are. */
import type { ReactNode } from 'react'

export const VIEW_HEADING_ID = 'console-view-heading'

export default function ViewHeading({ children }: { children: ReactNode }) {
  return (
    <h2 id={VIEW_HEADING_ID} className="console-view-heading" tabIndex={-1}>
      {children}
    </h2>
  )
}
