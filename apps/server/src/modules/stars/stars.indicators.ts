import { defineIndicators, type QueryContext } from '../../platform/indicators';
import { createStandardsService } from '../positions';
import { doorAccessFigures } from './access-figures';
import { createStarsService } from './stars.service';

/** The year's stars of every position in the subtree (computed on read, as the console shows them). */
async function starsOfYear(ctx: QueryContext): Promise<(number | null)[]> {
  const standards = createStandardsService({ db: ctx.db });
  const stars = createStarsService({ db: ctx.db, accessFigures: doorAccessFigures(ctx.db), standardKeys: (paths) => standards.standardKeysFor(paths) });
  const page = await stars.listStars({ year: Number(ctx.to.slice(0, 4)), page: 1, pageSize: 1_000_000 }, [ctx.org.path]);
  return page.items.map((row) => row.result.stars);
}

const issueFacts = { tables: { i: 'position_issue', p: 'position' }, from: '{i} i join {p} p on p.id = i.position_id', org: 'p.org_id' };

/** Star ratings (评星定级) of the year the period ends in, and workers' feedback on positions. */
export const starsIndicators = defineIndicators({
  module: 'stars',
  section: { zh: '阵地评星与职工反馈', en: 'Star ratings and feedback' },
  order: 35,
  series: [
    { key: 'stars.issues_reported', ...issueFacts, events: [{ at: 'i.created_at', value: '1' }] },
    { key: 'stars.issues_resolved', ...issueFacts, events: [{ at: 'i.resolved_at', value: '1', where: "i.status = 'resolved' and i.resolved_at is not null" }] },
  ],
  indicators: [
    {
      key: 'stars.five_star',
      name: { zh: '五星阵地', en: 'Five-star positions' },
      unit: 'count',
      definition: { zh: '期末所在年度评为五星的阵地个数（按当年检查和职工评分计算）。', en: 'Positions rated five stars for the year the period ends in (from that year’s inspections and ratings).' },
      compute: {
        kind: 'query',
        periodic: true,
        async evaluate(ctx) {
          return { value: (await starsOfYear(ctx)).filter((s) => s === 5).length };
        },
      },
      isHeadline: true,
    },
    {
      key: 'stars.average',
      name: { zh: '阵地平均星级', en: 'Average stars' },
      unit: 'stars',
      definition: { zh: '期末所在年度已评星阵地的平均星级（未检查的阵地不计）。', en: 'Average stars of the positions rated for the year the period ends in (positions not inspected are left out).' },
      compute: {
        kind: 'query',
        periodic: true,
        async evaluate(ctx) {
          const rated = (await starsOfYear(ctx)).filter((s): s is number => s !== null);
          return { value: rated.length ? rated.reduce((a, b) => a + b, 0) / rated.length : null };
        },
      },
      decimals: 1,
    },
    {
      key: 'stars.issues_reported',
      name: { zh: '职工反馈问题', en: 'Problems reported by workers' },
      unit: 'count',
      definition: { zh: '期内职工在阵地公开页上报的问题条数。', en: 'Problems workers reported on the positions’ public pages in the period.' },
      compute: { kind: 'flow', series: 'stars.issues_reported' },
    },
    {
      key: 'stars.issues_resolved',
      name: { zh: '已解决反馈', en: 'Problems resolved' },
      unit: 'count',
      definition: { zh: '期内处理完毕（已解决）的职工反馈条数。', en: 'Reported problems resolved in the period.' },
      compute: { kind: 'flow', series: 'stars.issues_resolved' },
    },
  ],
});
