import { UploadOutlined } from '@ant-design/icons';
import type { MemberDetail } from '@niangjia/contracts';
import { Alert, App, Button, Checkbox, Form, Image, Modal, Popconfirm, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, describeError } from '../../../shared/api';
import { formatDate } from '../../../shared/format';

const PHOTO_TYPES = 'image/jpeg,image/png,image/webp';

/**
 * 会员照片 in the member drawer: kept only with the member's consent (staff confirm it, the server
 * records who and when), shown only on request (every look is audited), removed when consent is
 * withdrawn.
 */
export function MemberPhoto({ member, canWrite, onChanged }: { member: MemberDetail; canWrite: boolean; onChanged: (m: MemberDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [shown, setShown] = useState(false);
  const [uploading, setUploading] = useState(false);
  const photo = member.photo;
  const editable = canWrite && ['applied', 'active', 'suspended'].includes(member.status);

  const remove = async () => {
    try {
      onChanged(await api.delete<MemberDetail>(`/members/${member.id}/photo`));
      setShown(false);
      message.success(t('members.photo.removed'));
    } catch (e) {
      message.error(describeError(e).title);
    }
  };

  return (
    <Space orientation="vertical" size={4} data-testid="member-photo">
      {photo ? (
        <>
          {shown ? (
            <Image width={96} src={`/api/v1/members/${member.id}/photo?v=${encodeURIComponent(photo.updatedAt)}`} alt={t('members.photo.alt', { name: member.person.realName })} data-testid="member-photo-image" />
          ) : (
            <Button size="small" onClick={() => setShown(true)} title={t('members.photo.showHint')}>
              {t('members.photo.show')}
            </Button>
          )}
          <Typography.Text type="secondary">{t('members.photo.consentNote', { date: formatDate(photo.consentAt), name: photo.consentRecordedByName ?? '—' })}</Typography.Text>
        </>
      ) : (
        <Typography.Text type="secondary">{t('members.photo.none')}</Typography.Text>
      )}
      {editable && (
        <Space size={4} wrap>
          <Button size="small" icon={<UploadOutlined />} onClick={() => setUploading(true)} data-testid="member-photo-upload">
            {photo ? t('members.photo.replace') : t('members.photo.upload')}
          </Button>
          {photo && (
            <Popconfirm title={t('members.photo.removeConfirm')} onConfirm={() => void remove()}>
              <Button size="small" danger>
                {t('members.photo.remove')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      )}
      {uploading && (
        <UploadPhotoModal
          member={member}
          onClose={() => setUploading(false)}
          onSaved={(m) => {
            setUploading(false);
            setShown(false);
            message.success(t('members.photo.saved'));
            onChanged(m);
          }}
        />
      )}
    </Space>
  );
}

function UploadPhotoModal({ member, onClose, onSaved }: { member: MemberDetail; onClose: () => void; onSaved: (m: MemberDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ consent: boolean }>();
  const [file, setFile] = useState<File | null>(null);
  const [fileMissing, setFileMissing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async () => {
    if (!file) {
      setFileMissing(true);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      onSaved(await api.sendFile<MemberDetail>(`/members/${member.id}/photo`, file, { consent: 'true' }, {}, 'PUT'));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  const problem = error ? describeError(error) : null;

  return (
    <Modal open title={t('members.photo.title')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('actions.cancel')} confirmLoading={saving} destroyOnHidden maskClosable={false}>
      {problem && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problem.title} description={problem.detail} />}
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item label={member.person.realName} help={fileMissing ? t('members.photo.fileRequired') : t('members.photo.fileHint')} validateStatus={fileMissing ? 'error' : undefined}>
          <Upload
            accept={PHOTO_TYPES}
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              setFileMissing(false);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'photo', name: file.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined />}>{t('members.photo.pick')}</Button>
          </Upload>
        </Form.Item>
        <Form.Item name="consent" valuePropName="checked" rules={[{ validator: async (_, v: boolean) => { if (!v) throw new Error(t('members.photo.consentRequired')); } }]}>
          <Checkbox data-testid="member-photo-consent">{t('members.photo.consent')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
