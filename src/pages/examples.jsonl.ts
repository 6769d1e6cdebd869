import { examplesJsonl } from '../../plugins/spec/export.ts';
import { spec } from '../lib/spec';

export function GET() {
  return new Response(examplesJsonl(spec()), { headers: { 'Content-Type': 'application/jsonl' } });
}
