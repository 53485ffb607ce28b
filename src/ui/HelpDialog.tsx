/** How to move around, in a dialog with a visible close button. */
import { useEffect, useRef } from 'react'
import { useTranslate } from '../i18n/translate'
import { useExpoActions, useExpoStore } from '../state/store'

export default function HelpDialog() {
  const t = useTranslate()
  const open = useExpoStore((s) => s.helpOpen)
  const actions = useExpoActions()
  const closeButton = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!open) return
    const returnTo = document.activeElement as HTMLElement | null
    closeButton.current?.focus()
    return () => returnTo?.focus?.()
  }, [open])
  if (!open) return null
  return (
    <div className="dialog-backdrop" onClick={() => actions.setHelpOpen(false)}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="help-title" onClick={(e) => e.stopPropagation()}>
        <h2 id="help-title">{t('help.title')}</h2>
        <p>{t('help.body1')}</p>
        <p>{t('help.body2')}</p>
        <p>{t('help.body3')}</p>
        <p>{t('help.body4')}</p>
        <p>{t('help.body5')}</p>
        <button ref={closeButton} type="button" onClick={() => actions.setHelpOpen(false)}>
          {t('help.close')}
        </button>
      </div>
    </div>
  )
}
