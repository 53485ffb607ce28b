/** The offer of a newer build ("A new version is ready"): stays until the visitor reloads or puts it off, unlike a notice. */
import { useSyncExternalStore } from 'react'
import { useTranslate } from '../i18n/translate'
import { acceptUpdate, currentUpdateOffer, dismissUpdate, subscribeToUpdateOffer } from '../offline/updateOffer'
import './updateBanner.css'

export default function UpdateBanner() {
  const t = useTranslate()
  const offer = useSyncExternalStore(subscribeToUpdateOffer, currentUpdateOffer)
  // The live region is always there, so its text is announced when the offer appears; it never takes the focus.
  return (
    <div className="update-banner-region" role="status" aria-live="polite">
      {offer !== 'none' && (
        <div className="update-banner">
          <p>{offer === 'reloading' ? t('update.reloading') : t('update.ready')}</p>
          {offer === 'ready' && (
            <div className="update-banner-actions">
              <button type="button" className="button-primary" onClick={acceptUpdate}>
                {t('update.reload')}
              </button>
              <button type="button" onClick={dismissUpdate}>
                {t('update.dismiss')}
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  )
}
