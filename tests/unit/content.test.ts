import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, expectTypeOf, it } from 'vitest'
import {
  formatContentProblem,
  validateContentPack,
  type ContentPackResult,
  type ContentProblem,
} from '../../src/content/load'
import {
  EXHIBITING_ZONE_IDS,
  LANGUAGES,
  PRODUCT_KINDS,
  PRODUCT_SCALE,
  TEXT_LIMITS,
  ZONE_IDS,
  exhibitorSchema,
  type ContentPack,
  type CuratedRoute,
  type ZoneId,
} from '../../src/content/schema'
import { generateSyntheticExhibitors } from '../../src/content/synthetic'
import { PACK_DIR, readPackFiles } from '../helpers/realPack'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

const REAL_FILES = readPackFiles(PACK_DIR)
/** A deep copy of the real pack's files, to break one thing at a time. */
const copyOfPack = (): Record<string, any> => structuredClone(REAL_FILES)

function realPack(): ContentPack {
  const result = validateContentPack(REAL_FILES)
  if (!result.ok) throw new Error(result.problems.map(formatContentProblem).join('\n'))
  return result.pack
}

function problemsOf(result: ContentPackResult): ContentProblem[] {
  expect(result.ok).toBe(false)
  return result.ok ? [] : result.problems
}

