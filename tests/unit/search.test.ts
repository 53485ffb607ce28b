import { describe, expect, it } from 'vitest'
import type { ContentPack, Exhibitor, Zone } from '../../src/content/schema'
import { searchCatalogue } from '../../src/content/search'
import { groupWeeklyHours, describeDays } from '../../src/booking/weeklyHours'

const zone = (id: Zone['id'], zh: string, en: string, ko: string): Zone => ({
  id, name: { 'zh-CN': zh, en, ko }, colour: '#336699', description: { 'zh-CN': zh, en }, featured: false, sections: [],
})
const exhibitor = (id: string, zh: string, en: string, products: [string, string][], z: Exhibitor['zone'] = 'ai'): Exhibitor => ({
  id, name: { 'zh-CN': zh, en }, zone: z, sample: true, boothSize: 'standard',
  description: { 'zh-CN': zh, en }, products: products.map(([p, q]) => ({ name: { 'zh-CN': p, en: q }, kind: 'display' as const })), country: 'CN-AH',
  contact: { email: 'a@example.com' },
  availability: { timeZone: 'Asia/Shanghai', weeklyHours: {}, slotMinutes: 30, bufferMinutes: 0, parallelTables: 1, blackoutDates: [], modes: ['online'] },
})

const pack = {
  zones: [zone('ai', '人工智能', 'Artificial Intelligence', '인공지능'), zone('korea-pavilion', '韩国国家馆', 'Korea National Pavilion', '한국국가관')],
  exhibitors: [
    exhibitor('voice-lab', '江淮语音实验室', 'Jianghuai Voice Lab', [['语音识别', 'speech recognition'], ['翻译机', 'translator']]),
    exhibitor('seoul-robotics', '首尔机器人', 'Seoul Robotics', [['服务机器人', 'service robot'], ['机械臂', 'robot arm']], 'korea-pavilion'),
  ],
} as unknown as ContentPack

describe('catalogue search', () => {
  it('finds exhibitors by name in Chinese and English, and zones by Korean name', () => {
    expect(searchCatalogue(pack, '语音', 'zh-CN').map((h) => h.kind === 'exhibitor' && h.exhibitor.id)).toEqual(['voice-lab'])
    expect(searchCatalogue(pack, 'seoul', 'en')[0]).toMatchObject({ kind: 'exhibitor', exhibitor: { id: 'seoul-robotics' } })
    expect(searchCatalogue(pack, '한국', 'ko')[0]).toMatchObject({ kind: 'zone', zone: { id: 'korea-pavilion' } })
  })

  it('finds an exhibitor by one of its products and says which product matched', () => {
    const [hit] = searchCatalogue(pack, 'Robot Arm', 'en')
    expect(hit).toMatchObject({ kind: 'exhibitor', exhibitor: { id: 'seoul-robotics' }, matchedProduct: 'robot arm' })
  })

  it('ranks a name match above a product match and returns nothing for blank queries', () => {
    const hits = searchCatalogue(pack, 'robot', 'en')
    expect(hits[0]).toMatchObject({ kind: 'exhibitor', exhibitor: { id: 'seoul-robotics' } })
    expect(searchCatalogue(pack, '   ', 'en')).toEqual([])
  })
})

describe('weekly hours', () => {
  it('groups consecutive days with the same hours into one run', () => {
    const runs = groupWeeklyHours({
      mon: [{ from: '09:00', to: '12:00' }], tue: [{ from: '09:00', to: '12:00' }], wed: [{ from: '09:00', to: '12:00' }],
      fri: [{ from: '09:00', to: '12:00' }], sat: [{ from: '10:00', to: '11:00' }],
    })
    expect(runs.map((r) => r.days)).toEqual([['mon', 'tue', 'wed'], ['fri'], ['sat']])
    expect(describeDays(runs[0].days, 'en')).toBe('Mon–Wed')
    expect(describeDays(runs[0].days, 'zh-CN')).toBe('周一–周三')
  })
})
