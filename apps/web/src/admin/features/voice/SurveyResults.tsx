import type { Survey, SurveyQuestionResult, SurveyResults as Results } from '@niangjia/contracts';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { App, Button, Card, Empty, List, Radio, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { errorText } from '../../../shared/api';
import { useEcharts } from '../../../shared/use-echarts';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/**
 * A horizontal bar per option (or scale value, or mean rank). Labels are workers' and staff's
 * words: drawn on the canvas, and the tooltip renders as canvas rich text, never as HTML.
 */
function Bars({ labels, values, testId }: { labels: string[]; values: number[]; testId: string }) {
  const { el, chart } = useEcharts();
  useEffect(() => {
    chart.current?.setOption(
      {
        color: ['#c8102e'],
        tooltip: { trigger: 'axis', renderMode: 'richText', axisPointer: { type: 'shadow' } },
        grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 160, overflow: 'truncate' } },
        series: [{ type: 'bar', data: values, barMaxWidth: 22, label: { show: true, position: 'right' } }],
      },
      true,
    );
  }, [chart, labels, values]);
  return <div ref={el} style={{ width: '100%', height: Math.max(90, labels.length * 32 + 24) }} data-testid={testId} />;
}

function QuestionCard({ q, index }: { q: SurveyQuestionResult; index: number }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginBottom: 8 }} title={`${index + 1}. ${q.title}`} extra={<Typography.Text type="secondary">{t('surveyAdmin.results.answered', { n: q.answered })}</Typography.Text>} data-testid={`survey-result-${q.id}`}>
      {q.kind === 'single' || q.kind === 'multi' ? <Bars labels={q.options.map((o) => o.label)} values={q.options.map((o) => o.count)} testId={`survey-chart-${q.id}`} /> : null}
      {q.kind === 'scale' ? (
        <>
          <Typography.Text strong>{t('surveyAdmin.results.average', { v: q.average ?? '—' })}</Typography.Text>
          <Bars labels={q.distribution.map((d) => String(d.value))} values={q.distribution.map((d) => d.count)} testId={`survey-chart-${q.id}`} />
        </>
      ) : null}
      {q.kind === 'rank' ? (
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={q.ranks}
          columns={[
            { title: '#', key: 'n', width: 50, render: (_: unknown, __: unknown, i: number) => i + 1 },
            { title: t('surveyAdmin.field.option', { n: '' }), dataIndex: 'label', key: 'label' },
            { title: t('surveyAdmin.results.averagePosition'), dataIndex: 'averagePosition', key: 'p', width: 120, align: 'right' },
          ]}
        />
      ) : null}
      {q.kind === 'text' ? (
        <List
          size="small"
          style={{ maxHeight: 240, overflow: 'auto' }}
          locale={{ emptyText: t('surveyAdmin.results.noTexts') }}
          dataSource={q.texts}
          renderItem={(x) => <List.Item>{x}</List.Item>}
        />
      ) : null}
    </Card>
  );
}

function CrossTab({ survey, results }: { survey: Survey; results: Results }) {
  const { t } = useTranslation();
  const tab = results.crossTab;
  if (!tab) return null;
  const choice = survey.questions.filter((q) => q.kind === 'single' || q.kind === 'multi');
  const rows = choice.flatMap((q) => q.options.map((o) => ({ key: `${q.id}.${o.id}`, question: q.title, option: o.label, qid: q.id, oid: o.id })));
  return (
    <Table
      size="small"
      bordered
      pagination={false}
      scroll={{ x: 'max-content', y: 420 }}
      rowKey="key"
      dataSource={rows}
      data-testid="survey-crosstab"
      columns={[
        { title: t('surveyAdmin.field.question'), dataIndex: 'question', key: 'q', width: 200, fixed: 'left', ellipsis: true },
        { title: t('surveyAdmin.field.options'), dataIndex: 'option', key: 'o', width: 140, fixed: 'left', ellipsis: true },
        ...tab.groups.map((g) => ({
          title: `${g.label}（${g.isWithheld ? t('surveyAdmin.results.withheld') : g.responses}）`,
          key: g.key,
          width: 120,
          align: 'right' as const,
          render: (_: unknown, r: (typeof rows)[number]) => (g.isWithheld ? '—' : (g.counts[r.qid]?.[r.oid] ?? 0)),
        })),
      ]}
    />
  );
}

/** 结果: each question's chart, the cross-tab by union or employment form, and the .xlsx export. */
export function SurveyResultsTab({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [by, setBy] = useState<'' | 'union' | 'employmentForm'>('');
  const results = useRequest((signal) => api.get<Results>(`/voice/surveys/${survey.id}/results`, { by: by || undefined }, { signal }), [survey.id, by]);
  const r = results.data;
  return (
    <div data-testid="survey-results">
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text strong data-testid="survey-responses">{t('surveyAdmin.results.responses', { n: r?.responses ?? survey.responses })}</Typography.Text>
        <Button onClick={() => void api.download(`/voice/surveys/${survey.id}/export`, undefined, 'survey-results.xlsx').catch((e: unknown) => message.error(errorText(e)))} data-testid="survey-export">
          {t('surveyAdmin.results.export')}
        </Button>
        <span>{t('surveyAdmin.results.crossTab')}</span>
        <Radio.Group
          optionType="button"
          size="small"
          value={by}
          onChange={(e) => setBy(e.target.value as typeof by)}
          options={[
            { value: '', label: t('surveyAdmin.results.none') },
            { value: 'union', label: t('surveyAdmin.results.byUnion') },
            { value: 'employmentForm', label: t('surveyAdmin.results.byForm') },
          ]}
        />
      </Space>
      {results.error ? <ErrorAlert error={results.error} onRetry={results.reload} /> : null}
      {r && r.responses === 0 ? <Empty description={t('surveyAdmin.results.empty')} /> : null}
      {r && r.responses > 0 && by ? <CrossTab survey={survey} results={r} /> : null}
      {r && r.responses > 0 && !by ? r.questions.map((q, i) => <QuestionCard key={q.id} q={q} index={i} />) : null}
    </div>
  );
}