describe('the wmc2021 content pack', () => {
  it('validates against the schema and the cross-file rules', () => {
    const result = validateContentPack(REAL_FILES)
    expect(result.ok ? [] : result.problems.map(formatContentProblem)).toEqual([])
  })

  it('lists all 15 zones in ZONE_IDS order, each named in Chinese, English and Korean', () => {
    const { zones } = realPack()
    expect(zones.map((z) => z.id)).toEqual([...ZONE_IDS])
    for (const zone of zones) for (const lang of LANGUAGES) expect(zone.name[lang], `${zone.id} ${lang}`).toMatch(/\S/)
    expect(new Set(zones.map((z) => z.colour.toLowerCase())).size).toBe(zones.length)
  })

  it('features the six cube zones', () => {
    const featured = realPack().zones.filter((z) => z.featured).map((z) => z.id)
    expect(featured.sort()).toEqual(['ai', 'high-end-equipment', 'life-health', 'nev', 'new-energy', 'next-gen-it'])
  })

  it('has at least 150 exhibitors and at least 6 in every exhibiting zone, all marked as sample data', () => {
    const { exhibitors } = realPack()
    expect(exhibitors.length).toBeGreaterThanOrEqual(150)
    for (const zone of EXHIBITING_ZONE_IDS) {
      expect(exhibitors.filter((e) => e.zone === zone).length, zone).toBeGreaterThanOrEqual(6)
    }
    expect(exhibitors.every((e) => e.sample)).toBe(true)
  })

  it('gives every exhibitor a unique, URL-safe id and an e-mail address at a reserved example domain', () => {
    const { exhibitors } = realPack()
    const ids = exhibitors.map((e) => e.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(encodeURIComponent(id)).toBe(id)
    for (const e of exhibitors) expect(e.contact.email, e.id).toMatch(/@([a-z0-9-]+\.)*example\.(com|net|org)$/)
  })

  it('gives Korea pavilion exhibitors Korean names and Seoul office hours', () => {
    const korea = realPack().exhibitors.filter((e) => e.zone === 'korea-pavilion')
    for (const e of korea) {
      expect(e.name.ko, e.id).toMatch(/[\uac00-\ud7a3]/)
      expect(e.country).toBe('KR')
      expect(e.availability.timeZone).toBe('Asia/Seoul')
    }
  })

  it('splits the YRD area into Shanghai, Jiangsu and Zhejiang sections', () => {
    const yrd = realPack().exhibitors.filter((e) => e.zone === 'yrd')
    const country = { shanghai: 'CN-SH', jiangsu: 'CN-JS', zhejiang: 'CN-ZJ' } as const
    for (const [section, code] of Object.entries(country)) {
      const inSection = yrd.filter((e) => e.section === section)
      expect(inSection.length, section).toBeGreaterThanOrEqual(3)
      expect(inSection.every((e) => e.country === code)).toBe(true)
    }
    expect(yrd.every((e) => e.section && e.section in country)).toBe(true)
  })

  it('covers the five NEV chain links and has a Hongqiao Pinhui corner', () => {
    const { exhibitors } = realPack()
    const nevText = exhibitors.filter((e) => e.zone === 'nev').map((e) => e.description['zh-CN']).join('\n')
    for (const link of ['整车集成', '智能网联', '动力电池', '电驱电控', '氢燃料电池']) expect(nevText).toContain(link)
    expect(exhibitors.filter((e) => e.section === 'hongqiao-pinhui').length).toBeGreaterThanOrEqual(3)
  })

  it("shows the convention's real results: 703 projects worth 5821.8 亿元, each number found in its quote", () => {
    const { results } = realPack()
    const value = (id: string) => results.figures.find((f) => f.id === id)?.value
    expect(value('projects-total')).toBe(703)
    expect(value('investment-total')).toBe(5821.8)
    for (const f of results.figures) expect(f.quote, f.id).toContain(String(f.value))
    expect(results.highlights.length).toBeGreaterThanOrEqual(4)
  })
})

describe('the curated routes of the wmc2021 pack', () => {
  const pack = realPack()
  const exhibitorById = new Map(pack.exhibitors.map((e) => [e.id, e]))
  const route = (id: string) => {
    const found = pack.routes.find((r) => r.id === id)
    if (!found) throw new Error(`no curated route "${id}"`)
    return found
  }
  const boothsOf = (r: CuratedRoute) =>
    r.stops.flatMap((s) => (s.kind === 'booth' ? [exhibitorById.get(s.exhibitorId)!] : []))

  it('stops have exactly the shape of a visitor route stop', () => {
    expectTypeOf<CuratedRoute['stops'][number]>().toEqualTypeOf<
      { kind: 'booth'; exhibitorId: string } | { kind: 'zone'; zoneId: ZoneId }
    >()
  })

  it('ships at least five routes in file order, each titled and described in Chinese, English and Korean', () => {
    expect(pack.routes.length).toBeGreaterThanOrEqual(5)
    expect(pack.routes.map((r) => r.id)).toEqual((REAL_FILES['routes.json'] as { id: string }[]).map((r) => r.id))
    for (const r of pack.routes) {
      for (const text of [r.title, r.description]) {
        expect(text['zh-CN'], r.id).toMatch(/[\u4e00-\u9fff]/)
        expect(text.en, r.id).toMatch(/^[\x20-\x7e]+$/)
        expect(text.ko, r.id).toMatch(/[\uac00-\ud7a3]/)
      }
    }
  })

  it('resolves every stop to a booth or a zone of the pack, each once per route', () => {
    const ids = pack.routes.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const r of pack.routes) {
      expect(encodeURIComponent(r.id)).toBe(r.id)
      const keys = r.stops.map((s) => (s.kind === 'booth' ? `booth:${s.exhibitorId}` : `zone:${s.zoneId}`))
      expect(new Set(keys).size, r.id).toBe(keys.length)
      for (const s of r.stops) {
        if (s.kind === 'booth') expect(exhibitorById.has(s.exhibitorId), `${r.id} → ${s.exhibitorId}`).toBe(true)
        else expect(pack.zones.map((z) => z.id), r.id).toContain(s.zoneId)
      }
    }
  })

  it('walks the NEV chain with one booth in each of its five links', () => {
    const nev = route('nev-industry-chain')
    expect(nev.stops.length).toBeGreaterThanOrEqual(5)
    expect(nev.stops.length).toBeLessThanOrEqual(7)
    const links = boothsOf(nev).filter((e) => e.zone === 'nev').map((e) => e.section)
    expect(links.sort()).toEqual(['electric-drive', 'hydrogen-fuel-cell', 'intelligent-connected', 'power-battery', 'vehicle-integration'])
  })

  it('gives each themed route the booths of its theme', () => {
    const chips = route('chips-and-new-displays')
    expect(chips.stops.length).toBeGreaterThanOrEqual(6)
    expect(chips.stops.length).toBeLessThanOrEqual(8)
    expect(boothsOf(chips).every((e) => e.zone === 'next-gen-it')).toBe(true)

    const korea = route('korea-pavilion-culture-week')
    expect(korea.stops.length).toBeGreaterThanOrEqual(5)
    expect(korea.stops.length).toBeLessThanOrEqual(7)
    expect(boothsOf(korea).every((e) => e.zone === 'korea-pavilion')).toBe(true)
    expect(boothsOf(korea).some((e) => e.section === 'culture-week')).toBe(true)

    const yrd = route('yrd-integration-tour')
    expect(yrd.stops.length).toBeGreaterThanOrEqual(6)
    expect(yrd.stops.length).toBeLessThanOrEqual(9)
    expect(new Set(boothsOf(yrd).map((e) => e.section))).toEqual(new Set(['shanghai', 'jiangsu', 'zhejiang']))

    const imported = route('imported-goods')
    expect(imported.stops.length).toBeGreaterThanOrEqual(5)
    expect(imported.stops.length).toBeLessThanOrEqual(8)
    expect(new Set(boothsOf(imported).map((e) => e.section))).toEqual(new Set(['ciie', 'hongqiao-pinhui']))
  })

  it('cites only figures of the results press release', () => {
    const figures = new Set(pack.results.figures.map((f) => f.value))
    for (const r of pack.routes) {
      const zh = [...r.description['zh-CN'].matchAll(/(\d+(?:\.\d+)?)(?=个|亿|多家)/g)].map((m) => Number(m[1]))
      const ko = [...r.description.ko.matchAll(/(\d+(?:\.\d+)?)(?=건|억|여 개|개)/g)].map((m) => Number(m[1]))
      // English gives 亿元 as billions: RMB 146.37 billion is 1463.7 亿元
      const en = [...r.description.en.matchAll(/RMB (\d+(?:\.\d+)?) billion/g)].map((m) => Math.round(Number(m[1]) * 100) / 10)
      for (const n of [...zh, ...ko, ...en]) expect(figures.has(n), `${r.id}: ${n}`).toBe(true)
      expect(new Set(ko), r.id).toEqual(new Set(zh))
    }
  })
})

