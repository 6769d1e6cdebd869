import { examplesJsonl } from '../../plugins/model/export.ts';
import { site } from '../lib/site';

export function GET() {
  return new Response(examplesJsonl(site().editions[0]!.model), { headers: { 'Content-Type': 'application/jsonl' } });
}
