/** Country and region names through Intl.DisplayNames; Chinese provinces named from our own short table. */
import type { Language } from '../content/schema'

const CHINESE_REGIONS: Record<string, Record<Language, string>> = {
  'CN-AH': { 'zh-CN': '中国安徽', en: 'Anhui, China', ko: '중국 안후이' },
  'CN-SH': { 'zh-CN': '中国上海', en: 'Shanghai, China', ko: '중국 상하이' },
  'CN-JS': { 'zh-CN': '中国江苏', en: 'Jiangsu, China', ko: '중국 장쑤' },
  'CN-ZJ': { 'zh-CN': '中国浙江', en: 'Zhejiang, China', ko: '중국 저장' },
}

export function countryName(code: string, language: Language): string {
  const region = CHINESE_REGIONS[code]
  if (region) return region[language]
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code.slice(0, 2)) ?? code
  } catch {
    return code
  }
}
