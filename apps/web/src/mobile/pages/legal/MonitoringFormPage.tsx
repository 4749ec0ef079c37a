import type { MyMonitoringPoint } from '@niangjia/contracts';
import { monitoringIndicators } from '@niangjia/contracts/rights-domain';
import { Button, Form, Input, NavBar, Skeleton, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../shared/api';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';

/** /m/monitoring — a monitoring point's informant files the quarterly form (matched by their phone on the 三员 roster). */
export function MonitoringFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const points = useRequest((signal) => api.get<MyMonitoringPoint[]>('/rights/my/monitoring-points', undefined, { signal }), []);
  return (
    <>
      <NavBar onBack={() => navigate('/me')} style={{ background: '#fff' }}>
        {t('legal.monitoring.title')}
      </NavBar>
      <div style={{ padding: '4px 12px 24px' }}>
        {points.error ? <ErrorNotice error={points.error} /> : null}
        {!points.data ? (
          <div className="nj-section" style={{ margin: '8px 0', padding: 16 }}>
            <Skeleton.Paragraph lineCount={5} animated />
          </div>
        ) : points.data.length === 0 ? (
          <div className="nj-section nj-muted" style={{ margin: '8px 0', padding: 16 }}>
            {t('legal.monitoring.none')}
          </div>
        ) : (
          points.data.map((p) => <PointForm key={p.id} point={p} onSaved={points.setData} all={points.data!} />)
        )}
      </div>
    </>
  );
}

function PointForm({ point, all, onSaved }: { point: MyMonitoringPoint; all: MyMonitoringPoint[]; onSaved: (next: MyMonitoringPoint[]) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const last = point.reports[0];
  const submit = async (v: Record<string, string>) => {
    setBusy(true);
    setError(null);
    try {
      const values = Object.fromEntries(monitoringIndicators.map((k) => [k, k === 'wage_arrears_fen' ? Math.round(Number(v[k] || 0) * 100) : Number(v[k] || 0)]));
      const next = await api.put<MyMonitoringPoint>(`/rights/my/monitoring-points/${point.id}/reports/${point.dueQuarter}`, { values });
      onSaved(all.map((p) => (p.id === next.id ? next : p)));
      const report = next.reports.find((r) => r.quarter === point.dueQuarter);
      Toast.show({ content: report?.warnings.length ? t('legal.monitoring.warned') : t('legal.monitoring.saved') });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="nj-section" style={{ margin: '8px 0' }}>
      <div style={{ padding: '14px 16px 0' }}>
        <strong style={{ fontSize: 18 }}>{point.enterpriseName}</strong>
        <p className="nj-muted" style={{ margin: '4px 0 0' }}>
          {point.orgName} ·{' '}
          {point.isDueSubmitted ? (
            <Tag color="success" fill="outline">
              {t('legal.monitoring.submitted', { quarter: point.dueQuarter })}
            </Tag>
          ) : (
            <span data-testid="report-due">{t('legal.monitoring.due', { quarter: point.dueQuarter, date: point.dueOn })}</span>
          )}
        </p>
      </div>
      {error ? (
        <div style={{ padding: '0 12px' }}>
          <ErrorNotice error={error} />
        </div>
      ) : null}
      {!point.isDueSubmitted && (
        <Form
          form={form}
          layout="horizontal"
          initialValues={last ? Object.fromEntries(monitoringIndicators.map((k) => [k, String(k === 'wage_arrears_fen' ? 0 : k === 'headcount' || k === 'contract_signed' || k === 'social_insurance_covered' ? last.values[k] : 0)])) : {}}
          onFinish={(v) => void submit(v as Record<string, string>)}
          footer={
            <Button block type="submit" color="primary" size="large" loading={busy} data-testid="report-submit">
              {t('legal.monitoring.save')}
            </Button>
          }
        >
          {monitoringIndicators.map((k) => (
            <Form.Item key={k} name={k} label={t(`legal.monitoring.indicators.${k}`)} rules={[{ required: true, pattern: /^\d+(\.\d{1,2})?$/, message: '≥ 0' }]}>
              <Input type="number" inputMode={k === 'wage_arrears_fen' ? 'decimal' : 'numeric'} min={0} style={{ '--font-size': '17px', '--text-align': 'right' }} data-testid={`indicator-${k}`} />
            </Form.Item>
          ))}
        </Form>
      )}
      {point.reports.length > 0 && (
        <p className="nj-muted" style={{ padding: '0 16px 12px', margin: 0, fontSize: 14 }}>
          {t('legal.monitoring.history')}：{point.reports.map((r) => r.quarter).join('、')}
        </p>
      )}
    </section>
  );
}
