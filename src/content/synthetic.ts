/** Deterministic catalogues of invented booths (10–3000) for testing the hall, search and booking at scale. */
import { EXHIBITING_ZONE_IDS, type Availability, type BoothSize, type Exhibitor, type Product, type ProductKind, type Zone } from './schema'
import { seededRandom } from '../seededRandom'

export const SYNTHETIC_MIN_COUNT = 10
export const SYNTHETIC_MAX_COUNT = 3000

type ExhibitingZoneId = Exhibitor['zone']

/** Relative zone sizes, roughly as in the real pack: the big industries get the most booths. */
const ZONE_WEIGHT: Record<ExhibitingZoneId, number> = {
  'next-gen-it': 20,
  ai: 12,
  'new-materials': 11,
  'new-energy': 13,
  nev: 20,
  'high-end-equipment': 18,
  'smart-appliances': 11,
  'life-health': 12,
  'green-food': 11,
  'digital-creative': 10,
  'korea-pavilion': 14,
  yrd: 15,
  'imported-goods': 18,
}

const p = (zh: string, en: string, kind: ProductKind): Product => ({ name: { 'zh-CN': zh, en }, kind })
const PRODUCTS: Record<ExhibitingZoneId, Product[]> = {
  'next-gen-it': [p('集成电路', 'Integrated circuits', 'chip-wafer'), p('显示模组', 'Display modules', 'display'), p('5G模组', '5G modules', 'circuit-board'), p('工业软件', 'Industrial software', 'display'), p('传感器', 'Sensors', 'camera'), p('光模块', 'Optical transceivers', 'circuit-board')],
  ai: [p('语音识别', 'Speech recognition', 'circuit-board'), p('视觉检测', 'Visual inspection', 'camera'), p('服务机器人', 'Service robots', 'service-robot'), p('AI服务器', 'AI servers', 'server-rack'), p('知识图谱', 'Knowledge graphs', 'display')],
  'new-materials': [p('铜箔', 'Copper foil', 'textile-roll'), p('碳纤维', 'Carbon fibre', 'textile-roll'), p('特种钢', 'Special steel', 'material-sample'), p('功能薄膜', 'Functional films', 'textile-roll'), p('先进陶瓷', 'Advanced ceramics', 'material-sample')],
  'new-energy': [p('光伏组件', 'Solar modules', 'solar-panel'), p('储能系统', 'Energy storage', 'battery-pack'), p('逆变器', 'Inverters', 'server-rack'), p('电解槽', 'Electrolysers', 'valve'), p('水处理设备', 'Water treatment', 'valve')],
  nev: [p('整车集成', 'Vehicle integration', 'car'), p('智能网联', 'Intelligent connectivity', 'circuit-board'), p('动力电池', 'Power batteries', 'battery-pack'), p('电驱电控', 'Electric drives and controls', 'motor'), p('氢燃料电池', 'Hydrogen fuel cells', 'battery-pack')],
  'high-end-equipment': [p('工业机器人', 'Industrial robots', 'robot-arm'), p('数控机床', 'CNC machine tools', 'cnc-machine'), p('通用航空', 'General aviation', 'drone'), p('激光设备', 'Laser equipment', 'cnc-machine'), p('智能物流', 'Intelligent logistics', 'service-robot')],
  'smart-appliances': [p('冰箱', 'Refrigerators', 'smart-appliance'), p('洗衣机', 'Washing machines', 'smart-appliance'), p('空调', 'Air conditioners', 'smart-appliance'), p('厨房电器', 'Kitchen appliances', 'smart-appliance'), p('智能家居', 'Smart home', 'circuit-board')],
  'life-health': [p('生物药', 'Biologics', 'lab-instrument'), p('体外诊断', 'In-vitro diagnostics', 'lab-instrument'), p('医学影像', 'Medical imaging', 'medical-device'), p('康复设备', 'Rehabilitation devices', 'medical-device'), p('中药', 'Herbal medicine', 'packaged-food')],
  'green-food': [p('绿茶', 'Green tea', 'packaged-food'), p('大米', 'Rice', 'packaged-food'), p('湖鲜', 'Lake fish', 'fresh-produce'), p('水果', 'Fruit', 'fresh-produce'), p('乳制品', 'Dairy', 'bottle')],
  'digital-creative': [p('动画', 'Animation', 'display'), p('游戏', 'Games', 'display'), p('虚拟现实', 'Virtual reality', 'display'), p('数字人', 'Virtual humans', 'camera'), p('工业设计', 'Industrial design', 'material-sample')],
  'korea-pavilion': [p('半导体部件', 'Semiconductor parts', 'chip-wafer'), p('电池材料', 'Battery materials', 'material-sample'), p('美妆', 'Beauty', 'bottle'), p('食品', 'Food', 'packaged-food'), p('医疗器械', 'Medical devices', 'medical-device')],
  yrd: [p('精密制造', 'Precision manufacturing', 'cnc-machine'), p('集成电路', 'Integrated circuits', 'chip-wafer'), p('储能', 'Energy storage', 'battery-pack'), p('机器视觉', 'Machine vision', 'camera'), p('新材料', 'New materials', 'material-sample')],
  'imported-goods': [p('精密仪器', 'Precision instruments', 'lab-instrument'), p('医疗器械', 'Medical devices', 'medical-device'), p('葡萄酒', 'Wine', 'bottle'), p('咖啡', 'Coffee', 'packaged-food'), p('化妆品', 'Cosmetics', 'bottle'), p('乳制品', 'Dairy', 'bottle')],
}

