import { describe, expect, it } from 'vitest'
import { buildLinkSearch, describeBadValue, parseLinkParams } from '../../src/state/linkParams'

describe('link parameters', () => {
  it('reads a zone, a booth and a language', () => {
    const link = parseLinkParams('?zone=nev&booth=hefei-some-maker&lang=en')
    expect(link).toMatchObject({ zone: 'nev', booth: 'hefei-some-maker', lang: 'en', debug: false, notices: [] })
  })

  it('ignores an unknown zone with a notice instead of using it', () => {
    const link = parseLinkParams('?zone=moon-base')
    expect(link.zone).toBeUndefined()
    expect(link.notices).toEqual([{ key: 'notice.unknownZone', params: { param: 'zone=moon-base' } }])
  })

  it.each([
    ['zone', '<img src=x onerror=alert(1)>'],
    ['booth', '"><script>alert(1)</script>'],
    ['booth', 'javascript:alert(1)'],
    ['lang', 'en"><svg onload=alert(1)>'],
    ['synthetic', '1e9'],
    ['synthetic', '5'],
    ['synthetic', '4000'],
    ['debug', '<b>'],
  ])('rejects the malicious or out-of-range %s=%s and never echoes markup', (name, value) => {
    const link = parseLinkParams(`?${name}=${encodeURIComponent(value)}`)
    expect(link.notices).toHaveLength(1)
    const echoed = link.notices[0].params?.param ?? ''
    expect(echoed).not.toMatch(/[<>"'()]/)
    expect(echoed.length).toBeLessThanOrEqual(name.length + 25)
    expect((link as unknown as Record<string, unknown>)[name === 'debug' ? 'zone' : name]).toBeUndefined()
  })

  it('accepts synthetic counts from 10 to 3000 only', () => {
    expect(parseLinkParams('?synthetic=10').synthetic).toBe(10)
    expect(parseLinkParams('?synthetic=3000').synthetic).toBe(3000)
    expect(parseLinkParams('?synthetic=9').synthetic).toBeUndefined()
    expect(parseLinkParams('?synthetic=3001').synthetic).toBeUndefined()
  })

  it('takes the empty benchmark scene only together with debug', () => {
    expect(parseLinkParams('?debug=1&scene=empty').emptyScene).toBe(true)
    expect(parseLinkParams('?scene=empty').emptyScene).toBe(false)
  })

  it('shows a bad value without markup characters and cut short', () => {
    expect(describeBadValue('zone', '<b>bold</b>' + 'x'.repeat(50))).toBe('zone=bbold/b' + 'x'.repeat(17))
    expect(describeBadValue('zone', '<<>>')).toBe('zone')
  })

  it('writes where the visitor is, keeps foreign parameters and drops invalid ones of ours', () => {
    const search = buildLinkSearch('?from=singlemessage&zone=bad<&debug=1&synthetic=99999', {
      zone: 'ai',
      booth: 'some-booth',
      lang: 'ko',
    })
    expect(search).toBe('?from=singlemessage&zone=ai&booth=some-booth&lang=ko&debug=1')
  })

  it('leaves out the booth when no panel is open', () => {
    expect(buildLinkSearch('', { zone: 'lobby', booth: null, lang: 'zh-CN' })).toBe('?zone=lobby&lang=zh-CN')
  })

  it('reads a 360° view of a zone, and ignores one of a zone that does not exist with a notice', () => {
    expect(parseLinkParams('?pano=korea-pavilion')).toMatchObject({ pano: 'korea-pavilion', notices: [] })
    const link = parseLinkParams('?pano=%3Cscript%3E')
    expect(link.pano).toBeUndefined()
    expect(link.notices).toEqual([{ key: 'notice.unknownPanorama', params: { param: 'pano=script' } }])
  })

  it('writes the 360° view in place of the zone while the visitor is in it, and the zone again once they leave it', () => {
    const inView = buildLinkSearch('?zone=ai&lang=en', { zone: 'nev', panorama: true, booth: 'some-booth', lang: 'en' })
    expect(inView).toBe('?pano=nev&booth=some-booth&lang=en')
    expect(buildLinkSearch(inView, { zone: 'nev', booth: null, lang: 'en' })).toBe('?zone=nev&lang=en')
  })
})
