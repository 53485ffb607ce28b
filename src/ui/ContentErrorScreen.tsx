/** Shown instead of a blank hall when the content pack is broken: every problem with file, entry and field. */
import { useTranslate } from '../i18n/translate'
import { useExpoStore } from '../state/store'

export default function ContentErrorScreen() {
  const t = useTranslate()
  const load = useExpoStore((s) => s.load)
  if (load.status !== 'error') return null
  return (
    <main className="content-error" role="alert">
      <h1>{t('error.title')}</h1>
      <p>{t('error.intro')}</p>
      <ul>
        {load.message.split('\n').map((line, i) => (
          <li key={i}>
            <code>{line}</code>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => window.location.reload()}>
        {t('error.reload')}
      </button>
    </main>
  )
}
