/** The right-hand side panel's frame (a bottom sheet on phones): a titled region with a close button. */
import type { ReactNode } from 'react'
import { useTranslate } from '../i18n/translate'

interface SidePanelProps {
  id: string
  title: string
  className?: string
  onClose(): void
  children: ReactNode
}

export default function SidePanel({ id, title, className = '', onClose, children }: SidePanelProps) {
  const t = useTranslate()
  return (
    <aside className={`side-panel ${className}`} aria-labelledby={`${id}-title`}>
      <header className="side-panel-header">
        <div>
          <h2 id={`${id}-title`}>{title}</h2>
        </div>
        <button type="button" className="icon-button" aria-label={t('common.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <div className="side-panel-body">{children}</div>
    </aside>
  )
}
