/** An exhibitor's logo beside its name: sized before it loads (no layout shift), decorative (the name says who it is). */
import { useState } from 'react'
import { useExpoStore } from '../state/store'

export default function ExhibitorLogo({ exhibitorId, size, className }: { exhibitorId: string; size: number; className?: string }) {
  const url = useExpoStore((s) => s.pack?.logos?.url(exhibitorId))
  // a logo that fails to load leaves the name alone, not a broken-image icon
  const [failed, setFailed] = useState<string | null>(null)
  if (!url || failed === url) return null
  return (
    <img
      className={`exhibitor-logo${className ? ` ${className}` : ''}`}
      src={url}
      width={size}
      height={size}
      alt=""
      decoding="async"
      // in long lists (the plan view's booths) only the rows scrolled into view fetch theirs
      loading="lazy"
      draggable={false}
      onError={() => setFailed(url)}
    />
  )
}
