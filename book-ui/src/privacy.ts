/**
 * Days the phone number is kept after the booked time (docs/privacy.md); the consent text names it. The center may
 * set it shorter, never longer without changing that text.
 */
export const PHONE_RETENTION_DAYS = 30;
