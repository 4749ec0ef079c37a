import { MAX_DOCUMENT_BYTES, MAX_PHOTO_BYTES } from '@niangjia/contracts/stars-domain';
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api';

/** A photo in an upload list: uploading, stored (with the id the server gave it) or failed; `url` shows one already saved. */
export type UploadedPhoto = { uid: string; name: string; id?: string; status: 'uploading' | 'done' | 'error'; url?: string };

/** The ids of the photos that are stored, in the order they were added. */
export const photoIdsOf = (photos: readonly UploadedPhoto[]): string[] => photos.flatMap((p) => (p.status === 'done' && p.id ? [p.id] : []));
export const isUploading = (photos: readonly UploadedPhoto[]): boolean => photos.some((p) => p.status === 'uploading');

/**
 * Photos for a record (a meeting, an inspection, an event's cover): each file goes to the shared
 * photo store (`POST /photos`) as soon as it is picked, and the record is saved with the ids. At
 * most `max`, each at most 5 MB; a failed upload stays in the list marked red. With `documents` (a
 * record that takes supporting documents) a PDF up to 10 MB is taken too (`POST /documents`).
 */
export function PhotoUpload({
  value,
  onChange,
  max = 9,
  label,
  onError,
  documents = false,
}: {
  value: UploadedPhoto[];
  onChange: (update: (list: UploadedPhoto[]) => UploadedPhoto[]) => void;
  max?: number;
  label: string;
  onError: (err: unknown) => void;
  documents?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Upload
      accept={documents ? 'image/jpeg,image/png,image/webp,application/pdf' : 'image/jpeg,image/png,image/webp'}
      multiple={max > 1}
      listType="picture"
      fileList={value}
      onRemove={(f) => onChange((list) => list.filter((p) => p.uid !== f.uid))}
      beforeUpload={(file) => {
        if (value.length >= max) return Upload.LIST_IGNORE;
        if (file.size > (documents ? MAX_DOCUMENT_BYTES : MAX_PHOTO_BYTES)) {
          message.error(t(documents ? 'common.documentTooBig' : 'common.photoTooBig'));
          return Upload.LIST_IGNORE;
        }
        onChange((list) => [...list, { uid: file.uid, name: file.name, status: 'uploading' }]);
        api.sendFile<{ id: string }>(documents ? '/documents' : '/photos', file).then(
          (r) => onChange((list) => list.map((p) => (p.uid === file.uid ? { ...p, id: r.id, status: 'done' } : p))),
          (err: unknown) => {
            onChange((list) => list.map((p) => (p.uid === file.uid ? { ...p, status: 'error' } : p)));
            onError(err);
          },
        );
        return false;
      }}
    >
      {value.length < max && <Button icon={<UploadOutlined />}>{label}</Button>}
    </Upload>
  );
}
