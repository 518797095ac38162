import { z } from 'zod';

export const ticketStatuses = ['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'on_hold'] as const;
export const TicketStatus = z.enum(ticketStatuses);
export type TicketStatus = z.infer<typeof TicketStatus>;

export const ratingLevels = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied'] as const;
export const RatingLevel = z.enum(ratingLevels);
export type RatingLevel = z.infer<typeof RatingLevel>;

export const Role = z.enum(['staff', 'manager', 'admin']);
export type Role = z.infer<typeof Role>;

export const DeviceKind = z.enum(['kiosk', 'display', 'rating']);
export type DeviceKind = z.infer<typeof DeviceKind>;

/**
 * Where a ticket was issued: the kiosk, by an officer at the desk, by another system over the API, or by the check-in
 * of a booking (`appointment`: its own mark on paper and screens, called at its slot time).
 */
export const Channel = z.enum(['kiosk', 'desk', 'api', 'appointment']);
export type Channel = z.infer<typeof Channel>;

export const CounterStatus = z.enum(['open', 'paused', 'closed']);
export type CounterStatus = z.infer<typeof CounterStatus>;

export const counterActions = ['recall', 'start', 'finish', 'no-show', 'hold', 'unhold', 'transfer', 'pause', 'resume', 'close'] as const;
export type CounterAction = (typeof counterActions)[number];
