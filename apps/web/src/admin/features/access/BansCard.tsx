import { PlusOutlined } from '@ant-design/icons';
import type { CreateDoorBan, DoorBan, Page } from '@niangjia/contracts';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { api, describeError, errorText } from '../../../shared/api';
import { applyServerErrors } from '../../../shared/form-errors';
import { formatDateTime, shanghaiIso } from '../../../shared/format';
import { PHONE_INPUT_MAX, phoneRule } from '../../../shared/members';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { listPagination } from '../../components/list-pagination';

type Values = { phone: string; reason: string; until?: Dayjs | null };

/** 禁止通行名单 of one station: add by phone with a reason (and an end date), lift. */
export function BansCard({ positionId }: { positionId: string }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const me = useMe();
  const canWrite = me.permissions.includes('access.write');
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const list = useRequest((signal) => api.get<Page<DoorBan>>('/door-bans', { positionId, page, pageSize: 20 }, { signal }), [positionId, page]);

  const lift = (ban: DoorBan) =>
    modal.confirm({
      title: t('access.bans.removeConfirm', {
        who: ban.personName ? `${ban.personName}（${ban.phoneMasked}）` : ban.phoneMasked,
      }),
      okText: t('access.bans.remove'),
      cancelText: t('actions.cancel'),
      onOk: async () => {
        try {
          await api.delete(`/door-bans/${ban.id}`);
          void message.success(t('access.bans.removed'));
          list.reload();
        } catch (e) {
          void message.error(errorText(e));
        }
      },
    });

  return (
    <Card
      size="small"
      title={t('access.bans.title')}
      extra={
        canWrite ? (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-ban">
            {t('access.bans.add')}
          </Button>
        ) : null
      }
    >
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <DataTable<DoorBan>
        id="door-bans"
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('access.bans.empty')} />,
        }}
        pagination={listPagination(
          t,
          {
            page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
          },
          (p) => setPage(p),
        )}
        columns={[
          {
            title: t('access.bans.fields.person'),
            key: 'person',
            width: 140,
            render: (_: unknown, b) => (
              <>
                {b.personName ?? '—'}
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {b.phoneMasked}
                  </Typography.Text>
                </div>
              </>
            ),
          },
          {
            title: t('access.bans.fields.reason'),
            key: 'reason',
            dataIndex: 'reason',
            ellipsis: true,
          },
          {
            title: t('access.bans.fields.until'),
            key: 'until',
            dataIndex: 'until',
            width: 120,
            render: (v: string | null) => (v ? formatDateTime(v) : t('access.bans.forever')),
          },
          {
            title: t('access.bans.fields.createdAt'),
            key: 'created',
            width: 145,
            render: (_: unknown, b) => (
              <>
                {formatDateTime(b.createdAt)}
                {b.createdByName && (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {b.createdByName}
                    </Typography.Text>
                  </div>
                )}
              </>
            ),
          },
          ...(canWrite ? [] : []),
        ]}
        actions={(b) => (
          <Button type="link" size="small" onClick={() => lift(b)}>
            {t('access.bans.remove')}
          </Button>
        )}
      />
      {adding && (
        <AddBanModal
          positionId={positionId}
          onClose={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            void message.success(t('access.bans.added'));
            list.reload();
          }}
        />
      )}
    </Card>
  );
}

/** 添加禁止通行: by phone (the bans card), or a person picked from the entry log (their account's phone). */
export function AddBanModal({
  positionId,
  person,
  onClose,
  onAdded,
}: {
  positionId: string;
  person?: { userId: string; label: string; stationName: string } | undefined;
  onClose: () => void;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const submit = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      const until = v.until ? shanghaiIso(v.until.year(), v.until.month() + 1, v.until.date(), 23, 59, 59) : null;
      const body: CreateDoorBan = {
        positionId,
        ...(person ? { userId: person.userId } : { phone: v.phone.trim() }),
        reason: v.reason.trim(),
        until,
      };
      await api.post<DoorBan>('/door-bans', body);
      onAdded();
    } catch (e) {
      setUnplaced(applyServerErrors(form, e, person ? ['reason', 'until'] : ['phone', 'reason', 'until']));
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  const problem = error ? describeError(error) : null;
  return (
    <Modal
      open
      title={person ? t('access.bans.addPersonTitle', { station: person.stationName }) : t('access.bans.addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('access.bans.add')}
      cancelText={t('actions.cancel')}
      confirmLoading={saving}
      maskClosable={false}
      destroyOnHidden
    >
      {problem ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problem.title} description={[problem.detail, ...unplaced].filter(Boolean).join('；') || undefined} /> : null}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        {person ? (
          <Form.Item label={t('access.bans.fields.person')}>
            <span data-testid="ban-person">{person.label}</span>
          </Form.Item>
        ) : (
          <Form.Item
            name="phone"
            label={t('access.bans.fields.phone')}
            extra={t('access.bans.phoneHint')}
            rules={[
              { required: true, message: t('access.bans.phoneRequired') },
              phoneRule(t('access.bans.phoneRequired')),
            ]}
          >
            <Input inputMode="tel" maxLength={PHONE_INPUT_MAX} style={{ width: 200 }} autoFocus />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('access.bans.fields.reason')}
          rules={[
            {
              required: true,
              whitespace: true,
              min: 2,
              max: 200,
              message: t('access.bans.reasonRequired'),
            },
          ]}
        >
          <Input.TextArea rows={2} maxLength={200} showCount placeholder={t('access.bans.reasonPlaceholder')} />
        </Form.Item>
        <Form.Item name="until" label={t('access.bans.fields.until')}>
          <DatePicker placeholder={t('access.bans.untilPlaceholder')} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
