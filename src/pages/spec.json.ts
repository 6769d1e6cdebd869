import { specJson } from '../../plugins/model/export.ts';
import { site } from '../lib/site';

/** The root edition's data (the latest release, or the draft while nothing is released). */
export function GET() {
  return new Response(JSON.stringify(specJson(site().editions[0]!.model), null, 2) + '\n', { headers: { 'Content-Type': 'application/json' } });
}
