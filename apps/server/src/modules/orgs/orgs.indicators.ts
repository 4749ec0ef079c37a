import { defineIndicators } from '../../platform/indicators';

const ORG_TYPE_LABELS = {
  federation: { zh: '总工会', en: 'Federation' },
  district: { zh: '区县工会', en: 'District union' },
  street: { zh: '街道（镇）工会', en: 'Street/town union' },
  park: { zh: '园区工会', en: 'Park union' },
  industry: { zh: '行业工会', en: 'Industry union' },
  joint: { zh: '片区联合工会', en: 'Regional joint union' },
  community: { zh: '社区工会', en: 'Community union' },
  grassroots: { zh: '基层工会', en: 'Grassroots union' },
};

/**
 * Figures of the union tree (组织建设). An org counts from the day it was created until the day
 * it was closed; its own node is part of its subtree.
 */
export const orgsIndicators = defineIndicators({
  module: 'orgs',
  section: { zh: '组织建设', en: 'Union organisations' },
  order: 10,
  dimensions: [{ key: 'orgType', name: { zh: '组织类型', en: 'Organisation type' }, values: ORG_TYPE_LABELS }],
  series: [
    {
      key: 'orgs.count',
      tables: { o: 'org' },
      from: '{o} o',
      org: 'o.id',
      dims: { orgType: 'o.type' },
      events: [
        { at: 'o.created_at', value: '1' },
        { at: 'o.closed_at', value: '-1', where: "o.status = 'closed' and o.closed_at is not null" },
      ],
    },
    { key: 'orgs.created', tables: { o: 'org' }, from: '{o} o', org: 'o.id', dims: { orgType: 'o.type' }, events: [{ at: 'o.created_at', value: '1' }] },
  ],
  indicators: [
    {
      key: 'orgs.grassroots',
      name: { zh: '基层工会数', en: 'Grassroots unions' },
      unit: 'count',
      definition: { zh: '期末时点仍在运行（未撤销）的基层工会个数。', en: 'Grassroots unions open at the end of the period.' },
      compute: { kind: 'stock', series: 'orgs.count', filter: { orgType: ['grassroots'] } },
      isHeadline: true,
      hasTarget: true,
    },
    {
      key: 'orgs.joint',
      name: { zh: '片区联合工会数', en: 'Regional joint unions' },
      unit: 'count',
      definition: { zh: '期末时点仍在运行的片区（区域）联合工会个数，吸纳零散就业的新就业形态劳动者入会。', en: 'Regional joint unions open at the end of the period (they take in scattered gig workers).' },
      compute: { kind: 'stock', series: 'orgs.count', filter: { orgType: ['joint'] } },
    },
    {
      key: 'orgs.total',
      name: { zh: '工会组织总数', en: 'Union organisations' },
      unit: 'count',
      definition: { zh: '期末时点本级及下属所有未撤销的工会组织个数（含本级）。', en: 'All open union organisations in the subtree at the end of the period, the node itself included.' },
      compute: { kind: 'stock', series: 'orgs.count' },
      dimensions: ['orgType'],
    },
    {
      key: 'orgs.new_grassroots',
      name: { zh: '新建基层工会', en: 'New grassroots unions' },
      unit: 'count',
      definition: { zh: '期内登记成立的基层工会个数（按创建日期）。', en: 'Grassroots unions created in the period.' },
      compute: { kind: 'flow', series: 'orgs.created', filter: { orgType: ['grassroots'] } },
      isHeadline: true,
      hasTarget: true,
    },
  ],
});
