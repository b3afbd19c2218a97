// One measured build, in a fresh process: prints its CPU time and peak memory as JSON.
import { main } from '../src/cli/main.ts';

const args = process.argv.slice(2);
const code = await main(args, { stdout: () => {}, stderr: () => {}, cwd: process.cwd() });
const usage = process.resourceUsage();
process.stdout.write(
  `${JSON.stringify({ code, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, maxRssMb: usage.maxRSS / 1024 })}\n`,
);
