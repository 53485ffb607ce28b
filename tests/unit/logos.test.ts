/** Exhibitors' logos: the rules a logo keeps, the invented sample logos, and the pack's check naming file, entry and reason. */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readContentPackDir } from '../../server/content'
import { readContentPackLogos } from '../../server/contentFiles'
import { formatContentProblem } from '../../src/content/load'
import { LOGO_MAX_BYTES, checkLogoSvg, logoFileOf, logoProblems, type LogoRule } from '../../src/content/logoCheck'
import { LOGO_FAMILIES, logoFamilyOf, logoMark, wordMarkOf } from '../../src/content/logoMark'
import { generatedLogoSource, packLogoSource } from '../../src/content/logoSource'
import { decodeContentPackFile } from '../../src/content/packFile'
import { encodeContentPackFile } from '../../src/content/packFormat'
import { generateSyntheticExhibitors } from '../../src/content/synthetic'
import { PACK_DIR, loadRealPack, readPackFiles } from '../helpers/realPack'

const svg = (inner: string, rootAttributes = '') => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"${rootAttributes}>${inner}</svg>`
const rulesOf = (text: string): LogoRule[] => checkLogoSvg(text).map((p) => p.rule)

describe('checkLogoSvg', () => {
  it('accepts a plain logo with shapes, text, a gradient used by #id and a local <use>', () => {
    const logo = svg(
      '<defs><linearGradient id="g"><stop offset="0" stop-color="#f00"/></linearGradient></defs>' +
        '<!-- mark --><rect id="r" width="5" height="5" fill="url(#g)"/><use href="#r" x="5"/><use xlink:href="#r" y="5"/>' +
        '<style>rect { fill: url( #g ) }</style><text x="1" y="9">A &amp; B &#x41;</text>',
      ' xmlns:xlink="http://www.w3.org/1999/xlink"',
    )
    expect(checkLogoSvg(`<?xml version="1.0" encoding="UTF-8"?>\n${logo}\n`)).toEqual([])
    // words that merely look like a scheme are no URL
    expect(checkLogoSvg(svg('<text>Big Data: metadata: onward</text>', ' aria-label="Big Data: Sons" data-x="1"'))).toEqual([])
  })

  it('refuses a logo over 8 KB', () => {
    const logo = svg(`<!--${'x'.repeat(LOGO_MAX_BYTES)}-->`)
    expect(rulesOf(logo)).toEqual(['size'])
    expect(rulesOf(svg(`<!--${'x'.repeat(LOGO_MAX_BYTES - 200)}-->`))).toEqual([])
  })

  it.each([
    ['an unclosed element', svg('<g><rect/>')],
    ['crossed tags', svg('<g><a></g></a>')],
    ['an unquoted attribute', svg('<rect width=5/>')],
    ['a repeated attribute', svg('<rect width="5" width="6"/>')],
    ['an unknown entity', svg('<text>&nbsp;</text>')],
    ['a stray &', svg('<text>A & B</text>')],
    ['a second root element', `${svg('')}<svg/>`],
    ['text outside the root', `hello ${svg('')}`],
    ['a DOCTYPE with an entity', `<!DOCTYPE svg [<!ENTITY x SYSTEM "http://evil.example/x">]>${svg('<text>&x;</text>')}`],
    ['nothing at all', ''],
    ['an HTML document', '<html><body></body></html><p>'],
  ])('refuses what is not well-formed SVG: %s', (_why, text) => {
    expect(rulesOf(text)).toContain('xml')
  })

  it('refuses a root that is not <svg> in the SVG namespace', () => {
    expect(rulesOf('<g xmlns="http://www.w3.org/2000/svg"/>')).toEqual(['svg-root'])
    expect(rulesOf('<svg viewBox="0 0 1 1"/>')).toEqual(['svg-root'])
  })

  it('refuses a <script> element, with or without a prefix', () => {
    expect(rulesOf(svg('<script>alert(1)</script>'))).toEqual(['script'])
    expect(rulesOf(svg('<svg:script xmlns:svg="http://www.w3.org/2000/svg"/>'))).toEqual(['script'])
  })

  it('refuses an event attribute (on…) on any element', () => {
    expect(rulesOf(svg('', ' onload="alert(1)"'))).toEqual(['event-handler'])
    expect(rulesOf(svg('<rect ONCLICK="x()"/>'))).toEqual(['event-handler'])
  })

  it('refuses a <foreignObject>', () => {
    expect(rulesOf(svg('<foreignObject width="5" height="5"><div xmlns="http://www.w3.org/1999/xhtml"/></foreignObject>'))).toEqual(['foreign-object'])
  })

  it.each([
    ['an href to another file', svg('<use href="other.svg#a"/>')],
    ['an xlink:href to a web address', svg('<image xlink:href="https://example.com/a.png"/>', ' xmlns:xlink="http://www.w3.org/1999/xlink"')],
    ['a src', svg('<image src="/a.png"/>')],
    ['an href hidden behind an entity', svg('<use href="&#x68;ttp://x/a.svg#a"/>')],
    ['url() to another file in an attribute', svg('<rect fill="url(other.svg#g)"/>')],
    ['url() in a style attribute', svg(`<rect style="fill: url('https://x/y')"/>`)],
    ['url() in a stylesheet', svg('<style>rect { fill: url(https://x/y) }</style>')],
    ['@import in a stylesheet', svg('<style>@import "https://x/y.css";</style>')],
    ['@import in CDATA', svg('<style><![CDATA[ @import url(#a); ]]></style>')],
    ['@import behind an entity', svg('<style>&#64;import "x.css";</style>')],
  ])('refuses an external reference: %s', (_why, text) => {
    expect(rulesOf(text)).toEqual(['external-reference'])
  })

  it.each([
    ['an href', svg('<image href="data:image/png;base64,AAAA"/>')],
    ['url()', svg('<rect fill="url(data:image/svg+xml,abc)"/>')],
    ['a stylesheet', svg('<style>rect { background: url("data:image/png;base64,AA") }</style>')],
  ])('refuses a data: URL in %s', (_why, text) => {
    expect(rulesOf(text)).toEqual(['data-url'])
  })
})