describe('validateContentPack on a broken pack', () => {
  it('names file, entry and field of a product of unknown kind, and of a bad colour, variant or scale', () => {
    const files = copyOfPack()
    const entry = files['exhibitors/nev.json'][2]
    entry.products[1].kind = 'spaceship'
    entry.products[0].colour = 'red'
    entry.products[2].variant = 3
    entry.products[2].scale = 5
    const problems = problemsOf(validateContentPack(files)).map(formatContentProblem)
    const at = `exhibitors/nev.json › #2 "${entry.id}"`
    expect(problems).toEqual([
      `${at} › products[0].colour: must be a colour like #1a7fd4`,
      `${at} › products[1].kind: must be a product kind: ${PRODUCT_KINDS.join(', ')}`,
      `${at} › products[2].variant: must be 0, 1 or 2, not 3`,
      `${at} › products[2].scale: must be at most ${PRODUCT_SCALE.max}, not 5`,
    ])
  })

  it('shows every kind of the library somewhere in the pack', () => {
    const kinds = new Set(realPack().exhibitors.flatMap((e) => e.products.map((p) => p.kind)))
    expect(kinds.size).toBe(PRODUCT_KINDS.length)
  })

  it('names an exhibitor whose section its zone does not declare', () => {
    const files = copyOfPack()
    files['exhibitors/yrd.json'][2].section = 'anhui'
    const [problem] = problemsOf(validateContentPack(files))
    expect(problem).toMatchObject({ file: 'exhibitors/yrd.json', field: 'section' })
    expect(problem.entry).toContain('#2')
    expect(problem.message).toContain('shanghai, jiangsu, zhejiang')
  })

  it('names file, entry and field of a bad slot length', () => {
    const files = copyOfPack()
    const entry = files['exhibitors/ai.json'][3]
    entry.availability.slotMinutes = 20
    const problems = problemsOf(validateContentPack(files))
    expect(problems).toEqual([
      {
        file: 'exhibitors/ai.json',
        entry: `#3 "${entry.id}"`,
        field: 'availability.slotMinutes',
        message: 'must be 15, 30, 45 or 60, not 20',
      },
    ])
    expect(formatContentProblem(problems[0])).toBe(
      `exhibitors/ai.json › #3 "${entry.id}" › availability.slotMinutes: must be 15, 30, 45 or 60, not 20`,
    )
  })

  it('reports a zone missing from zones.json by its id', () => {
    const files = copyOfPack()
    files['zones.json'] = files['zones.json'].filter((z: { id: string }) => z.id !== 'green-food')
    const problems = problemsOf(validateContentPack(files))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ file: 'zones.json', entry: '(file)' })
    expect(problems[0].message).toContain('"green-food"')
  })

  it('reports a zone listed twice', () => {
    const files = copyOfPack()
    files['zones.json'].push(structuredClone(files['zones.json'][2]))
    const [problem] = problemsOf(validateContentPack(files))
    expect(problem).toMatchObject({ file: 'zones.json', entry: '#15 "ai"', field: 'id' })
  })

  it('insists on exactly six featured zones for the cube', () => {
    const files = copyOfPack()
    files['zones.json'][0].featured = true
    const [problem] = problemsOf(validateContentPack(files))
    expect(problem).toMatchObject({ file: 'zones.json', entry: '(file)', field: 'featured' })
  })

  it('names both places of an id used twice across files', () => {
    const files = copyOfPack()
    const original = files['exhibitors/ai.json'][0].id
    files['exhibitors/nev.json'][4].id = original
    const [problem] = problemsOf(validateContentPack(files))
    expect(problem).toMatchObject({ file: 'exhibitors/nev.json', entry: `#4 "${original}"`, field: 'id' })
    expect(problem.message).toContain('exhibitors/ai.json #0')
  })

  it('reports an exhibitor filed under the wrong zone', () => {
    const files = copyOfPack()
    const entry = files['exhibitors/green-food.json'][2]
    entry.zone = 'nev'
    const [problem] = problemsOf(validateContentPack(files))
    expect(problem).toMatchObject({ file: 'exhibitors/green-food.json', entry: `#2 "${entry.id}"`, field: 'zone' })
    expect(problem.message).toContain('exhibitors/nev.json')
  })

  it('reports a missing required file by name', () => {
    const files = copyOfPack()
    delete files['exhibitors/yrd.json']
    delete files['results.json']
    const problems = problemsOf(validateContentPack(files))
    expect(problems.map((p) => p.file).sort()).toEqual(['exhibitors/yrd.json', 'results.json'])
    expect(problems.every((p) => p.entry === '(file)' && /missing/.test(p.message))).toBe(true)
  })

  it('rejects an exhibitor file for a zone without booths', () => {
    const files = copyOfPack()
    files['exhibitors/lobby.json'] = []
    const [problem] = problemsOf(validateContentPack(files))
    expect(problem).toMatchObject({ file: 'exhibitors/lobby.json', entry: '(file)' })
  })

  it('rejects a file that is not a list', () => {
    const files = copyOfPack()
    files['exhibitors/ai.json'] = { exhibitors: [] }
    const [problem] = problemsOf(validateContentPack(files))
    expect(problem).toMatchObject({ file: 'exhibitors/ai.json', entry: '(file)', field: '' })
  })

  it('rejects overlapping office hours and unknown weekdays', () => {
    const files = copyOfPack()
    const entry = files['exhibitors/life-health.json'][1]
    entry.availability.weeklyHours = {
      mon: [
        { from: '09:00', to: '12:00' },
        { from: '11:00', to: '13:00' },
      ],
      mondy: [{ from: '09:00', to: '12:00' }],
    }
    const problems = problemsOf(validateContentPack(files))
    expect(problems).toContainEqual(
      expect.objectContaining({ entry: `#1 "${entry.id}"`, field: 'availability.weeklyHours', message: expect.stringContaining('"mondy"') }),
    )
    entry.availability.weeklyHours = { mon: [{ from: '09:00', to: '12:00' }, { from: '11:00', to: '13:00' }] }
    const overlap = problemsOf(validateContentPack(files))
    expect(overlap[0]).toMatchObject({ field: 'availability.weeklyHours.mon[0]', message: '09:00–12:00 overlaps 11:00–13:00' })
  })

  it('rejects office hours of one weekday that overlap in any order, naming the day and range, and lets touching ones pass', () => {
    const files = copyOfPack()
    const entry = files['exhibitors/ai.json'][0]
    entry.availability.weeklyHours = {
      mon: [{ from: '09:00', to: '12:00' }, { from: '12:00', to: '13:00' }],
      wed: [{ from: '14:00', to: '17:00' }, { from: '08:00', to: '09:00' }, { from: '13:30', to: '14:30' }],
    }
    expect(problemsOf(validateContentPack(files)).map(formatContentProblem)).toEqual([
      `exhibitors/ai.json › #0 "${entry.id}" › availability.weeklyHours.wed[0]: 14:00–17:00 overlaps 13:30–14:30`,
      `exhibitors/ai.json › #0 "${entry.id}" › availability.weeklyHours.wed[2]: 13:30–14:30 overlaps 14:00–17:00`,
    ])
    const availability = { ...entry.availability, weeklyHours: { sun: [{ from: '02:00', to: '04:00' }, { from: '00:00', to: '02:00' }] } }
    expect(exhibitorSchema.safeParse({ ...entry, availability }).success).toBe(true)
  })

  it('explains a missing field and a wrong type in plain words', () => {
    const files = copyOfPack()
    delete files['exhibitors/ai.json'][0].country
    files['results.json'].figures[2].value = '399'
    const problems = problemsOf(validateContentPack(files)).map(formatContentProblem)
    expect(problems).toContainEqual(expect.stringMatching(/^exhibitors\/ai\.json › #0 "[a-z-]+" › country: is missing$/))
    expect(problems).toContain('results.json › figures #2 "signed-projects" › value: must be a number, not "399"')
  })

  it('names the route, stop and field of an exhibitor id no booth has', () => {
    const files = copyOfPack()
    files['routes.json'][0].stops[2].exhibitorId = 'hefei-no-such-battery'
    expect(problemsOf(validateContentPack(files))).toEqual([
      {
        file: 'routes.json',
        entry: '#0 "nev-industry-chain"',
        field: 'stops[2].exhibitorId',
        message: 'no exhibitor has the id "hefei-no-such-battery"',
      },
    ])
  })

  it('names the stop of a zone that does not exist', () => {
    const files = copyOfPack()
    files['routes.json'][5].stops[1] = { kind: 'zone', zoneId: 'anhui' }
    const problems = problemsOf(validateContentPack(files))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ file: 'routes.json', entry: `#5 "${files['routes.json'][5].id}"`, field: 'stops[1].zoneId' })
    expect(problems[0].message).toMatch(/^must be "lobby", .* or "negotiation", not "anhui"$/)
  })

  it('names a stop of an unknown kind', () => {
    const files = copyOfPack()
    files['routes.json'][2].stops[0].kind = 'stand'
    const [problem] = problemsOf(validateContentPack(files))
    expect(formatContentProblem(problem)).toBe(
      'routes.json › #2 "korea-pavilion-culture-week" › stops[0].kind: must be "booth" or "zone", not "stand"',
    )
  })

  it('reports a route id used twice', () => {
    const files = copyOfPack()
    files['routes.json'][3].id = files['routes.json'][1].id
    const problems = problemsOf(validateContentPack(files))
    expect(problems).toEqual([
      expect.objectContaining({ file: 'routes.json', entry: '#3 "chips-and-new-displays"', field: 'id', message: expect.stringContaining('#1') }),
    ])
  })

  it('reports a stop visited twice in one route', () => {
    const files = copyOfPack()
    const stops = files['routes.json'][1].stops
    stops.push(structuredClone(stops[0]))
    const [problem] = problemsOf(validateContentPack(files))
    expect(problem).toMatchObject({ file: 'routes.json', entry: '#1 "chips-and-new-displays"', field: `stops[${stops.length - 1}]` })
    expect(problem.message).toContain('stops[0]')
  })

  it('insists on titles in all three languages and at least two stops', () => {
    const files = copyOfPack()
    delete files['routes.json'][4].title.ko
    files['routes.json'][4].stops.splice(1)
    const problems = problemsOf(validateContentPack(files)).map(formatContentProblem)
    expect(problems).toEqual([
      'routes.json › #4 "imported-goods" › title.ko: is missing',
      'routes.json › #4 "imported-goods" › stops: must have at least 2 items',
    ])
  })

  it('reports a missing routes.json by name', () => {
    const files = copyOfPack()
    delete files['routes.json']
    expect(problemsOf(validateContentPack(files))).toEqual([
      { file: 'routes.json', entry: '(file)', field: '', message: 'file is missing from the content pack' },
    ])
  })

  it('rejects an event that ends before it starts', () => {
    const files = copyOfPack()
    files['event.json'].endDate = '2021-11-01'
    const [problem] = problemsOf(validateContentPack(files))
    expect(problem).toMatchObject({ file: 'event.json', entry: '(file)', field: 'endDate' })
  })

  it('accepts only https:, mailto: and tel: links, naming file, entry and field of any other', () => {
    const refused = [
      'javascript:alert(document.cookie)',
      'JavaScript:alert(1)',
      'http://shengmai.example.com',
      'data:text/html,<script>alert(1)</script>',
      'ftp://files.example.com',
      'https:/example.com',
      'https://example.com/a b',
      ' https://example.com',
    ]
    for (const website of refused) {
      const files = copyOfPack()
      const entry = files['exhibitors/ai.json'][3]
      entry.contact.website = website
      const problems = problemsOf(validateContentPack(files))
      expect(problems, website).toHaveLength(1)
      expect(problems[0], website).toMatchObject({ file: 'exhibitors/ai.json', entry: `#3 "${entry.id}"`, field: 'contact.website' })
    }
    const files = copyOfPack()
    const entry = files['exhibitors/ai.json'][3]
    entry.contact.website = 'javascript:alert(1)'
    expect(problemsOf(validateContentPack(files)).map(formatContentProblem)).toEqual([
      `exhibitors/ai.json › #3 "${entry.id}" › contact.website: only https:, mailto: and tel: links are allowed`,
    ])
    for (const website of ['https://shengmai.example.com/expo?lang=en#booth', 'https://例子.example.com', 'mailto:expo@shengmai.example.com', 'tel:+86-551-0021-6299']) {
      const ok = copyOfPack()
      ok['exhibitors/ai.json'][3].contact.website = website
      const result = validateContentPack(ok)
      expect(result.ok ? [] : result.problems.map(formatContentProblem), website).toEqual([])
    }
  })

  it('limits the length of names, descriptions and quotes, naming the field and the limit', () => {
    const files = copyOfPack()
    const exhibitor = files['exhibitors/nev.json'][1]
    exhibitor.name.en = 'N'.repeat(TEXT_LIMITS.name + 1)
    exhibitor.description['zh-CN'] = '长'.repeat(TEXT_LIMITS.description + 1)
    exhibitor.products[0].name.ko = '가'.repeat(TEXT_LIMITS.name + 1)
    files['zones.json'][4].description.en = 'd'.repeat(TEXT_LIMITS.description + 1)
    files['routes.json'][0].title['zh-CN'] = '路'.repeat(TEXT_LIMITS.name + 1)
    files['results.json'].figures[0].quote = '引'.repeat(TEXT_LIMITS.quote + 1)
    const problems = problemsOf(validateContentPack(files)).map(formatContentProblem)
    const entry = `#1 "${exhibitor.id}"`
    expect(problems).toEqual(
      expect.arrayContaining([
        `exhibitors/nev.json › ${entry} › name.en: must be at most ${TEXT_LIMITS.name} characters long`,
        `exhibitors/nev.json › ${entry} › description.zh-CN: must be at most ${TEXT_LIMITS.description} characters long`,
        `exhibitors/nev.json › ${entry} › products[0].name.ko: must be at most ${TEXT_LIMITS.name} characters long`,
        expect.stringMatching(new RegExp(`^zones\\.json › #4 "[a-z-]+" › description\\.en: must be at most ${TEXT_LIMITS.description} characters long$`)),
        expect.stringMatching(new RegExp(`^routes\\.json › #0 "[a-z-]+" › title\\.zh-CN: must be at most ${TEXT_LIMITS.name} characters long$`)),
        expect.stringMatching(new RegExp(`^results\\.json › figures #0 "[a-z-]+" › quote: must be at most ${TEXT_LIMITS.quote} characters long$`)),
      ]),
    )
    expect(problems).toHaveLength(6)
    // exactly at the limit is fine
    const atLimit = copyOfPack()
    atLimit['exhibitors/nev.json'][1].name.en = 'N'.repeat(TEXT_LIMITS.name)
    atLimit['exhibitors/nev.json'][1].description['zh-CN'] = '长'.repeat(TEXT_LIMITS.description)
    expect(validateContentPack(atLimit).ok).toBe(true)
  })
})

