import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
const cwd = '/tmp/peers/ours';
let log = '';
const child = spawn('npm', ['run', '-s', 'dev', '--', '--port', '4391', '--host', '127.0.0.1'], { cwd, detached: true, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
child.stdout.on('data', (d) => (log += d)); child.stderr.on('data', (d) => (log += d));
while (!/127\.0\.0\.1:4391/.test(log)) await new Promise((r) => setTimeout(r, 200));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage();
await page.goto('http://127.0.0.1:4391/stay-in-bounds/', { waitUntil: 'load' });
await page.waitForTimeout(1500);
const file = `${cwd}/content/04-stay-in-bounds.md`;
const original = readFileSync(file, 'utf8');
const ANCHOR = 'The assistant should operate within applicable legal constraints';
const times: number[] = [];
try {
  for (let i = 0; i < 8; i++) {
    const word = `zq${i}x${Date.now() % 1000}`;
    const t = performance.now();
    writeFileSync(file, original.replace(ANCHOR, `${ANCHOR} ${word}`));
    await page.waitForFunction((w) => document.body.innerText.includes(w), word, { timeout: 20000, polling: 'raf' });
    times.push(Math.round(performance.now() - t));
    await page.waitForTimeout(800);
  }
} finally {
  writeFileSync(file, original);
  await browser.close();
  process.kill(-child.pid!);
}
console.log(times.join(' '), 'median', [...times].sort((a, b) => a - b)[4]);