describe('logoMark, the invented sample logos', () => {
  const name = { 'zh-CN': '合肥示例科技有限公司', en: 'Hefei Shili Technology Co., Ltd.' }

  it('gives the same bytes for the same id and name, and another logo for another name', () => {
    expect(logoMark('hefei-shili', name)).toBe(logoMark('hefei-shili', { ...name }))
    expect(logoMark('hefei-shili', name)).not.toBe(logoMark('hefei-shili', { ...name, en: 'Hefei Shilu Technology Co., Ltd.' }))
  })

  it('draws a short word mark from the name, not its city or legal form', () => {
    expect(wordMarkOf(name)).toBe('SHILI')
    expect(wordMarkOf({ 'zh-CN': '', en: "Lu'an Pianxiang Tea Co., Ltd." })).toBe('PIANXIANG')
    expect(wordMarkOf({ 'zh-CN': '', en: 'Anhui Lǜmu Dairy Co., Ltd.' })).toBe('LUMU')
    expect(logoMark('hefei-shili', name)).toContain('>SHILI</text>')
  })

  it('makes logos that keep every rule, across every shape family and hundreds of names', () => {
    const families = new Set<string>()
    for (const exhibitor of generateSyntheticExhibitors(400, loadRealPack().zones)) {
      const logo = logoMark(exhibitor.id, exhibitor.name)
      expect(checkLogoSvg(logo), exhibitor.id).toEqual([])
      families.add(logoFamilyOf(exhibitor.name))
    }
    expect([...families].sort()).toEqual(Object.keys(LOGO_FAMILIES).sort())
    // names that need escaping stay well-formed
    expect(checkLogoSvg(logoMark('x', { 'zh-CN': '<&>', en: 'A "<Quoted> & Sons" Ltd.' }))).toEqual([])
  })

  it('uses several shape families and colours across the sample pack', () => {
    const exhibitors = loadRealPack().exhibitors
    const logos = exhibitors.map((e) => logoMark(e.id, e.name))
    const shapes = new Set(exhibitors.map((e) => logoFamilyOf(e.name)))
    const colours = new Set(logos.map((l) => /fill="(#[0-9a-f]{6})"|stroke="(#[0-9a-f]{6})"/.exec(l)?.slice(1).find(Boolean)))
    expect(shapes.size).toBeGreaterThanOrEqual(6)
    expect(colours.size).toBeGreaterThan(100)
  })
})

describe('the sample pack’s logos', () => {
  it('gives every exhibitor its logo, keeping every rule, written by npm run logos as it would write them now', () => {
    const logos = readContentPackLogos(PACK_DIR)
    const pack = loadRealPack()
    expect(logoProblems(readPackFiles(), logos)).toEqual([])
    for (const exhibitor of pack.exhibitors) expect(logos[logoFileOf(exhibitor.id)], exhibitor.id).toBe(logoMark(exhibitor.id, exhibitor.name))
    expect(Object.keys(logos)).toHaveLength(pack.exhibitors.length)
  })
})

