import { specJson } from '../../plugins/model/export.ts';
import { spec } from '../lib/spec';

export function GET() {
  return new Response(JSON.stringify(specJson(spec()), null, 2) + '\n', { headers: { 'Content-Type': 'application/json' } });
}
