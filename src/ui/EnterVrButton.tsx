/** "Enter VR", shown only where the browser offers an immersive session and the hall's VR layer is ready. */
import { useTranslate } from '../i18n/translate'
import { useExpoStore } from '../state/store'
import { enterVr } from '../vr/vrEntry'

export function EnterVrButton({ className, onDone }: { className?: string; onDone?: () => void }) {
  const t = useTranslate()
  const available = useExpoStore((s) => s.vrAvailable && s.view === 'hall' && !s.vrPresenting)
  if (!available) return null
  return (
    <button
      type="button"
      className={className}
      title={t('vr.enterHint')}
      onClick={() => {
        onDone?.()
        void enterVr()
      }}
    >
      {t('vr.enter')}
    </button>
  )
}
