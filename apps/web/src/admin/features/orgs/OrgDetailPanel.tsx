import { EditOutlined, PlusOutlined, RetweetOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import type { Org, OrgDetail } from '@niangjia/contracts';
import { App, Breadcrumb, Button, Card, Descriptions, Result, Skeleton, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, errorText } from '../../../shared/api';
import { childTypesOf } from '../../../shared/domain';
import { formatDateTime } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { AuditTable } from '../../components/AuditTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NotFoundPage } from '../../layout/NotFoundPage';
import { CloseOrgModal, MoveOrgModal } from './OrgActionModals';
import { OrgChildrenTable } from './OrgChildrenTable';
import { OrgFormModal } from './OrgFormModal';
import { useMemberCounts } from './member-counts';

type Props = {
  orgId: string;
  onOpen: (id: string) => void;
  /** Tell the tree which branches changed. */
  onTreeChanged: (parentIds: string[]) => void;
  onLoaded: (org: OrgDetail) => void;
};

type Dialog = 'create' | 'edit' | 'move' | 'close' | null;

export function OrgDetailPanel({ orgId, onOpen, onTreeChanged, onLoaded }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useMe();
  const canWrite = me.permissions.includes('org.write');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [tab, setTab] = useState('info');
  const [childrenKey, setChildrenKey] = useState(0);
  const detail = useRequest(
    async (signal) => {
      const org = await api.get<OrgDetail>(`/orgs/${orgId}`, undefined, { signal });
      onLoaded(org);
      return org;
    },
    [orgId],
  );
  const members = useMemberCounts(orgId);

  if (detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.code === 'NOT_FOUND')) {
    return <NotFoundPage title={t('orgs.notFound.title')} detail={detail.error.detail ?? t('orgs.notFound.detail')} />;
  }
  if (detail.error instanceof ApiError && detail.error.status === 403) {
    return <Result status="403" title={detail.error.title} subTitle={detail.error.detail} />;
  }
  if (detail.error && !detail.data) return <ErrorAlert error={detail.error} onRetry={detail.reload} />;
  const org = detail.data;
  if (!org || (detail.loading && org.id !== orgId))
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );

  const isClosed = org.status === 'closed';
  const canAddChild = canWrite && !isClosed && childTypesOf(org.type).length > 0;
  // A scope root is the top of what this user may change: it cannot be moved or closed from here.
  const isRoot = org.parentId === null || me.scopeRoots.some((r) => r.id === org.id);
  const scopeStart = org.ancestors.findIndex((a) => me.scopeRoots.some((r) => r.id === a.id));

  const afterSave = (saved: Org, messageKey: string, parents: string[]) => {
    setDialog(null);
    message.success(t(messageKey, { name: saved.name }));
    detail.reload();
    setChildrenKey((k) => k + 1);
    onTreeChanged(parents);
  };

  const reopen = () =>
    modal.confirm({
      title: t('orgs.reopen.title', { name: org.name }),
      content: t('orgs.reopen.hint'),
      okText: t('orgs.reopen.ok'),
      cancelText: t('actions.cancel'),
      onOk: async () => {
        try {
          const saved = await api.post<Org>(`/orgs/${org.id}/reopen`, { version: org.version });
          afterSave(saved, 'orgs.reopen.done', org.parentId ? [org.parentId] : []);
        } catch (e) {
          if (e instanceof ApiError && e.isConflict) {
            message.warning(t('orgs.conflict.detailReloaded'));
            detail.reload();
          } else message.error(errorText(e));
        }
      },
    });

  const field = (v: string | null) => v || <Typography.Text type="secondary">{t('common.notSet')}</Typography.Text>;

  return (
    <Card>
      {/* Header as content, not Card title/extra: those squeeze the name to an ellipsis on a tablet. */}
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', justifyContent: 'space-between', gap: 12, marginBottom: 8 }}>
        <div style={{ minWidth: 0 }}>
          <Space orientation="vertical" size={2} style={{ padding: '8px 0' }}>
            <Breadcrumb
              items={org.ancestors.map((a, i) => ({ title: scopeStart >= 0 && i >= scopeStart ? <a onClick={() => onOpen(a.id)}>{a.name}</a> : a.name }))}
              style={{ fontSize: 13 }}
            />
            <Space wrap>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="org-title">
                {org.name}
              </Typography.Title>
              <Tag>{t(`orgTypes.${org.type}`)}</Tag>
              <Tag color={isClosed ? 'default' : 'green'}>{t(`orgs.status.${org.status}`)}</Tag>
            </Space>
          </Space>
        </div>
        <div>
          {canWrite && (
            <Space wrap>
              {canAddChild && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')}>
                  {t('orgs.actions.addChild')}
                </Button>
              )}
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                {t('orgs.actions.edit')}
              </Button>
              {!isRoot && (
                <Button icon={<RetweetOutlined />} onClick={() => setDialog('move')}>
                  {t('orgs.actions.move')}
                </Button>
              )}
              {!isRoot &&
                (isClosed ? (
                  <Button icon={<UndoOutlined />} onClick={reopen}>
                    {t('orgs.actions.reopen')}
                  </Button>
                ) : (
                  <Button danger icon={<StopOutlined />} onClick={() => setDialog('close')}>
                    {t('orgs.actions.close')}
                  </Button>
                ))}
            </Space>
          )}
        </div>
      </div>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'info',
            label: t('orgs.tabs.info'),
            children: (
              <Descriptions column={{ xs: 1, sm: 1, md: 1, lg: 2 }} bordered size="small">
                <Descriptions.Item label={t('orgs.fields.name')}>{org.name}</Descriptions.Item>
                <Descriptions.Item label={t('orgs.fields.shortName')}>{field(org.shortName)}</Descriptions.Item>
                <Descriptions.Item label={t('orgs.fields.code')}>{org.code}</Descriptions.Item>
                <Descriptions.Item label={t('orgs.fields.type')}>{t(`orgTypes.${org.type}`)}</Descriptions.Item>
                {(org.type === 'district' || org.type === 'street' || org.divisionCode) && (
                  <Descriptions.Item label={t('orgs.fields.divisionCode')}>{field(org.divisionCode)}</Descriptions.Item>
                )}
                {(org.type === 'grassroots' || org.creditCode) && (
                  <Descriptions.Item label={t('orgs.fields.creditCode')}>{field(org.creditCode)}</Descriptions.Item>
                )}
                <Descriptions.Item label={t('orgs.fields.address')} span={2}>
                  {field(org.address)}
                </Descriptions.Item>
                <Descriptions.Item label={t('orgs.fields.contactName')}>{field(org.contactName)}</Descriptions.Item>
                <Descriptions.Item label={t('orgs.fields.contactPhone')}>{field(org.contactPhone)}</Descriptions.Item>
                <Descriptions.Item label={t('orgs.fields.chairName')}>{field(org.chairName)}</Descriptions.Item>
                <Descriptions.Item label={t('orgs.fields.chairPhone')}>{field(org.chairPhone)}</Descriptions.Item>
                <Descriptions.Item label={t('orgs.fields.foundedOn')}>{field(org.foundedOn)}</Descriptions.Item>
                <Descriptions.Item label={t('orgs.fields.legalCertNo')}>{field(org.legalCertNo)}</Descriptions.Item>
                <Descriptions.Item label={t('orgs.fields.children')}>{org.childCount}</Descriptions.Item>
                {members && (
                  <Descriptions.Item label={<Tooltip title={t('orgs.fields.memberCountHint')}>{t('orgs.fields.memberCount')}</Tooltip>}>
                    <span data-testid="org-member-count">{(members.total ?? 0).toLocaleString('zh-CN')}</span>
                  </Descriptions.Item>
                )}
                <Descriptions.Item label={t('orgs.fields.status')}>
                  {t(`orgs.status.${org.status}`)}
                  {isClosed && org.closedAt ? ` · ${formatDateTime(org.closedAt)}` : ''}
                </Descriptions.Item>
                {isClosed && (
                  <Descriptions.Item label={t('orgs.fields.closedReason')} span={2}>
                    {field(org.closedReason)}
                  </Descriptions.Item>
                )}
                <Descriptions.Item label={t('common.createdAt')}>{formatDateTime(org.createdAt)}</Descriptions.Item>
                <Descriptions.Item label={t('common.updatedAt')}>
                  {formatDateTime(org.updatedAt)}
                </Descriptions.Item>
              </Descriptions>
            ),
          },
          {
            key: 'children',
            label: t('orgs.tabs.children', { count: org.childCount }),
            children: (
              <OrgChildrenTable
                query={{ parentId: org.id }}
                onOpen={onOpen}
                refreshKey={childrenKey}
                emptyText={canAddChild ? t('orgs.emptyChildrenCanAdd') : t('orgs.emptyChildren')}
                onCreate={canAddChild ? () => setDialog('create') : undefined}
              />
            ),
          },
          ...(me.permissions.includes('audit.read')
            ? [
                {
                  key: 'audit',
                  label: t('orgs.tabs.audit'),
                  children: <AuditTable compact query={{ entityType: 'org', entityId: org.id }} emptyText={t('orgs.emptyAudit')} />,
                },
              ]
            : []),
        ]}
      />

      <OrgFormModal
        mode="create"
        parent={org}
        open={dialog === 'create'}
        onClose={() => setDialog(null)}
        onSaved={(saved) => afterSave(saved, 'orgs.form.created', [org.id])}
      />
      <OrgFormModal
        mode="edit"
        org={org}
        open={dialog === 'edit'}
        onClose={() => setDialog(null)}
        onSaved={(saved) => afterSave(saved, 'orgs.form.saved', org.parentId ? [org.parentId] : [])}
        onReloaded={(latest) => detail.setData(latest)}
      />
      <MoveOrgModal
        org={org}
        open={dialog === 'move'}
        onClose={() => setDialog(null)}
        onStale={() => {
          setDialog(null);
          detail.reload();
        }}
        onSaved={(saved) => afterSave(saved, 'orgs.move.done', [org.parentId ?? '', saved.parentId ?? ''].filter(Boolean))}
      />
      <CloseOrgModal
        org={org}
        open={dialog === 'close'}
        onClose={() => setDialog(null)}
        onStale={() => {
          setDialog(null);
          detail.reload();
        }}
        onSaved={(saved) => afterSave(saved, 'orgs.close.done', org.parentId ? [org.parentId] : [])}
      />
    </Card>
  );
}
