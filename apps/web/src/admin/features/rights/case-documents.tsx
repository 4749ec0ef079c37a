import type { CaseDetail } from '@niangjia/contracts';
import { Alert, App, Button, Card, Input, List, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { CaseTabProps } from './CaseDetailPage';

/** 证据: files uploaded as they are (the server checks their bytes: images or PDF) and attached to the case. */
export function EvidenceTab({ c, onChange }: CaseTabProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [description, setDescription] = useState('');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {error ? <ErrorAlert error={error} /> : null}
      <List
        bordered
        dataSource={c.evidence}
        locale={{ emptyText: '—' }}
        renderItem={(e) => (
          <List.Item>
            <List.Item.Meta
              title={
                <a href={`/api/v1/rights/files/${e.file.id}`} target="_blank" rel="noreferrer">
                  {e.file.fileName}
                </a>
              }
              description={`${e.description ?? ''} · ${Math.round(e.file.size / 1024)} KB · SHA-256 ${e.file.sha256.slice(0, 16)}…`}
            />
            <Typography.Text type="secondary">{formatDateTime(e.addedAt)}</Typography.Text>
          </List.Item>
        )}
      />
      {c.can.write && (
        <Space>
          <Input placeholder={t('rights.cases.claimDesc')} value={description} onChange={(e) => setDescription(e.target.value)} style={{ width: 260 }} maxLength={200} />
          <Upload
            accept="image/jpeg,image/png,image/webp,application/pdf"
            showUploadList={false}
            customRequest={async ({ file, onSuccess, onError }) => {
              setError(null);
              try {
                const blob = file as File;
                const uploaded = await api.sendFile<{ id: string }>('/rights/files', blob, undefined, { 'x-file-name': encodeURIComponent(blob.name) });
                onChange(await api.post<CaseDetail>(`/rights/cases/${c.id}/evidence`, { fileId: uploaded.id, description: description || undefined }));
                setDescription('');
                onSuccess?.(uploaded);
              } catch (e) {
                setError(e);
                onError?.(e as Error);
              }
            }}
          >
            <Button>{t('rights.cases.upload')}</Button>
          </Upload>
        </Space>
      )}
    </Space>
  );
}

