import type { DeviceKind } from '@qms/protocol';
import type { User } from '../store/users';

export type Principal = { kind: 'user'; user: User } | { kind: 'device'; device: { id: string; kind: DeviceKind; counterId: number | null } };

export interface AppEnv {
  Variables: { principal: Principal | null };
}