const WEEKDAYS_MON_FRI = ['mon', 'tue', 'wed', 'thu', 'fri'] as const
const ranges = (...pairs: [string, string][]) => pairs.map(([from, to]) => ({ from, to }))
const everyWeekday = (r: ReturnType<typeof ranges>) => Object.fromEntries(WEEKDAYS_MON_FRI.map((d) => [d, r]))

/** Office-hour patterns in the exhibitor's own time zone. */
const HOURS: Availability['weeklyHours'][] = [
  everyWeekday(ranges(['09:00', '12:00'], ['14:00', '17:30'])),
  everyWeekday(ranges(['08:30', '11:30'], ['13:30', '17:00'])),
  { ...everyWeekday(ranges(['09:00', '12:00'], ['14:00', '17:30'])), sat: ranges(['09:00', '12:00']) },
  everyWeekday(ranges(['10:00', '16:00'])),
]
const SLOT_MINUTES: Availability['slotMinutes'][] = [15, 30, 30, 45, 60]
const BUFFER_MINUTES = [0, 5, 10, 15]
const CN_BLACKOUT = ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11']

const ABROAD: { country: string; timeZone: string }[] = [
  { country: 'DE', timeZone: 'Europe/Berlin' },
  { country: 'JP', timeZone: 'Asia/Tokyo' },
  { country: 'FR', timeZone: 'Europe/Paris' },
  { country: 'US', timeZone: 'America/New_York' },
  { country: 'IT', timeZone: 'Europe/Rome' },
  { country: 'CH', timeZone: 'Europe/Zurich' },
]
const PINHUI_COUNTRIES = ['TH', 'MY', 'CL', 'NZ', 'AU', 'IT', 'ES']
const YRD_SECTIONS = [
  { section: 'shanghai', country: 'CN-SH' },
  { section: 'jiangsu', country: 'CN-JS' },
  { section: 'zhejiang', country: 'CN-ZJ' },
]

/** `k` distinct items by a partial Fisher–Yates shuffle (a random sort comparator differs between engines). */
function sample<T>(items: readonly T[], k: number, random: () => number): T[] {
  const pool = [...items]
  for (let i = 0; i < Math.min(k, pool.length); i++) {
    const j = i + Math.floor(random() * (pool.length - i))
    ;[pool[i], pool[j]] = [pool[j], pool[i]]
  }
  return pool.slice(0, k)
}

