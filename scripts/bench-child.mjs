// One measured command in a fresh process, run as users run it (bin/keikaku.js, the compiled
// lib/): on exit, writes its exit code, CPU time and peak memory as JSON to the file named by
// KEIKAKU_BENCH_REPORT.
import { writeFileSync } from 'node:fs';

process.on('exit', (code) => {
  const usage = process.resourceUsage();
  writeFileSync(
    process.env.KEIKAKU_BENCH_REPORT,
    JSON.stringify({
      code,
      cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
      maxRssMb: usage.maxRSS / 1024,
    }),
  );
});
await import('../bin/keikaku.js');
