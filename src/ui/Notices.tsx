/** Small notices (ignored link parameters, confirmations): plain translated text, auto-dismissed. */
import { useEffect } from 'react'
import { useTranslate } from '../i18n/translate'
import type { MessageKey } from '../i18n/messages'
import { useExpoActions, useExpoStore } from '../state/store'

const NOTICE_MS = 8000

export default function Notices() {
  const t = useTranslate()
  const notices = useExpoStore((s) => s.notices)
  const actions = useExpoActions()
  useEffect(() => {
    if (notices.length === 0) return
    const oldest = notices[0]
    const timer = window.setTimeout(() => actions.dismissNotice(oldest.id), NOTICE_MS)
    return () => window.clearTimeout(timer)
  }, [notices, actions])
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.kind}`}>
          <span>{t(notice.key as MessageKey, notice.params)}</span>
          <button type="button" className="notice-close" aria-label={t('notice.dismiss')} onClick={() => actions.dismissNotice(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