describe('generateSyntheticExhibitors', () => {
  const zones = realPack().zones

  it.each([10, 150, 1000, 3000])('makes exactly %i valid, uniquely named booths', (count) => {
    const exhibitors = generateSyntheticExhibitors(count, zones)
    expect(exhibitors).toHaveLength(count)
    expect(new Set(exhibitors.map((e) => e.id)).size).toBe(count)
    for (const e of exhibitors) {
      expect(exhibitorSchema.safeParse(e).success, e.id).toBe(true)
      expect(e.id).toMatch(new RegExp(`^synthetic-${e.zone}-\\d{4}$`))
      expect(e.sample).toBe(true)
    }
  })

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateSyntheticExhibitors(500, zones, 7)).toEqual(generateSyntheticExhibitors(500, zones, 7))
    expect(generateSyntheticExhibitors(500, zones, 7)).not.toEqual(generateSyntheticExhibitors(500, zones, 8))
  })

  it('spreads booths over every exhibiting zone, more in the big ones, with a realistic size mix', () => {
    const exhibitors = generateSyntheticExhibitors(3000, zones)
    const inZone = (z: string) => exhibitors.filter((e) => e.zone === z).length
    for (const zone of EXHIBITING_ZONE_IDS) expect(inZone(zone), zone).toBeGreaterThan(100)
    expect(inZone('next-gen-it')).toBeGreaterThan(inZone('digital-creative'))
    const standard = exhibitors.filter((e) => e.boothSize === 'standard').length
    const islands = exhibitors.filter((e) => e.boothSize === 'island').length
    expect(standard / 3000).toBeGreaterThan(0.7)
    expect(islands).toBeGreaterThan(0)
    expect(islands / 3000).toBeLessThan(0.06)
  })

  it('fills a pack that still passes validation', () => {
    const files = copyOfPack()
    const synthetic = generateSyntheticExhibitors(3000, zones)
    for (const zone of EXHIBITING_ZONE_IDS) files[`exhibitors/${zone}.json`] = synthetic.filter((e) => e.zone === zone)
    // the curated routes name real booths, which a synthetic catalogue does not have
    files['routes.json'] = files['routes.json'].map((r: CuratedRoute, i: number) => ({
      ...r,
      stops: synthetic.slice(i * 5, i * 5 + 5).map((e) => ({ kind: 'booth', exhibitorId: e.id })),
    }))
    const result = validateContentPack(files)
    expect(result.ok ? [] : result.problems.slice(0, 5).map(formatContentProblem)).toEqual([])
  })

  it('refuses counts outside 10..3000', () => {
    for (const count of [0, 9, 3001, 12.5, Number.NaN]) {
      expect(() => generateSyntheticExhibitors(count, zones)).toThrow(RangeError)
    }
  })
})

