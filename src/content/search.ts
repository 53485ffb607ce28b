/** Search over the catalogue: exhibitor names in every language, products and zone names. */
import type { ContentPack, Exhibitor, Language, Zone } from './schema'

export type SearchHit =
  | { kind: 'zone'; zone: Zone; score: number }
  | { kind: 'exhibitor'; exhibitor: Exhibitor; score: number; matchedProduct?: string }

const fold = (text: string) => text.normalize('NFKC').toLocaleLowerCase()

function allTexts(text: { 'zh-CN': string; en: string; ko?: string }): string[] {
  return text.ko ? [text['zh-CN'], text.en, text.ko] : [text['zh-CN'], text.en]
}

/** Scores a match: the start of a name beats the start of a word beats anywhere inside. */
function matchScore(haystack: string, needle: string): number {
  const folded = fold(haystack)
  const at = folded.indexOf(needle)
  if (at < 0) return 0
  if (at === 0) return 3
  return /[\s(（·-]/.test(folded[at - 1]) ? 2 : 1
}

export function searchCatalogue(pack: ContentPack, query: string, language: Language, limit = 12): SearchHit[] {
  const needle = fold(query.trim())
  if (!needle) return []
  const hits: SearchHit[] = []
  for (const zone of pack.zones) {
    const score = Math.max(...allTexts(zone.name).map((t) => matchScore(t, needle)))
    if (score > 0) hits.push({ kind: 'zone', zone, score: score + 1 })
  }
  for (const exhibitor of pack.exhibitors) {
    const nameScore = Math.max(...allTexts(exhibitor.name).map((t) => matchScore(t, needle)))
    let productScore = 0
    let matchedProduct: string | undefined
    for (const product of exhibitor.products) {
      const score = Math.max(...allTexts(product.name).map((t) => matchScore(t, needle)))
      if (score > productScore) {
        productScore = score
        matchedProduct = language === 'ko' ? (product.name.ko ?? product.name.en) : product.name[language]
      }
    }
    const score = nameScore > 0 ? nameScore + 0.5 : productScore * 0.5
    if (score > 0) hits.push({ kind: 'exhibitor', exhibitor, score, matchedProduct: nameScore > 0 ? undefined : matchedProduct })
  }
  // Stable order for equal scores: zones first, then by id, so results never jump between keystrokes.
  return hits
    .sort((a, b) => b.score - a.score || (a.kind === b.kind ? idOf(a).localeCompare(idOf(b)) : a.kind === 'zone' ? -1 : 1))
    .slice(0, limit)
}

const idOf = (hit: SearchHit) => (hit.kind === 'zone' ? hit.zone.id : hit.exhibitor.id)
