import type { Consultation } from '@niangjia/contracts';
import { disputeCategories } from '@niangjia/contracts/rights-domain';
import { Button, Form, Input, NavBar, Picker, Selector, Switch, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../shared/api';
import { useSession } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';

type Values = { category: string[]; question: string; employerName?: string; isAnonymous: boolean };

/** 服务 ▸ 法律咨询 (/m/legal): ask a legal question (anonymous if you like); the answer arrives under 我的. */
export function AskPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useSession();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [deskId, setDeskId] = useState<string | null>(null);
  const [isPicking, setPicking] = useState(false);
  const desks = useRequest((signal) => api.get<{ id: string; name: string }[]>('/rights/public/desks', undefined, { signal }), []);
  const submit = async (v: Values) => {
    if (!me) {
      void navigate(`/login?next=${encodeURIComponent('/m/legal')}`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await api.post<Consultation>('/rights/my/consultations', { category: v.category[0] ?? 'other', question: v.question, employerName: v.employerName || undefined, isAnonymous: v.isAnonymous, ...(deskId ? { orgId: deskId } : {}) });
      Toast.show({ content: t('legal.submitted') });
      void navigate(`/me/legal/${created.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const deskName = desks.data?.find((d) => d.id === deskId)?.name;
  return (
    <>
      <NavBar onBack={() => navigate(-1)} style={{ background: '#fff' }}>
        {t('legal.title')}
      </NavBar>
      <section className="nj-section" style={{ padding: 16 }}>
        <p className="nj-muted" style={{ margin: 0 }}>
          {t('legal.intro')}
        </p>
        <a href="tel:12351" className="nj-link-button" style={{ display: 'inline-block', paddingLeft: 0, fontSize: 17 }} data-testid="hotline">
          ☎ {t('legal.hotline')}
        </a>
      </section>
      <div className="nj-section">
        {error ? (
          <div style={{ padding: '0 12px' }}>
            <ErrorNotice error={error} />
          </div>
        ) : null}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ category: ['wages'], isAnonymous: false }}
          onFinish={(v) => void submit(v)}
          footer={
            <Button block type="submit" color="primary" size="large" loading={busy} data-testid="ask-submit">
              {t('legal.submit')}
            </Button>
          }
        >
          <Form.Item name="category" label={t('legal.category')}>
            <Selector className="nj-selector" columns={3} options={disputeCategories.map((c) => ({ value: c, label: t(`legal.categories.${c}`) }))} />
          </Form.Item>
          <Form.Item name="question" label={t('legal.question')} rules={[{ required: true, min: 5, message: t('legal.tooShort') }]}>
            <TextArea rows={5} maxLength={2000} showCount placeholder={t('legal.questionPlaceholder')} style={{ '--font-size': '17px' }} data-testid="ask-question" />
          </Form.Item>
          <Form.Item name="employerName" label={t('legal.employer')}>
            <Input maxLength={100} clearable style={{ '--font-size': '17px' }} />
          </Form.Item>
          <Form.Item label={t('legal.desk')}>
            <button type="button" className="nj-picker-trigger" onClick={() => setPicking(true)}>
              <span>{deskName ?? t('legal.deskAuto')}</span>
              <span aria-hidden>›</span>
            </button>
          </Form.Item>
          <Form.Item name="isAnonymous" label={t('legal.anonymous')} description={t('legal.anonymousHint')} valuePropName="checked" layout="horizontal" childElementPosition="right">
            <Switch data-testid="ask-anonymous" />
          </Form.Item>
        </Form>
      </div>
      <Picker
        visible={isPicking}
        onClose={() => setPicking(false)}
        columns={[[{ label: t('legal.deskAuto'), value: '' }, ...(desks.data ?? []).map((d) => ({ label: d.name, value: d.id }))]]}
        value={[deskId ?? '']}
        onConfirm={(v) => setDeskId((v[0] as string) || null)}
      />
      <div style={{ padding: '0 12px 24px' }}>
        <Button block size="large" onClick={() => navigate('/me/legal')}>
          {t('legal.mine')}
        </Button>
      </div>
    </>
  );
}
