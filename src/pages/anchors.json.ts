import { spec } from '../lib/spec';

/** Every section, example and old id → its current URL: what the client-side resolver reads. */
export function GET() {
  const anchors: Record<string, string> = {};
  for (const target of spec().targets.values()) anchors[target.id] = target.href;
  return new Response(JSON.stringify(anchors), { headers: { 'Content-Type': 'application/json' } });
}
