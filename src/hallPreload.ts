/**
 * Starts downloading the 3D hall's chunks as the page's first module runs, before the content is asked for, as the
 * page's preload links do for the content and the panels from the start. Not on a 360° link (`?pano=`),
 * whose view must work without the hall on phones too weak for it, nor in the staff consoles, which never show it.
 * The list is the built page's `<meta name="expo-hall-chunks">` (preloadHall in vite.config.ts); in development there
 * is none and nothing happens.
 */
const chunks = document.querySelector<HTMLMetaElement>('meta[name="expo-hall-chunks"]')?.content.split(' ').filter(Boolean) ?? []
const showsHall = !new URLSearchParams(location.search).has('pano') && !/^\/(exhibitor|organiser)(\/|$)/.test(location.pathname)

if (showsHall) {
  for (const href of chunks) {
    const link = document.createElement('link')
    link.rel = 'modulepreload'
    // as the page's own preload links and the app's import() ask for it, so the one download serves both
    link.crossOrigin = ''
    link.href = href
    document.head.append(link)
  }
}
