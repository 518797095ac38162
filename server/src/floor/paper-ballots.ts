import type { PaperBallotBody } from '@qms/protocol';
import { insertPaperBallot, voidPaperBallot } from '../stats/paper';
import type { FloorContext } from './context';

/** A manager enters the counts of a paper survey: the batch and its event row in one transaction. Returns its id. */
export function enterPaperBallot(ctx: FloorContext, body: PaperBallotBody, userId: number | null): number {
  return ctx.run(
    (tx) => {
      const id = insertPaperBallot(ctx.db, body, userId, tx.now);
      tx.log({ type: 'paper_ballot.entered', ticketId: null, counterId: null, staffId: userId, payload: { id, ...body } });
      return id;
    },
    { label: 'paper-ballot' },
  );
}

/** Voids a batch entered by mistake (kept, marked); false when there is no such live batch, and nothing is written. */
export function voidPaperBallotBatch(ctx: FloorContext, id: number, userId: number | null): boolean {
  return ctx.run(
    (tx) => {
      if (!voidPaperBallot(ctx.db, id, userId, tx.now)) return false;
      tx.log({ type: 'paper_ballot.voided', ticketId: null, counterId: null, staffId: userId, payload: { id } });
      return true;
    },
    { label: 'paper-ballot-void' },
  );
}
