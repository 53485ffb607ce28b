/**
 * Which requests are exhibitors' images (logos, product pictures) for the image-bytes line of the bench
 * (scripts/imageBytesBench.ts): a pure rule, tested in tests/unit/imageRequests.test.ts.
 */

const IMAGE_PATH = /\.(svg|png|webp|jpe?g|gif|avif)$/i
/** The app's own icons (manifest, apple-touch) and favicon, wherever the build puts them: the shell's, not the exhibitors'. */
const APP_ICON = /(^\/icons\/)|(\/(favicon|apple-touch-icon)[^/]*$)/

/** An image request of the content: by the path's extension, or anything the page loaded as an image. */
export function isExhibitorImage(request: { url: string; initiatorType: string }): boolean {
  const url = new URL(request.url)
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
  if (APP_ICON.test(url.pathname)) return false
  return IMAGE_PATH.test(url.pathname) || request.initiatorType === 'img' || request.initiatorType === 'image'
}
