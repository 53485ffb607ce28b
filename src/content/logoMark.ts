/**
 * Invented logos for sample exhibitors: from the exhibitor's id and name, always the same SVG, an abstract geometric
 * mark (one of several shape families) in a colour hashed from the name, above a short word mark taken from the name.
 * Plain shapes and a word: nothing that looks like a real company's mark. `npm run logos` writes them into the pack
 * (scripts/generateLogos.ts); `?synthetic=N` halls make theirs in memory. Pure: no DOM.
 */
import type { LocalizedText } from './schema'
import { seededRandom } from '../seededRandom'

/** FNV-1a over UTF-16 code units: a stable 32-bit number on every machine. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** Words of a company name that say where it is or what it legally is, not who it is. */
const NOT_A_BRAND = new Set([
  'co', 'ltd', 'inc', 'kk', 'srl', 'gmbh', 'ag', 'sa', 'sas', 'bv', 'llc', 'plc', 'pty', 'corp', 'company', 'group', 'the',
  'sample', 'exhibitor', 'anhui', 'hefei', 'wuhu', 'luan', 'huaiyuan', 'chaohu', 'maanshan', 'chizhou', 'xuancheng',
  'huainan', 'huaibei', 'bengbu', 'fuyang', 'anqing', 'huangshan', 'tongling', 'bozhou', 'chuzhou', 'suzhou', 'shanghai',
  'jiangsu', 'zhejiang', 'nanjing', 'hangzhou', 'ningbo', 'wuxi', 'changzhou', 'nantong', 'xuzhou', 'jiaxing', 'shaoxing',
  'songjiang', 'binhu', 'shushan', 'baohe', 'luyang', 'yaohai', 'feidong', 'feixi', 'changfeng', 'lujiang', 'korea', 'seoul',
  'busan', 'incheon',
])

const WORD_MARK_MAX = 9

/** The short word beneath the mark: the name's first word that is neither a place nor a legal form, in capitals. */
export function wordMarkOf(name: LocalizedText): string {
  const words = name.en
    // Lǜ → Lu: the word mark keeps to letters every font has
    .normalize('NFD')
    .replace(/[\u0300-\u036f'’.]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
  const brand = words.find((w) => !NOT_A_BRAND.has(w.toLowerCase())) ?? words[0] ?? ''
  return brand.toUpperCase().slice(0, WORD_MARK_MAX)
}

/** `#rrggbb` of an HSL colour (hue in degrees, saturation and lightness 0–1). */
function hslHex(h: number, s: number, l: number): string {
  const k = (n: number) => (n + h / 30) % 12
  const a = s * Math.min(l, 1 - l)
  const channel = (n: number) => Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1))))
  return `#${[0, 8, 4].map((n) => channel(n).toString(16).padStart(2, '0')).join('')}`
}

const f = (n: number) => String(Math.round(n * 10) / 10)

/** The mark's centre and radius in the 96 × 96 view box; the word mark sits beneath. */
const CX = 48
const CY = 36
const R = 28

type Family = (random: () => number, main: string, second: string) => string

const polygon = (sides: number, radius: number, turn: number) =>
  Array.from({ length: sides }, (_, i) => {
    const a = turn + (i / sides) * Math.PI * 2
    return `${f(CX + radius * Math.cos(a))},${f(CY + radius * Math.sin(a))}`
  }).join(' ')