describe('the pack check on logos (content:check)', () => {
  const dirs: string[] = []
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'logos-'))
    dirs.push(dir)
    cpSync(PACK_DIR, dir, { recursive: true })
    return dir
  }
  const firstAi = () => (readPackFiles()['exhibitors/ai.json'] as { id: string }[])[0].id

  it('names the logo file, the exhibitor entry and the reason', () => {
    const dir = copy()
    const id = firstAi()
    writeFileSync(join(dir, logoFileOf(id)), svg('<rect onclick="steal()"/>'))
    const { result } = readContentPackDir(dir)
    expect(result.ok).toBe(false)
    expect(result.ok ? [] : result.problems.map(formatContentProblem)).toEqual([
      `logos/${id}.svg › exhibitors/ai.json #0 "${id}": <rect> has the event attribute onclick`,
    ])
  })

  it('names an exhibitor whose logo is missing, and a logo no exhibitor owns', () => {
    const files = readPackFiles()
    const logos = readContentPackLogos(PACK_DIR)
    const id = firstAi()
    delete logos[logoFileOf(id)]
    logos['logos/nobody.svg'] = svg('')
    expect(logoProblems(files, logos).map(formatContentProblem)).toEqual([
      `logos/${id}.svg › exhibitors/ai.json #0 "${id}": is missing: every exhibitor needs its logo (\`npm run logos\` makes one for sample exhibitors)`,
      'logos/nobody.svg › (file): no exhibitor has the id "nobody"',
    ])
  })

  it('fails npm run content:check with the line, and passes the sample pack', () => {
    const dir = copy()
    const id = firstAi()
    writeFileSync(join(dir, logoFileOf(id)), svg('<script>alert(1)</script>'))
    const bad = spawnSync('npx', ['tsx', 'scripts/content-check.ts', dir], { encoding: 'utf8' })
    expect(bad.status).toBe(1)
    expect(bad.stderr).toContain(`logos/${id}.svg › exhibitors/ai.json #0 "${id}": contains a <script> element`)
    const good = spawnSync('npx', ['tsx', 'scripts/content-check.ts', PACK_DIR], { encoding: 'utf8' })
    expect(good.status, good.stderr).toBe(0)
  }, 60_000)
})

describe('where the app finds logos', () => {
  it('resolves the pack download’s logo addresses against the pack’s own, and drops any that leave it', () => {
    const pack = JSON.parse(
      encodeContentPackFile({ 'event.json': {} }, [], {
        good: 'logos/good-1a2b.svg',
        dev: 'wmc2021/logos/dev.svg?v=1a2b',
        away: 'https://evil.example/x.svg',
        up: '../../api/console/me',
        script: 'logos/x.svg.js',
        scheme: 'javascript:alert(1)//.svg',
      }),
    ) as { logos: unknown }
    const source = packLogoSource(pack.logos, 'https://expo.example/assets/content-wmc2021-abc.json')
    expect(source.url('good')).toBe('https://expo.example/assets/logos/good-1a2b.svg')
    expect(source.url('dev')).toBe('https://expo.example/assets/wmc2021/logos/dev.svg?v=1a2b')
    for (const id of ['away', 'up', 'script', 'scheme', 'nobody']) expect(source.url(id), id).toBeUndefined()
    expect(packLogoSource('not a map', 'https://expo.example/p.json').url('good')).toBeUndefined()
  })

  it('gives the decoded pack its logos, and keeps the logos themselves out of the pack’s bytes', () => {
    const files = readPackFiles()
    const id = loadRealPack().exhibitors[0].id
    const text = encodeContentPackFile(files, [], { [id]: `logos/${id}-00ff.svg` })
    expect(text).not.toContain('<svg')
    const result = decodeContentPackFile(text, 'pack.json', 'http://127.0.0.1:4173/assets/content-wmc2021-x.json')
    expect(result.ok && result.pack.logos?.url(id)).toBe(`http://127.0.0.1:4173/assets/logos/${id}-00ff.svg`)
  })

  it('invents a synthetic hall’s logos on first use, as data: URLs of the same generator', () => {
    const exhibitors = generateSyntheticExhibitors(20, loadRealPack().zones)
    const source = generatedLogoSource(exhibitors)
    const url = source.url(exhibitors[3].id)!
    expect(decodeURIComponent(url.replace('data:image/svg+xml;charset=utf-8,', ''))).toBe(logoMark(exhibitors[3].id, exhibitors[3].name))
    expect(source.url(exhibitors[3].id)).toBe(url)
    expect(source.url('not-there')).toBeUndefined()
  })
})
