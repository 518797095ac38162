import { ApiError, clearToken } from '@qms/ui-kit';

/** An expired or ended session: back to the sign-in form. */
export const signedOutBy = (err: unknown) => {
  if (err instanceof ApiError && err.status === 401) clearToken();
};