/** Shape families: each a different geometry, varied within by a few numbers. */
export const LOGO_FAMILIES: Record<string, Family> = {
  orbit(random, main, second) {
    const a = random() * Math.PI * 2
    const r = R * (0.72 + random() * 0.2)
    return (
      `<circle cx="${CX}" cy="${CY}" r="${f(r)}" fill="none" stroke="${main}" stroke-width="${f(5 + random() * 4)}"/>` +
      `<circle cx="${f(CX + r * Math.cos(a))}" cy="${f(CY + r * Math.sin(a))}" r="${f(7 + random() * 4)}" fill="${second}"/>`
    )
  },
  facets(random, main, second) {
    const sides = [3, 5, 6, 8][Math.floor(random() * 4)]
    const turn = -Math.PI / 2 + (random() < 0.5 ? 0 : Math.PI / sides)
    return `<polygon points="${polygon(sides, R, turn)}" fill="${main}"/><polygon points="${polygon(sides, R * (0.38 + random() * 0.2), turn + Math.PI / sides)}" fill="${second}"/>`
  },
  bars(random, main, second) {
    const n = 3 + Math.floor(random() * 2)
    const w = (2 * R) / (n * 1.35)
    return Array.from({ length: n }, (_, i) => {
      const h = R * (0.7 + 1.3 * ((i + 1) / n) * (0.75 + random() * 0.25))
      const x = CX - R + i * w * 1.35
      return `<rect x="${f(x)}" y="${f(CY + R - h)}" width="${f(w)}" height="${f(h)}" rx="${f(w / 4)}" fill="${i === n - 1 ? second : main}"/>`
    }).join('')
  },
  chevrons(random, main, second) {
    const n = 2 + Math.floor(random() * 2)
    const gap = (R * 1.4) / n
    return Array.from({ length: n }, (_, i) => {
      const y = CY - R * 0.55 + i * gap
      return `<polyline points="${f(CX - R)},${f(y + R * 0.55)} ${CX},${f(y)} ${f(CX + R)},${f(y + R * 0.55)}" fill="none" stroke="${i === 0 ? second : main}" stroke-width="${f(6 + random() * 3)}" stroke-linecap="round" stroke-linejoin="round"/>`
    }).join('')
  },
  quarters(random, main, second) {
    const r = R * 0.95
    return [0, 1, 2, 3]
      .map((q) => {
        const sx = q % 2 === 0 ? -1 : 1
        const sy = q < 2 ? -1 : 1
        const ox = CX + sx * 1.5
        const oy = CY + sy * 1.5
        // each quarter turns its round side in or out, by the hash
        const out = random() < 0.6
        const cx = out ? ox : ox + sx * r
        const cy = out ? oy : oy + sy * r
        return `<path d="M${f(cx)} ${f(cy)}L${f(cx + (out ? sx : -sx) * r)} ${f(cy)}A${f(r)} ${f(r)} 0 0 ${sx * sy > 0 === out ? 1 : 0} ${f(cx)} ${f(cy + (out ? sy : -sy) * r)}Z" fill="${q === 3 ? second : main}"/>`
      })
      .join('')
  },
  petals(random, main, second) {
    const n = 3 + Math.floor(random() * 4)
    const turn = random() * 180
    return (
      Array.from({ length: n }, (_, i) => `<ellipse cx="${CX}" cy="${f(CY - R * 0.5)}" rx="${f(R * 0.24)}" ry="${f(R * 0.5)}" fill="${main}" fill-opacity="0.85" transform="rotate(${f(turn + (i * 360) / n)} ${CX} ${CY})"/>`).join('') +
      `<circle cx="${CX}" cy="${CY}" r="${f(R * 0.2)}" fill="${second}"/>`
    )
  },
  split(random, main, second) {
    const tilt = random() * 40 - 20
    return (
      `<g transform="rotate(${f(tilt)} ${CX} ${CY})"><rect x="${CX - R}" y="${CY - R}" width="${R * 2}" height="${R * 2}" rx="${f(R * (0.2 + random() * 0.4))}" fill="${main}"/>` +
      `<rect x="${CX - R}" y="${f(CY - 4)}" width="${R * 2}" height="${f(8 + random() * 6)}" fill="#fff"/>` +
      `<circle cx="${f(CX + R * 0.4)}" cy="${f(CY - R * 0.45)}" r="${f(R * 0.2)}" fill="${second}"/></g>`
    )
  },
  waves(random, main, second) {
    const n = 3
    const amp = 5 + random() * 5
    return Array.from({ length: n }, (_, i) => {
      const y = CY - R * 0.6 + i * R * 0.6
      return `<path d="M${CX - R} ${f(y)}q${f(R / 2)} ${f(-amp)} ${R} 0t${R} 0" fill="none" stroke="${i === 1 ? second : main}" stroke-width="${f(6 + random() * 2)}" stroke-linecap="round"/>`
    }).join('')
  },
}

const FAMILY_NAMES = Object.keys(LOGO_FAMILIES)

/** Which shape family a name's logo is drawn in. */
export const logoFamilyOf = (name: LocalizedText): string => FAMILY_NAMES[(hashText(`${name['zh-CN']}\u0000${name.en}`) >>> 3) % FAMILY_NAMES.length]

const escapeXml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

/** The exhibitor's invented logo: the same id and name always give the same bytes. */
export function logoMark(id: string, name: LocalizedText): string {
  const nameHash = hashText(`${name['zh-CN']}\u0000${name.en}`)
  const random = seededRandom(hashText(`${id}\u0000${name.en}`))
  const hue = nameHash % 360
  const saturation = 0.55 + ((nameHash >>> 9) % 25) / 100
  const main = hslHex(hue, saturation, 0.42)
  // the accent is a neighbour or the complement of the hue, darker or lighter by the hash
  const second = hslHex((hue + [35, 150, 180, 210][(nameHash >>> 16) % 4]) % 360, saturation, (nameHash >>> 20) % 2 ? 0.3 : 0.55)
  const family = LOGO_FAMILIES[logoFamilyOf(name)]
  const word = wordMarkOf(name)
  // a long word is squeezed to the box, never cut by it
  const fit = word.length > 6 ? ` textLength="86" lengthAdjust="spacingAndGlyphs"` : ''
  const label = escapeXml(name.en)
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96" width="96" height="96" role="img" aria-label="${label}">` +
    family(random, main, second) +
    `<text x="48" y="88" text-anchor="middle" font-family="Helvetica,Arial,sans-serif" font-size="17" font-weight="700" letter-spacing="0.5" fill="#1d2733"${fit}>${escapeXml(word)}</text>` +
    `</svg>\n`
  )
}