/** Largest-remainder split, so the zone counts always add up to exactly `count`. */
function apportion(count: number, zoneIds: ExhibitingZoneId[]): Map<ExhibitingZoneId, number> {
  const totalWeight = zoneIds.reduce((s, id) => s + ZONE_WEIGHT[id], 0)
  const shares = zoneIds.map((id) => {
    const exact = (count * ZONE_WEIGHT[id]) / totalWeight
    return { id, n: Math.floor(exact), rest: exact - Math.floor(exact) }
  })
  let left = count - shares.reduce((s, x) => s + x.n, 0)
  for (const share of [...shares].sort((a, b) => b.rest - a.rest || ZONE_WEIGHT[b.id] - ZONE_WEIGHT[a.id])) {
    if (left-- <= 0) break
    share.n++
  }
  return new Map(shares.map((s) => [s.id, s.n]))
}

/**
 * `count` invented booths spread over the exhibiting zones among `zones`, proportionally to each zone's usual size.
 * The same arguments always give the same catalogue; ids are `synthetic-<zone>-<nnnn>`.
 */
export function generateSyntheticExhibitors(count: number, zones: Zone[], seed = 1): Exhibitor[] {
  if (!Number.isInteger(count) || count < SYNTHETIC_MIN_COUNT || count > SYNTHETIC_MAX_COUNT) {
    throw new RangeError(`synthetic exhibitor count must be a whole number from ${SYNTHETIC_MIN_COUNT} to ${SYNTHETIC_MAX_COUNT}, not ${count}`)
  }
  const zoneById = new Map(zones.map((z) => [z.id, z]))
  const zoneIds = EXHIBITING_ZONE_IDS.filter((id) => zoneById.has(id))
  if (zoneIds.length === 0) throw new RangeError('synthetic exhibitors need at least one exhibiting zone')

  const random = seededRandom(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]
  const perZone = apportion(count, zoneIds)
  const out: Exhibitor[] = []
  let n = 0
  for (const zone of zoneIds) {
    const zoneName = zoneById.get(zone)!.name
    for (let i = 0; i < perZone.get(zone)!; i++) {
      n++
      const num = String(n).padStart(4, '0')
      const r = random()
      const boothSize: BoothSize = r < 0.03 ? 'island' : r < 0.2 ? 'large' : 'standard'

      let country = 'CN-AH'
      let timeZone = 'Asia/Shanghai'
      let section: string | undefined
      let modes: Availability['modes'] = random() < 0.15 ? ['online'] : ['online', 'on-site']
      if (zone === 'korea-pavilion') {
        country = 'KR'
        timeZone = 'Asia/Seoul'
      } else if (zone === 'yrd') {
        ;({ section, country } = YRD_SECTIONS[i % YRD_SECTIONS.length])
      } else if (zone === 'imported-goods') {
        if (i % 3 === 2) {
          section = 'hongqiao-pinhui'
          country = pick(PINHUI_COUNTRIES) // shown by an importer in Shanghai, so Shanghai hours
        } else {
          section = 'ciie'
          ;({ country, timeZone } = pick(ABROAD))
          modes = ['online']
        }
      }

      const products = sample(PRODUCTS[zone], 2 + Math.floor(random() * 3), random)
      out.push({
        id: `synthetic-${zone}-${num}`,
        name: {
          'zh-CN': `样例企业 ${num}`,
          en: `Sample Exhibitor ${num}`,
          ...(zone === 'korea-pavilion' ? { ko: `샘플 기업 ${num}` } : {}),
        },
        zone,
        sample: true,
        boothSize,
        description: {
          'zh-CN': `合成样例数据：${zoneName['zh-CN']}展区的虚构展商，用于测试大规模展馆。`,
          en: `Synthetic sample data: an invented exhibitor in ${zoneName.en}, generated to test a large hall.`,
        },
        products,
        country,
        ...(section ? { section } : {}),
        contact: { email: `booth-${num}@synthetic.example.com` },
        availability: {
          timeZone,
          weeklyHours: pick(HOURS),
          slotMinutes: pick(SLOT_MINUTES),
          bufferMinutes: pick(BUFFER_MINUTES),
          parallelTables: 1 + Math.floor(random() * (boothSize === 'standard' ? 2 : 4)),
          blackoutDates: country.startsWith('CN') ? CN_BLACKOUT : [],
          modes,
        },
      })
    }
  }
  return out
}
