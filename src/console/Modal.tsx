/** A modal dialog on the native <dialog>: a visible close button, Escape closes it, and focus goes back where it came from. */
import { useEffect, useId, useRef, type ReactNode } from 'react'
import { useT } from './i18n'

interface ModalProps {
  title: string
  onClose(): void
  children: ReactNode
  /** Where focus goes when the element that opened the dialog is gone (its card moved or was answered). */
  fallbackFocus?: () => HTMLElement | null
}

export default function Modal({ title, onClose, children, fallbackFocus }: ModalProps) {
  const t = useT()
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const closeRef = useRef(onClose)
  closeRef.current = onClose
  const fallbackRef = useRef(fallbackFocus)
  fallbackRef.current = fallbackFocus

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null
    const element = dialog.current!
    if (!element.open) element.showModal()
    // showModal focuses the close button; a field marked data-autofocus is where the work starts
    element.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    // Escape: the browser would close the <dialog> behind React's back; let the owner unmount it instead
    const onCancel = (event: Event) => {
      event.preventDefault()
      closeRef.current()
    }
    element.addEventListener('cancel', onCancel)
    return () => {
      element.removeEventListener('cancel', onCancel)
      if (element.open) element.close()
      const target = opener?.isConnected ? opener : fallbackRef.current?.()
      target?.focus()
    }
  }, [])

  return (
    <dialog ref={dialog} className="console-dialog" aria-labelledby={titleId}>
      <div className="console-dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button console-dialog-close" aria-label={t('common.close')} onClick={() => onClose()}>
          ×
        </button>
      </div>
      {children}
    </dialog>
  )
}
