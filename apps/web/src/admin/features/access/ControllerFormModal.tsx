import type { CreateDoorController, DoorController, DoorControllerCredentials, DoorCodeMode, UpdateDoorController } from '@niangjia/contracts';
import { Alert, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, describeError } from '../../../shared/api';
import { applyServerErrors } from '../../../shared/form-errors';

type Values = { name: string; codeMode: DoorCodeMode; maxDistanceM: number };
const FIELDS = ['name', 'codeMode', 'maxDistanceM'];

type Props =
  | {
      mode: 'create';
      positionId: string;
      stationName: string;
      onClose: () => void;
      onCreated: (c: DoorControllerCredentials) => void;
    }
  | {
      mode: 'edit';
      controller: DoorController;
      onClose: () => void;
      onSaved: (c: DoorController) => void;
    };

/** 登记门禁设备 (name, code mode, distance for static codes) or change those settings. */
export function ControllerFormModal(props: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const codeMode = Form.useWatch('codeMode', form);
  const initial: Values =
    props.mode === 'edit'
      ? {
          name: props.controller.name,
          codeMode: props.controller.codeMode,
          maxDistanceM: props.controller.maxDistanceM,
        }
      : { name: '', codeMode: 'rotating', maxDistanceM: 100 };

  const submit = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      if (props.mode === 'create') {
        const body: CreateDoorController = {
          positionId: props.positionId,
          name: v.name.trim(),
          codeMode: v.codeMode,
          maxDistanceM: v.maxDistanceM,
        };
        props.onCreated(await api.post<DoorControllerCredentials>('/door-controllers', body));
      } else {
        const body: UpdateDoorController = {
          name: v.name.trim(),
          codeMode: v.codeMode,
          maxDistanceM: v.maxDistanceM,
          version: props.controller.version,
        };
        props.onSaved(await api.patch<DoorController>(`/door-controllers/${props.controller.id}`, body));
      }
    } catch (e) {
      applyServerErrors(form, e, FIELDS);
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  const problem = error ? describeError(error) : null;

  return (
    <Modal
      open
      width={560}
      title={
        props.mode === 'create'
          ? t('access.controllers.registerTitle', {
              station: props.stationName,
            })
          : t('access.controllers.editTitle', { name: props.controller.name })
      }
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={props.mode === 'create' ? t('access.controllers.register') : t('common.save')}
      cancelText={t('actions.cancel')}
      confirmLoading={saving}
      maskClosable={false}
      destroyOnHidden
    >
      {problem ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problem.title} description={problem.detail} /> : null}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}>
        <Form.Item
          name="name"
          label={t('access.controllers.fields.name')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('access.controllers.nameRequired'),
            },
            { max: 60, message: t('common.maxLength', { n: 60 }) },
          ]}
        >
          <Input placeholder={t('access.controllers.placeholders.name')} autoFocus />
        </Form.Item>
        <Form.Item name="codeMode" label={t('access.controllers.fields.codeMode')}>
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            options={(['rotating', 'static'] as const).map((m) => ({
              value: m,
              label: t(`access.controllers.codeModes.${m}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="maxDistanceM"
          label={t('access.controllers.fields.maxDistance')}
          extra={t('access.controllers.maxDistanceHint')}
          rules={[
            {
              required: codeMode === 'static',
              type: 'number',
              min: 10,
              max: 5000,
              message: t('access.controllers.maxDistanceHint'),
            },
          ]}
        >
          <InputNumber min={10} max={5000} step={10} suffix={t('access.controllers.meters')} style={{ width: 160 }} disabled={codeMode !== 'static'} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
