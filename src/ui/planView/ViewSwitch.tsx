/** The switch between the 3D hall and the plan view, for the top bar; hidden on the plan when WebGL cannot draw the hall. */
import { useTranslate } from '../../i18n/translate'
import { useExpoActions, useExpoStore } from '../../state/store'

export default function ViewSwitch({ className = '' }: { className?: string }) {
  const t = useTranslate()
  const view = useExpoStore((s) => s.view)
  const hallAvailable = useExpoStore((s) => s.webgl !== 'unavailable' && s.webgl !== 'lost')
  const actions = useExpoActions()
  if (view === 'plan' && !hallAvailable) return null
  const target = view === 'hall' ? 'plan' : 'hall'
  // One button naming where it goes; it stays mounted across the switch, so keyboard focus stays on it.
  return (
    <button type="button" className={`view-switch ${className}`.trim()} data-view-switch onClick={() => actions.setView(target)}>
      {t(target === 'plan' ? 'planView.showPlan' : 'planView.showHall')}
    </button>
  )
}
