import { site } from '../lib/site';

/** Ids removed from the spec on purpose: when, why, and what replaced them (read by the notice on arrival). */
export function GET() {
  const removed: Record<string, unknown> = Object.create(null);
  for (const entry of site().removed) {
    removed[entry.id] = {
      title: entry.title,
      removedIn: entry.removedIn,
      reason: entry.reason,
      see: entry.see && { id: entry.see.id, title: entry.see.title },
    };
  }
  return new Response(JSON.stringify(removed, null, 2) + '\n', { headers: { 'Content-Type': 'application/json' } });
}
