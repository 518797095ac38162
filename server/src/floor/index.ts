import { serviceDayOf } from '../queue';
import type { DisplaySettings, IssuedTicketDto, PaperBallotBody, TicketDto } from '@qms/protocol';
import { createContext, type FloorDeps, type ReplyRecord } from './context';
import { saveDisplaySettings } from './display-settings';
import { enterPaperBallot, voidPaperBallotBatch } from './paper-ballots';
import { markInterruptedPrints, printRequestOf, recordPrint, type PrintResult } from './printing';
import { callNext, counterCommand, signIn, type Actor, type CallNextOptions, type CounterCommand } from './counter-commands';
import { cancelTicket, issueTicket, type IssueRequest } from './issue';
import { createRatings, type Rater } from './rate';
import { photoChanged, type PhotoChange } from './staff-photo';
import type { RatingBody } from '@qms/protocol';
import { createSetup } from './setup';
import { createAppointments } from './appointments';

export type { Actor, CounterCommand, FloorDeps, IssueRequest, PrintResult, Rater, ReplyRecord };

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
    /** The day's counts kept in memory (tests compare them with `dayCountsFromDb`). */
    dayState: () => ctx.dayState.current(),
    servicesView: () => {
      const now = deps.now();
      return ctx.servicesView(now, serviceDayOf(now, ctx.timeZone));
    },
    issue: (req: IssueRequest, once?: ReplyRecord<IssuedTicketDto> | null) => issueTicket(ctx, req, once),
    cancel: (ticketId: string, staffId: number | null) => cancelTicket(ctx, ticketId, staffId),
    signIn: (counterId: number, actor: Actor) => signIn(ctx, counterId, actor),
    callNext: (counterId: number, actor: Actor, pick?: CallNextOptions, once?: ReplyRecord<TicketDto | null> | null) => callNext(ctx, counterId, actor, pick, once),
    command: (counterId: number, actor: Actor, cmd: CounterCommand, once?: ReplyRecord<TicketDto | null> | null) => counterCommand(ctx, counterId, actor, cmd, once),
    rate: (body: RatingBody, rater: Rater) => ratings.rate(body, rater),
    photoChanged: (userId: number, change: PhotoChange) => photoChanged(ctx, userId, change),
    displaySettings: (): DisplaySettings => ctx.q.displaySettings.get(),
    saveDisplaySettings: (next: DisplaySettings, userId: number | null) => saveDisplaySettings(ctx, next, userId),
    enterPaperBallot: (body: PaperBallotBody, userId: number | null) => enterPaperBallot(ctx, body, userId),
    voidPaperBallot: (id: number, userId: number | null) => voidPaperBallotBatch(ctx, id, userId),
    printRequestOf: (ticketId: string) => printRequestOf(ctx, ticketId),
    recordPrint: (ticketId: string, outcome: PrintResult) => recordPrint(ctx, ticketId, outcome),
    /** At start: tickets a crash left on their way to the printer are marked not printed. */
    markInterruptedPrints: () => markInterruptedPrints(ctx),
    /** Rating prompts, the QR page's rating status, and the "not rated" sweep. */
    ratings,
    /** The admin's setup changes (services, counters, accounts, the center, import), each logged and live at once. */
    setup: createSetup(ctx),
    /** Bookings (đặt lịch hẹn): slots, booking, check-in, the no-show and erasure sweep, the rules. */
    appointments: createAppointments(ctx),
    run: ctx.run,
    grouped: ctx.grouped,
    publish: ctx.publish,
  };
}
export type Floor = ReturnType<typeof createFloor>;
