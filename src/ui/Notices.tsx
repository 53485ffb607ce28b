/** Small notices (ignored link parameters, confirmations): plain translated text, auto-dismissed. */
import { useEffect } from 'react'
import { displayNoticeParams } from '../i18n/displayText'
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
          {/* every notice's names pass here, wherever they came from: no bidi trick or flood of text reaches the sentence */}
          <span>{t(notice.key as MessageKey, notice.params && displayNoticeParams(notice.params))}</span>
          <button type="button" className="notice-close" aria-label={t('notice.dismiss')} onClick={() => actions.dismissNotice(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
