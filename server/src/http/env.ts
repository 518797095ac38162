import type { DeviceKind } from '@qms/protocol';
import type { User } from '../store/users';

export type Principal = { kind: 'user'; user: User } | { kind: 'device'; device: { id: string; kind: DeviceKind; counterId: number | null } };

export interface AppEnv {
  Variables: {
    principal: Principal | null;
    /** The request's scoped Idempotency-Key, set by `idempotent()`. */
    idempotencyKey?: string;
    /** True once a floor command stored the reply under that key. */
    idempotencyStored?: boolean;
    /** The JSON value of the reply answered by `answerOnce` (or replayed): read by `printHeaders` without parsing the body. */
    replyValue?: unknown;
  };
}
