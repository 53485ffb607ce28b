/** The bench's image-bytes line counts the content's images and nothing of the shell (scripts/imageRequests.ts). */
import { describe, expect, it } from 'vitest'
import { isExhibitorImage } from '../../scripts/imageRequests'

const at = (path: string, initiatorType = 'other') => ({ url: `http://127.0.0.1:4173${path}`, initiatorType })

describe('isExhibitorImage', () => {
  it('counts logos and product pictures under /assets/, by extension or as loaded by an image', () => {
    expect(isExhibitorImage(at('/assets/logos/hefei-shengmai-intelligence-3f2a.svg'))).toBe(true)
    expect(isExhibitorImage(at('/assets/products/robot-arm-1a2b.webp', 'fetch'))).toBe(true)
    expect(isExhibitorImage(at('/assets/thumb-9c.PNG'))).toBe(true)
    expect(isExhibitorImage(at('/assets/photo.jpeg?v=2'))).toBe(true)
    expect(isExhibitorImage(at('/assets/picture', 'img'))).toBe(true)
  })

  it("leaves out the app's icons and favicon, scripts, content and data URLs", () => {
    expect(isExhibitorImage(at('/assets/favicon-BJEbHHwu.svg', 'img'))).toBe(false)
    expect(isExhibitorImage(at('/icons/icon-192.png'))).toBe(false)
    expect(isExhibitorImage(at('/icons/apple-touch-icon.png'))).toBe(false)
    expect(isExhibitorImage(at('/assets/index-abc.js', 'script'))).toBe(false)
    expect(isExhibitorImage(at('/assets/content-wmc2021-abc.json', 'fetch'))).toBe(false)
    expect(isExhibitorImage({ url: 'data:image/png;base64,AAAA', initiatorType: 'img' })).toBe(false)
  })
})
