import type { Db } from './open';

export interface LedAddress {
  counterId: number;
  bus: string;
  address: number | null;
}

/** The LED board of each counter (migration 014). */
export function ledAddressQueries(db: Db) {
  const all = db.prepare<[], { counter_id: number; bus: string; address: number | null }>(`SELECT counter_id, bus, address FROM led_addresses ORDER BY counter_id`);
  const put = db.prepare(
    `INSERT INTO led_addresses (counter_id, bus, address) VALUES (@counterId, @bus, @address)
     ON CONFLICT (counter_id) DO UPDATE SET bus = excluded.bus, address = excluded.address`,
  );
  const list = (): LedAddress[] => all.all().map((r) => ({ counterId: r.counter_id, bus: r.bus, address: r.address }));
  return {
    all: list,
    of: (counterId: number) => list().find((r) => r.counterId === counterId) ?? null,
    save: (r: LedAddress) => void put.run(r),
    /**
     * The hardware file's boards, taken once: when no counter has a row yet (the first start, or the first after the
     * upgrade that brought this table). Boards naming a counter the database does not have are left out.
     */
    seed: (boards: LedAddress[]) => {
      if (list().length) return;
      const counters = new Set(db.prepare<[], { id: number }>(`SELECT id FROM counters`).all().map((r) => r.id));
      for (const b of boards) if (counters.has(b.counterId)) put.run(b);
    },
  };
}
