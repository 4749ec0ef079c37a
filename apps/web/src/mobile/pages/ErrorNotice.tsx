import { describeError } from '../../shared/api';

/** The server's own words for what went wrong, kept on screen (a toast is gone too fast). */
export function ErrorNotice({ error }: { error: unknown }) {
  const { title, detail } = describeError(error);
  return (
    <div className="nj-error" role="alert">
      <strong>{title}</strong>
      {detail}
    </div>
  );
}
