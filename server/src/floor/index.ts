import { serviceDayOf } from '../queue';
import { createContext, type FloorDeps } from './context';
import { callNext, counterCommand, signIn, type Actor, type CallNextOptions, type CounterCommand } from './counter-commands';
import { cancelTicket, issueTicket, type IssueRequest } from './issue';
import { createRatings, type Rater } from './rate';
import { photoChanged, type PhotoChange } from './staff-photo';
import type { RatingBody } from '@qms/protocol';
import { createSetup } from './setup';

export type { Actor, CounterCommand, FloorDeps, IssueRequest, Rater };

/** The floor: every queue command, each in one SQLite transaction, with its events published after the commit. */
export function createFloor(deps: FloorDeps) {
  const ctx = createContext(deps);
  const ratings = createRatings(ctx);
  return {
    config: deps.config,
    timeZone: ctx.timeZone,
    bus: ctx.bus,
    queries: ctx.q,
    services: ctx.services,
    snapshot: ctx.snapshot,
    counterView: ctx.counterView,
    serviceDay: () => serviceDayOf(deps.now(), ctx.timeZone),
    servicesView: () => {
      const now = deps.now();
      return ctx.servicesView(now, serviceDayOf(now, ctx.timeZone));
    },
    issue: (req: IssueRequest) => issueTicket(ctx, req),
    cancel: (ticketId: string, staffId: number | null) => cancelTicket(ctx, ticketId, staffId),
    signIn: (counterId: number, actor: Actor) => signIn(ctx, counterId, actor),
    callNext: (counterId: number, actor: Actor, pick?: CallNextOptions) => callNext(ctx, counterId, actor, pick),
    command: (counterId: number, actor: Actor, cmd: CounterCommand) => counterCommand(ctx, counterId, actor, cmd),
    rate: (body: RatingBody, rater: Rater) => ratings.rate(body, rater),
    photoChanged: (userId: number, change: PhotoChange) => photoChanged(ctx, userId, change),
    /** Rating prompts, the QR page's rating status, and the "not rated" sweep. */
    ratings,
    /** The admin's setup changes (services, counters, accounts, the center, import), each logged and live at once. */
    setup: createSetup(ctx),
    run: ctx.run,
    publish: ctx.publish,
  };
}
export type Floor = ReturnType<typeof createFloor>;