describe('npm run content:check', () => {
  const tempDirs: string[] = []
  afterAll(() => tempDirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

  /** Writes the (possibly broken) pack to a temporary directory, with the real pack's logos; raw text values are written as they are. */
  function writePack(files: Record<string, unknown>): string {
    const dir = mkdtempSync(join(tmpdir(), 'content-check-'))
    tempDirs.push(dir)
    cpSync(join(PACK_DIR, 'logos'), join(dir, 'logos'), { recursive: true })
    for (const [file, value] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true })
      writeFileSync(join(dir, file), typeof value === 'string' ? value : JSON.stringify(value, null, 2))
    }
    return dir
  }
  const runCheck = (dir?: string) =>
    spawnSync('npx', ['tsx', 'scripts/content-check.ts', ...(dir ? [dir] : [])], { cwd: ROOT, encoding: 'utf8' })

  it('passes the real pack with a one-line summary', { timeout: 60_000 }, () => {
    const run = runCheck()
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^content ok: wmc2021 · 15 zones \(6 featured\) · \d+ exhibitors.* · \d+ curated routes · \d+ sessions of the programme$/m)
  })

  it('exits 1 and names file, entry and field of a bad value', { timeout: 60_000 }, () => {
    const files = copyOfPack()
    const entry = files['exhibitors/ai.json'][3]
    entry.availability.slotMinutes = 20
    const run = runCheck(writePack(files))
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(
      `exhibitors/ai.json › #3 "${entry.id}" › availability.slotMinutes: must be 15, 30, 45 or 60, not 20`,
    )
  })

  it('exits 1 and names file, entry and field of a broken session of the programme', { timeout: 60_000 }, () => {
    const files = copyOfPack()
    const entry = files['sessions.json'][4]
    entry.date = '2021-11-31'
    files['sessions.json'][6].venue = { kind: 'booth', exhibitorId: 'hefei-no-such-booth' }
    const run = runCheck(writePack(files))
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(`sessions.json › #4 "${entry.id}" › date: is not a calendar date`)
    expect(run.stderr).toContain(`sessions.json › #6 "${files['sessions.json'][6].id}" › venue.exhibitorId: no exhibitor has the id "hefei-no-such-booth"`)
  })

  it('exits 1 and says which exhibitor has a link of a forbidden scheme', { timeout: 60_000 }, () => {
    const files = copyOfPack()
    const entry = files['exhibitors/yrd.json'][2]
    entry.contact.website = 'javascript:alert(1)'
    const run = runCheck(writePack(files))
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(`exhibitors/yrd.json › #2 "${entry.id}" › contact.website: only https:, mailto: and tel: links are allowed`)
  })

  it('exits 1 and points at the line of a JSON syntax error', { timeout: 60_000 }, () => {
    const files: Record<string, unknown> = copyOfPack()
    files['exhibitors/nev.json'] = '[\n  { "id": "broken"\n    "zone": "nev" }\n]\n'
    const run = runCheck(writePack(files))
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/^exhibitors\/nev\.json › \(file\): is not valid JSON \(line 3, column 5\)/m)
    expect(run.stderr).not.toContain('missing')
  })
})
