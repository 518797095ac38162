import { z } from 'zod';
import { CounterDto, ServiceDto } from '@qms/protocol';
import { publicCounter } from '../../realtime/public-view';
import type { Router } from '../router';
import type { RouteDeps } from './deps';

export function serviceRoutes(r: Router, { floor }: RouteDeps) {
  r.doc({
    method: 'get',
    path: '/api/services',
    summary: 'Fields (lĩnh vực) with how many wait, the estimated wait and whether tickets can be taken now',
    access: 'anyone on the LAN',
    responses: { 200: { description: 'Services', schema: z.array(ServiceDto) } },
  });
  r.app.get('/api/services', (c) => c.json(floor.servicesView()));

  r.doc({
    method: 'get',
    path: '/api/counters',
    summary: 'Counters with their status, officer and current ticket (its dossier code only for signed-in accounts)',
    access: 'anyone on the LAN',
    responses: { 200: { description: 'Counters', schema: z.array(CounterDto) } },
  });
  r.app.get('/api/counters', (c) => {
    const counters = floor.queries.counters.all().map(floor.counterView);
    // The current ticket's dossier code is for signed-in accounts only.
    return c.json(c.get('principal')?.kind === 'user' ? counters : counters.map(publicCounter));
  });
}
