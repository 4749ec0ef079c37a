import { useState, type CSSProperties } from 'react';
import { Dialog } from 'antd-mobile';
import { api, errorText } from '../shared/api';

/** The photo types the shared photo store takes (apps/server/src/modules/stars/photos). */
const PHOTO_TYPES = 'image/jpeg,image/png,image/webp';

/**
 * The phone's "add a photo" button: a block button that opens the camera or the gallery. The one
 * copy for every phone form that takes photos (随手拍, 互助金申请, 困难职工建档).
 */
export function PhotoButton({
  label,
  onPick,
  testId,
  capture = false,
  style,
}: {
  label: string;
  onPick: (file: File) => void;
  testId: string;
  /** Offer the back camera first (a photo of a place or a paper). */
  capture?: boolean;
  style?: CSSProperties;
}) {
  return (
    <label className="adm-button adm-button-default adm-button-block" style={{ display: 'block', textAlign: 'center', padding: '10px 0', ...style }}>
      {label}
      <input
        type="file"
        accept={PHOTO_TYPES}
        {...(capture ? { capture: 'environment' as const } : {})}
        style={{ display: 'none' }}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Clear the input so that picking the same file again still fires a change.
          e.target.value = '';
          if (file) onPick(file);
        }}
        data-testid={testId}
      />
    </label>
  );
}

/**
 * Photos uploaded to the shared store for a form that sends their ids on submit. An upload that
 * fails says why in a dialog, in the worker's language (the server's problem+json title).
 */
export function usePhotoUploads() {
  const [photoIds, setPhotoIds] = useState<string[]>([]);
  const [isUploading, setUploading] = useState(false);
  const add = async (file: File) => {
    setUploading(true);
    try {
      const up = await api.sendFile<{ id: string }>('/photos', file);
      setPhotoIds((ids) => [...ids, up.id]);
    } catch (error) {
      await Dialog.alert({ content: errorText(error), confirmText: 'OK' });
    } finally {
      setUploading(false);
    }
  };
  /** Forget the attached photos (a form sent, ready for the next one). */
  const clear = () => setPhotoIds([]);
  return { photoIds, isUploading, add, clear };
}

/** The count ("2 / 6") and the add button while fewer than `max` photos are attached. */
export function PhotoList({
  uploads,
  max,
  addLabel,
  uploadingLabel,
  testId,
  capture,
}: {
  uploads: ReturnType<typeof usePhotoUploads>;
  max: number;
  addLabel: string;
  uploadingLabel: string;
  /** The input's test id; the count is `${testId}-count`. */
  testId: string;
  capture?: boolean;
}) {
  return (
    <>
      <p className="nj-muted" data-testid={`${testId}-count`}>
        {uploads.photoIds.length} / {max}
      </p>
      {uploads.photoIds.length < max ? (
        <PhotoButton label={uploads.isUploading ? uploadingLabel : addLabel} onPick={(f) => void uploads.add(f)} testId={testId} capture={capture} />
      ) : null}
    </>
  );
}