/** 文书: the PDFs (each version kept with its hash) and the parties' signatures captured on a phone or tablet. */
export function DocumentsTab({ c, reload }: CaseTabProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const [link, setLink] = useState<{ url: string; expiresAt: string; who: string } | null>(null);
  const [signer, setSigner] = useState<string>('applicant');
  const kinds = (['acceptance_notice', 'agreement'] as const).filter((k) => (k === 'agreement' ? c.status === 'agreed' : ['accepted', 'agreed', 'failed'].includes(c.status)));
  const generate = async (kind: string, audience: string) => {
    setError(null);
    try {
      const res = await api.post<{ id: string; version: number; isNew: boolean }>(`/rights/cases/${c.id}/documents`, { kind, audience });
      message.success(t('rights.cases.version', { n: res.version }));
      reload();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'RIGHTS_PDF_UNAVAILABLE') message.warning(t('rights.cases.pdfUnavailable'));
      else setError(e);
    }
  };
  const requestSignature = async (kind: string) => {
    setError(null);
    const [role, partyId] = signer.split(':');
    try {
      const res = await api.post<{ url: string; expiresAt: string }>(`/rights/cases/${c.id}/sign-requests`, { kind, signerRole: role, ...(partyId ? { partyId } : {}) });
      setLink({ ...res, who: t(`rights.signerRoles.${role}`) });
    } catch (e) {
      setError(e);
    }
  };
  const signerOptions = [
    ...c.parties.map((p) => ({ value: `${p.role}:${p.id}`, label: `${t(`rights.signerRoles.${p.role}`)} ${p.name}` })),
    ...(c.mediator ? [{ value: 'mediator', label: `${t('rights.signerRoles.mediator')} ${c.mediator.name}` }] : []),
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {error ? <ErrorAlert error={error} /> : null}
      {kinds.length === 0 && <Alert type="info" showIcon title={t('rights.cases.documents')} description={t('rights.caseStatuses.received')} />}
      {kinds.map((kind) => (
        <Card key={kind} size="small" title={t(`rights.docKinds.${kind}`)}>
          <Space wrap style={{ marginBottom: 12 }}>
            {(kind === 'agreement' ? (['file'] as const) : (['applicant', 'respondent', 'file'] as const)).map((a) => (
              <Button key={a} onClick={() => void generate(kind, a)} disabled={!c.can.write} data-testid={`generate-${kind}-${a}`}>
                {t('rights.cases.generate')} · {t(`rights.audiences.${a}`)}
              </Button>
            ))}
          </Space>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={c.documents.filter((d) => d.kind === kind)}
            columns={[
              { title: '', dataIndex: 'audience', width: 160, render: (a: string) => t(`rights.audiences.${a}`) },
              {
                title: '',
                key: 'v',
                width: 160,
                render: (_: unknown, d) => (
                  <a href={`/api/v1/rights/cases/${c.id}/documents/${d.id}`} target="_blank" rel="noreferrer" data-testid="document-link">
                    {t('rights.cases.version', { n: d.version })} {d.isCurrent && <Tag color="green">{t('rights.cases.current')}</Tag>}
                  </a>
                ),
              },
              { title: '', dataIndex: 'signers', render: (s: string[]) => (s.length ? t('rights.cases.signers', { names: s.join('、') }) : '—') },
              { title: 'SHA-256', dataIndex: 'sha256', width: 180, render: (v: string) => <Typography.Text code>{v.slice(0, 16)}…</Typography.Text> },
              { title: '', dataIndex: 'createdAt', width: 140, render: (v: string) => formatDateTime(v) },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t('rights.cases.signatures')}
          </Typography.Title>
          <Space wrap>
            {c.signatures.filter((s) => s.kind === kind).length === 0 && <Typography.Text type="secondary">{t('rights.cases.noSignatures')}</Typography.Text>}
            {c.signatures
              .filter((s) => s.kind === kind)
              .map((s) => (
                <Tag key={s.id} color={s.isCurrent ? 'green' : 'default'}>
                  {t(`rights.signerRoles.${s.signerRole}`)} {s.signerName} · {formatDateTime(s.signedAt)} {!s.isCurrent && `（${t('rights.cases.outdated')}）`}
                </Tag>
              ))}
          </Space>
          {c.can.write && (
            <Space style={{ marginTop: 12 }}>
              <Select style={{ width: 260 }} value={signer} onChange={setSigner} options={signerOptions.filter((o) => kind === 'agreement' || o.value === 'mediator')} data-testid={`signer-${kind}`} />
              <Button onClick={() => void requestSignature(kind)} data-testid={`sign-request-${kind}`}>
                {t('rights.cases.signRequest')}
              </Button>
            </Space>
          )}
        </Card>
      ))}
      {link && <SignLinkModal link={link} onClose={() => (setLink(null), reload())} />}
    </Space>
  );
}

function SignLinkModal({ link, onClose }: { link: { url: string; expiresAt: string; who: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const absolute = `${window.location.origin}${link.url}`;
  useEffect(() => {
    if (canvas.current) void QRCode.toCanvas(canvas.current, absolute, { width: 220, margin: 1 });
  }, [absolute]);
  return (
    <Modal open title={`${t('rights.cases.signRequest')} · ${link.who}`} onCancel={onClose} onOk={onClose} cancelButtonProps={{ style: { display: 'none' } }}>
      <Space orientation="vertical" align="center" style={{ width: '100%' }}>
        <canvas ref={canvas} />
        <Typography.Text type="secondary">{t('rights.cases.signLinkHint')}</Typography.Text>
        <Typography.Text copyable={{ text: absolute }}>
          <a href={link.url} target="_blank" rel="noreferrer" data-testid="sign-link">
            {t('rights.cases.signLink')}
          </a>
        </Typography.Text>
        <Typography.Text type="secondary">{formatDateTime(link.expiresAt)}</Typography.Text>
      </Space>
    </Modal>
  );
}
