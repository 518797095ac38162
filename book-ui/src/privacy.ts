/**
 * Days the phone number is kept after the booked time, as the consent text of docs/privacy.md says (the default of
 * `phoneRetentionDays`). The public API does not give the center's setting yet; the consent names the default.
 */
export const PHONE_RETENTION_DAYS = 30;
