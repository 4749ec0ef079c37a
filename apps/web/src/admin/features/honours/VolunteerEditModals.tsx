import type { VolunteerActivity, VolunteerTeam } from '@niangjia/contracts';
import type { Dayjs } from 'dayjs';
import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Modal, Row } from 'antd';

import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';

import { instantOfShanghaiPicker, shanghaiPickerValue } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormSubmit } from '../../components/use-form-submit';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';

/** A modal's save through the console's one form-send hook: the server's field errors land on their fields. */
function useSave<T extends object>(fields: string[]) {
  const [form] = Form.useForm<T>();
  const { submit: save, saving, error } = useFormSubmit(form, { fields });
  return { form, error, saving, save };
}

type TeamForm = { orgId: string; name: string; description?: string };

/** 编辑志愿服务队: name, description and the union (the picker offers only the staff member's scope). */
export function TeamEditModal({ team, onClose, onSaved }: { team: VolunteerTeam; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const { form, error, saving, save } = useSave<TeamForm>(['orgId', 'name', 'description']);
  const submit = async () => {
    if (await save((v) => api.put(`/honours/volunteer/teams/${team.id}`, { orgId: v.orgId, name: v.name, description: v.description || null }))) {
      void message.success(t('volunteerAdmin.saved'));
      onSaved();
    }
  };
  return (
    <Modal open width={560} title={t('volunteerAdmin.editTeam')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} destroyOnHidden>
      {error ? <ErrorAlert error={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ orgId: team.orgId, name: team.name, description: team.description ?? '' }}>
        <Form.Item name="name" label={t('volunteerAdmin.col.team')} rules={[{ required: true, whitespace: true, message: t('volunteerAdmin.form.required', { field: t('volunteerAdmin.col.team') }) }]}>
          <Input maxLength={100} data-testid="volunteer-team-edit-name" />
        </Form.Item>
        <Form.Item name="orgId" label={t('volunteerAdmin.col.org')} rules={[{ required: true, message: t('volunteerAdmin.form.required', { field: t('volunteerAdmin.col.org') }) }]}>
          <OrgTreeSelect roots={me.scopeRoots} style={{ width: '100%' }} id="volunteer-team-edit-org" />
        </Form.Item>
        <Form.Item name="description" label={t('volunteerAdmin.form.description')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** An activity's times, headcount, place and description: the same fields when it is created and when it is changed. */
export function ActivityFields({ isStarted = false, signedUp = 0, capacityTestId }: { isStarted?: boolean; signedUp?: number; capacityTestId?: string }) {
  const { t } = useTranslation();
  const required = (field: string) => [{ required: true, message: t('volunteerAdmin.form.required', { field }) }];
  return (
    <>
      <Row gutter={16}>
        <Col span={16}>
          <Form.Item name="time" label={t('volunteerAdmin.form.time')} rules={required(t('volunteerAdmin.form.time'))} extra={isStarted ? t('volunteerAdmin.timesLocked') : undefined}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabled={isStarted} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="capacity"
            label={t('volunteerAdmin.form.capacity')}
            rules={required(t('volunteerAdmin.form.capacity'))}
            extra={signedUp ? t('volunteerAdmin.capacityHint', { n: signedUp }) : undefined}
          >
            <InputNumber min={1} max={1000} style={{ width: '100%' }} data-testid={capacityTestId} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="place" label={t('volunteerAdmin.col.place')} rules={required(t('volunteerAdmin.col.place'))}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="description" label={t('volunteerAdmin.form.description')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </>
  );
}

type ActivityForm = { title: string; place: string; time: [Dayjs, Dayjs]; capacity: number; description?: string };

/** 编辑志愿活动: the times are locked once it has started; the headcount never below those signed up. */
export function ActivityEditModal({ activity: a, onClose, onSaved }: { activity: VolunteerActivity; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { form, error, saving, save } = useSave<ActivityForm>(['title', 'place', 'capacity', 'description', 'startsAt', 'endsAt']);
  const isStarted = a.state !== 'upcoming';
  const submit = async () => {
    const ok = await save((v) =>
      api.put(`/honours/volunteer/activities/${a.id}`, {
        title: v.title,
        place: v.place,
        // Unchanged times go back as they came, so a started activity's are accepted as they are.
        startsAt: isStarted ? a.startsAt : instantOfShanghaiPicker(v.time[0]),
        endsAt: isStarted ? a.endsAt : instantOfShanghaiPicker(v.time[1]),
        capacity: v.capacity,
        description: v.description || null,
      }),
    );
    if (ok) {
      void message.success(t('volunteerAdmin.saved'));
      onSaved();
    }
  };
  const required = (field: string) => [{ required: true, message: t('volunteerAdmin.form.required', { field }) }];
  return (
    <Modal open width={600} title={t('volunteerAdmin.editActivity')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} destroyOnHidden>
      {error ? <ErrorAlert error={error} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ title: a.title, place: a.place, capacity: a.capacity, description: a.description ?? '', time: [shanghaiPickerValue(a.startsAt), shanghaiPickerValue(a.endsAt)] }}
      >
        <Form.Item name="title" label={t('volunteerAdmin.col.activity')} rules={required(t('volunteerAdmin.col.activity'))}>
          <Input maxLength={100} data-testid="volunteer-activity-edit-title" />
        </Form.Item>
        <ActivityFields isStarted={isStarted} signedUp={a.signedUp} capacityTestId="volunteer-activity-edit-capacity" />
      </Form>
    </Modal>
  );
}

/** 取消活动: a reason, which every volunteer signed up is told. */
export function ActivityCancelModal({ activity: a, onClose, onSaved }: { activity: VolunteerActivity; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { form, error, saving, save } = useSave<{ reason: string }>(['reason']);
  const submit = async () => {
    if (await save((v) => api.post(`/honours/volunteer/activities/${a.id}/cancel`, { reason: v.reason }))) {
      void message.success(t('volunteerAdmin.cancelledToast'));
      onSaved();
    }
  };
  return (
    <Modal
      open
      width={520}
      title={`${t('volunteerAdmin.cancelActivity')}：${a.title}`}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={{ danger: true, 'data-testid': 'volunteer-cancel-ok' }}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('volunteerAdmin.cancelHint', { n: a.signedUp })} />
      {error ? <ErrorAlert error={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('volunteerAdmin.cancelReason')}
          rules={[{ required: true, whitespace: true, message: t('volunteerAdmin.form.required', { field: t('volunteerAdmin.cancelReason') }) }]}
        >
          <Input.TextArea rows={3} maxLength={200} data-testid="volunteer-cancel-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
