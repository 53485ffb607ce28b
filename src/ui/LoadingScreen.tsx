/** The loading screen: real progress of the content files, then of the 3D hall, until its first frame. */
import { useTranslate } from '../i18n/translate'
import { useExpoStore } from '../state/store'

export default function LoadingScreen() {
  const t = useTranslate()
  const load = useExpoStore((s) => s.load)
  const hallReady = useExpoStore((s) => s.hallReady)
  if (hallReady || load.status === 'error') return null
  // Content files count for the first 70 %, building the hall's first frame for the rest.
  const progress = load.status === 'loading' ? Math.round((load.loaded / Math.max(load.total, 1)) * 70) : 85
  const label = load.status === 'loading' ? t('loading.content', { loaded: load.loaded, total: load.total }) : t('loading.hall')
  return (
    <div className="loading-screen">
      <div className="loading-card">
        <h2>{t('loading.title')}</h2>
        <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress}>
          <div className="progress-bar" style={{ width: `${progress}%` }} />
        </div>
        <p>{label}</p>
      </div>
    </div>
  )
}
