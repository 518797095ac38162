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
    /** The JSON text `answerOnce` (or an idempotent replay) answered, for middleware that reads it without cloning the response. */
    replyBody?: string;
  };
}
