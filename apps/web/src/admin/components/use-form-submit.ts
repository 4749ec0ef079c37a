import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/form-errors';

type Options = {
  /** Request-body fields the form shows: the server's errors on them go beside the field. */
  fields?: readonly string[];
  /** A request-body field → form field, where the two names differ. */
  rename?: Record<string, string>;
  /** Shown as a toast after a successful send. */
  success?: string;
};

/**
 * The one way a console form sends: `submit` checks the form's rules first (a failed rule shows on
 * its field and sends nothing), `run` sends without them; while sending `saving` is true; an error
 * from the server lands on its fields and in `error` (for an ErrorAlert above the form).
 */
export function useFormSubmit<Values>(form: FormInstance<Values> | null, { fields = [], rename, success }: Options = {}) {
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (send: () => Promise<unknown>): Promise<boolean> => {
    setSaving(true);
    setError(null);
    try {
      await send();
      if (success) void message.success(success);
      return true;
    } catch (e) {
      if (form && fields.length) applyServerErrors(form, e, fields, rename);
      setError(e);
      return false;
    } finally {
      setSaving(false);
    }
  };

  const submit = async (send: (values: Values) => Promise<unknown>): Promise<boolean> => {
    if (!form) return run(() => send({} as Values));
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return false; // antd shows each failed rule on its field
    }
    return run(() => send(values));
  };

  return { submit, run, saving, error, setError };
}
