import { addDays, defineIndicators, shanghaiDayStart } from '../../platform/indicators';
import { findLatestCoverageShare } from './coverage.repository';
import { createStandardsService } from './standards.service';

const POSITION_TYPE_LABELS = {
  service_center: { zh: '职工服务中心', en: 'Service centre' },
  service_point: { zh: '服务站点', en: 'Service point' },
  rest_station: { zh: '户外劳动者服务站（工会驿站）', en: 'Rest station' },
  workers_home: { zh: '职工之家', en: "Workers' home" },
  mothers_room: { zh: '爱心妈咪小屋', en: "Mothers' room" },
  driver_home: { zh: '司机之家', en: "Drivers' home" },
  canteen: { zh: '共享食堂', en: 'Shared canteen' },
  joining_point: { zh: '入会点', en: 'Joining point' },
};
const BUILD_MODE_LABELS = {
  commerce_sustained: { zh: '以商养站', en: 'Commerce-sustained' },
  platform_company: { zh: '头部企业共建', en: 'Built with a platform company' },
  converted_idle: { zh: '闲置资产改造', en: 'Converted idle space' },
  union_built: { zh: '工会自建', en: 'Union-built' },
  partner: { zh: '合作共建', en: 'Built with a partner' },
  '': { zh: '未填写', en: 'Not given' },
};

const positionFacts = {
  tables: { p: 'position' },
  from: '{p} p',
  org: 'p.org_id',
  dims: { positionType: 'p.type', buildMode: 'p.build_mode' },
};
const IN_SERVICE = "p.status in ('open', 'suspended', 'closed')";

/**
 * Service positions (服务阵地). A position counts from the day it was registered (once open;
 * planned and building ones do not count) until the day it was closed.
 */
export const positionsIndicators = defineIndicators({
  module: 'positions',
  section: { zh: '服务阵地建设', en: 'Service positions' },
  order: 30,
  dimensions: [
    { key: 'positionType', name: { zh: '阵地类型', en: 'Position type' }, values: POSITION_TYPE_LABELS },
    { key: 'buildMode', name: { zh: '建设模式', en: 'How it was built' }, values: BUILD_MODE_LABELS },
  ],
  series: [
    {
      key: 'positions.count',
      ...positionFacts,
      events: [
        { at: 'p.created_at', value: '1', where: IN_SERVICE },
        { at: 'p.status_changed_at', value: '-1', where: "p.status = 'closed'" },
      ],
    },
    { key: 'positions.created', ...positionFacts, events: [{ at: 'p.created_at', value: '1', where: IN_SERVICE }] },
  ],
  indicators: [
    {
      key: 'positions.total',
      name: { zh: '服务阵地数', en: 'Service positions' },
      unit: 'count',
      definition: { zh: '期末时点投入使用（开放或暂停）的服务阵地个数，按登记日期计入、关闭日期扣除。', en: 'Positions in service (open or suspended) at the end of the period: counted from registration, removed when closed.' },
      compute: { kind: 'stock', series: 'positions.count' },
      dimensions: ['positionType', 'buildMode'],
      isHeadline: true,
      hasTarget: true,
    },
    {
      key: 'positions.rest_stations',
      name: { zh: '户外劳动者服务站', en: 'Rest stations' },
      unit: 'count',
      definition: { zh: '期末时点投入使用的户外劳动者服务站（工会驿站）个数。', en: 'Outdoor workers’ rest stations (union stations) in service at the end of the period.' },
      compute: { kind: 'stock', series: 'positions.count', filter: { positionType: ['rest_station'] } },
      dimensions: ['buildMode'],
      isHeadline: true,
      hasTarget: true,
    },
    {
      key: 'positions.commerce_sustained',
      name: { zh: '以商养站阵地', en: 'Commerce-sustained positions' },
      unit: 'count',
      definition: { zh: '期末时点投入使用、建设模式为“以商养站”的阵地个数。', en: 'Commerce-sustained positions in service at the end of the period.' },
      compute: { kind: 'stock', series: 'positions.count', filter: { buildMode: ['commerce_sustained'] } },
    },
    {
      key: 'positions.mothers_rooms',
      name: { zh: '爱心妈咪小屋', en: "Mothers' rooms" },
      unit: 'count',
      definition: { zh: '期末时点投入使用的爱心妈咪小屋个数。', en: "Mothers' rooms in service at the end of the period." },
      compute: { kind: 'stock', series: 'positions.count', filter: { positionType: ['mothers_room'] } },
    },
    {
      key: 'positions.workers_homes',
      name: { zh: '职工之家', en: "Workers' homes" },
      unit: 'count',
      definition: { zh: '期末时点投入使用的职工之家个数。', en: "Workers' homes in service at the end of the period." },
      compute: { kind: 'stock', series: 'positions.count', filter: { positionType: ['workers_home'] } },
    },
    {
      key: 'positions.new',
      name: { zh: '新建服务阵地', en: 'New positions' },
      unit: 'count',
      definition: { zh: '期内登记并投入使用的服务阵地个数。', en: 'Positions registered in the period and in service.' },
      compute: { kind: 'flow', series: 'positions.created' },
      dimensions: ['positionType', 'buildMode'],
      isHeadline: true,
      hasTarget: true,
    },
    {
      key: 'positions.standard_rate',
      name: { zh: '阵地设施达标率', en: 'Positions meeting the facility standard' },
      unit: 'percent',
      definition: {
        zh: '未关闭的阵地中，设施齐备所属区县设施标准（默认“七个一”）的比例，按当前设施计。',
        en: 'Share of positions not closed that have every facility of their district’s standard (default 七个一), as recorded now.',
      },
      compute: {
        kind: 'query',
        periodic: false,
        async evaluate({ db, org }) {
          const page = await createStandardsService({ db }).listShortfalls({ page: 1, pageSize: 1 }, [org.path]);
          return { value: page.checked ? ((page.checked - page.total) / page.checked) * 100 : null };
        },
      },
      decimals: 1,
    },
    {
      key: 'positions.coverage_share',
      name: { zh: '15分钟服务圈覆盖率', en: '15-minute circle coverage' },
      unit: 'percent',
      definition: {
        zh: '本组织区域最近一次（期末前完成的）15分钟服务圈测算中，步行可达服务点的人口（无人口图层时为街道长度）占比。',
        en: 'In the area’s latest 15-minute circle run finished by the end of the period: the share of population (else of street length) within reach.',
      },
      compute: {
        kind: 'query',
        periodic: true,
        async evaluate({ db, org, to }) {
          const run = await findLatestCoverageShare(db, org.id, shanghaiDayStart(addDays(to, 1)));
          return run ? { value: run.share === null ? null : run.share * 100, asOf: run.finishedAt } : { value: null };
        },
      },
      decimals: 1,
    },
  ],
});
