import { examplesJsonl } from '../../plugins/model/export.ts';
import { spec } from '../lib/spec';

export function GET() {
  return new Response(examplesJsonl(spec()), { headers: { 'Content-Type': 'application/jsonl' } });
}
