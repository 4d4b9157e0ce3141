// The server the end-to-end suite runs against: `npm start` on a data folder that starts empty every run, so the
// tests see exactly the demo data and nothing an earlier run left behind.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dataDir = path.resolve(process.env.DATA_DIR ?? '.data/e2e');
fs.rmSync(dataDir, { recursive: true, force: true });

const child = spawn('npm', ['start'], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
