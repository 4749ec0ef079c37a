import { useState, type CSSProperties } from 'react';
import { Dialog } from 'antd-mobile';
import { api, errorText } from '../shared/api';

/** The photo types the shared photo store takes (apps/server/src/modules/stars/photos); documents may be a PDF too. */
const PHOTO_TYPES = 'image/jpeg,image/png,image/webp';
const DOCUMENT_TYPES = `${PHOTO_TYPES},application/pdf`;

/**
 * The phone's "add a photo" button: a block button that opens the camera or the gallery. The one
 * copy for every phone form that takes photos (随手拍, 互助金申请, 困难职工建档).
 */
export function PhotoButton({
  label,
  onPick,
  testId,
  capture = false,
  documents = false,
  style,
}: {
  label: string;
  onPick: (file: File) => void;
  testId: string;
  /** Offer the back camera first (a photo of a place or a paper). */
  capture?: boolean;
  /** A supporting document: a photo or a PDF (then the phone offers its files, not only the camera). */
  documents?: boolean;
  style?: CSSProperties;
}) {
  return (
    <label className="adm-button adm-button-default adm-button-block" style={{ display: 'block', textAlign: 'center', padding: '10px 0', ...style }}>
      {label}
      <input
        type="file"
        accept={documents ? DOCUMENT_TYPES : PHOTO_TYPES}
        {...(capture && !documents ? { capture: 'environment' as const } : {})}
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
 * fails says why in a dialog, in the worker's language (the server's problem+json title). With
 * `documents`, a PDF is taken too (`POST /documents`).
 */
export function usePhotoUploads({ documents = false }: { documents?: boolean } = {}) {
  const [photoIds, setPhotoIds] = useState<string[]>([]);
  const [isUploading, setUploading] = useState(false);
  const add = async (file: File) => {
    setUploading(true);
    try {
      const up = await api.sendFile<{ id: string }>(documents ? '/documents' : '/photos', file);
      setPhotoIds((ids) => [...ids, up.id]);
    } catch (error) {
      await Dialog.alert({ content: errorText(error), confirmText: 'OK' });
    } finally {
      setUploading(false);
    }
  };
  /** Forget the attached photos (a form sent, ready for the next one). */
  const clear = () => setPhotoIds([]);
  return { photoIds, isUploading, add, clear, documents };
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
        <PhotoButton label={uploads.isUploading ? uploadingLabel : addLabel} onPick={(f) => void uploads.add(f)} testId={testId} capture={capture} documents={uploads.documents} />
      ) : null}
    </>
  );
}
